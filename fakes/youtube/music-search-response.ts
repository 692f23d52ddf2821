/**
 * Builds YouTube Music (WEB_REMIX) `/youtubei/v1/search` answers from catalog entries, following the recorded
 * shapes in shared/fixtures/youtube-music: search-songs.json (filtered: one musicShelfRenderer of
 * musicResponsiveListItemRenderer items), search-all.json (card + localized shelves) and search-isrc-card.json
 * (a musicCardShelfRenderer only).
 */
import { durationText, type FakeVideo } from "./catalog.ts";

export type ShelfLanguage = "en" | "de";

const WORDS = {
  en: { songs: "Songs", videos: "Videos", song: "Song", video: "Video", top: "Top result", and: " & " },
  de: { songs: "Titel", videos: "Videos", song: "Titel", video: "Video", top: "Top-Ergebnis", and: " und " },
} as const;

/** Stable fake browse ids, so the same artist always gets the same channel link. */
const browseId = (prefix: string, name: string) =>
  `${prefix}${Buffer.from(name).toString("base64url").padEnd(22, "x").slice(0, 22)}`;

const musicVideoType = (video: FakeVideo) => (video.kind === "song" ? "MUSIC_VIDEO_TYPE_ATV" : "MUSIC_VIDEO_TYPE_OMV");

function watchEndpoint(video: FakeVideo) {
  return {
    clickTrackingParams: "CLICK_TRACKING_PARAMS_PLACEHOLDER",
    watchEndpoint: {
      videoId: video.videoId,
      watchEndpointMusicSupportedConfigs: { watchEndpointMusicConfig: { musicVideoType: musicVideoType(video) } },
    },
  };
}

function browseRun(text: string, id: string, pageType: string) {
  return {
    text,
    navigationEndpoint: {
      browseEndpoint: {
        browseId: id,
        browseEndpointContextSupportedConfigs: { browseEndpointContextMusicConfig: { pageType } },
      },
    },
  };
}

/** "Artist • Album • 3:28" (songs) or "Artist • 1.2M views • 3:28" (videos), with artist and album links. */
function subtitleRuns(video: FakeVideo, language: ShelfLanguage, label: string | null) {
  const words = WORDS[language];
  const runs: object[] = label ? [{ text: label }, { text: " • " }] : [];
  video.artists.forEach((artist, index) => {
    if (index > 0) runs.push({ text: index === video.artists.length - 1 ? words.and : ", " });
    runs.push(
      video.plainArtists ? { text: artist } : browseRun(artist, browseId("UC", artist), "MUSIC_PAGE_TYPE_ARTIST"),
    );
  });
  if (video.kind === "song" && video.album) {
    runs.push({ text: " • " }, browseRun(video.album, browseId("MPREb_", video.album), "MUSIC_PAGE_TYPE_ALBUM"));
  }
  if (video.kind === "video") runs.push({ text: " • " }, { text: "1.2M views" });
  runs.push({ text: " • " }, { text: durationText(video.durationMs) });
  return runs;
}

function flexColumn(runs: object[]) {
  return {
    musicResponsiveListItemFlexColumnRenderer: {
      text: { runs },
      displayPriority: "MUSIC_RESPONSIVE_LIST_ITEM_COLUMN_DISPLAY_PRIORITY_HIGH",
    },
  };
}

function overlay(video: FakeVideo) {
  return {
    musicItemThumbnailOverlayRenderer: {
      content: {
        musicPlayButtonRenderer: {
          playNavigationEndpoint: watchEndpoint(video),
          playIcon: { iconType: "PLAY_ARROW" },
          pauseIcon: { iconType: "PAUSE" },
          iconColor: 4294967295,
          backgroundColor: 0,
          activeBackgroundColor: 0,
          loadingIndicatorColor: 14745645,
          playingIcon: { iconType: "VOLUME_UP" },
          iconLoadingColor: 0,
          activeScaleFactor: 1,
          buttonSize: "MUSIC_PLAY_BUTTON_SIZE_SMALL",
          rippleTarget: "MUSIC_PLAY_BUTTON_RIPPLE_TARGET_SELF",
        },
      },
      contentPosition: "MUSIC_ITEM_THUMBNAIL_OVERLAY_CONTENT_POSITION_CENTERED",
      displayStyle: "MUSIC_ITEM_THUMBNAIL_OVERLAY_DISPLAY_STYLE_PERSISTENT",
    },
  };
}

function listItem(video: FakeVideo, language: ShelfLanguage, label: string | null) {
  return {
    musicResponsiveListItemRenderer: {
      overlay: overlay(video),
      flexColumns: [
        flexColumn([{ text: video.title, navigationEndpoint: watchEndpoint(video) }]),
        flexColumn(subtitleRuns(video, language, label)),
        flexColumn([{ text: "333k plays" }]),
      ],
      playlistItemData: { videoId: video.videoId },
      flexColumnDisplayStyle: "MUSIC_RESPONSIVE_LIST_ITEM_FLEX_COLUMN_DISPLAY_STYLE_TWO_LINE_STACK",
    },
  };
}

function continuations(token: string | undefined) {
  return token ? { continuations: [{ nextContinuationData: { continuation: token, clickTrackingParams: "X" } }] } : {};
}

function shelf(title: string, items: object[], token?: string) {
  return {
    musicShelfRenderer: {
      title: { runs: [{ text: title }] },
      contents: items,
      ...continuations(token),
      shelfDivider: { musicShelfDividerRenderer: { hidden: true } },
    },
  };
}

function card(video: FakeVideo, language: ShelfLanguage) {
  const words = WORDS[language];
  return {
    musicCardShelfRenderer: {
      title: { runs: [{ text: video.title, navigationEndpoint: watchEndpoint(video) }] },
      subtitle: { runs: subtitleRuns(video, language, video.kind === "song" ? words.song : words.video) },
      onTap: watchEndpoint(video),
      header: { musicCardShelfHeaderBasicRenderer: { title: { runs: [{ text: words.top }] } } },
      thumbnailOverlay: overlay(video),
    },
  };
}

function wrap(sections: object[]) {
  const about = { itemSectionRenderer: { contents: [{ messageRenderer: { text: { runs: [{ text: "About" }] } } }] } };
  return {
    responseContext: { visitorData: "VISITOR_DATA_PLACEHOLDER" },
    contents: {
      tabbedSearchResultsRenderer: {
        tabs: [
          {
            tabRenderer: {
              title: "YT Music",
              selected: true,
              content: { sectionListRenderer: { contents: [about, ...sections] } },
            },
          },
        ],
      },
    },
  };
}

/**
 * A filtered search (songs or videos): one shelf, no type labels, and a continuation token when more results
 * wait on the next page. An empty match list gives no shelf.
 */
export function filteredSearchResponse(
  videos: readonly FakeVideo[],
  kind: "song" | "video",
  language: ShelfLanguage,
  nextPage?: string,
) {
  const words = WORDS[language];
  const items = videos.map((video) => listItem(video, language, null));
  return wrap(items.length === 0 ? [] : [shelf(kind === "song" ? words.songs : words.videos, items, nextPage)]);
}

/** The next page of a filtered search: `continuationContents.musicShelfContinuation`, as youtubei.js reads it. */
export function continuationResponse(videos: readonly FakeVideo[], language: ShelfLanguage, nextPage?: string) {
  return {
    responseContext: { visitorData: "VISITOR_DATA_PLACEHOLDER" },
    continuationContents: {
      musicShelfContinuation: {
        contents: videos.map((video) => listItem(video, language, null)),
        ...continuations(nextPage),
      },
    },
  };
}

/** An unfiltered search: the best hit as a top-result card, then a songs shelf and a (labelled) videos shelf. */
export function allSearchResponse(videos: readonly FakeVideo[], language: ShelfLanguage) {
  const words = WORDS[language];
  const [top] = videos;
  const songs = videos.filter((video) => video.kind === "song").map((video) => listItem(video, language, null));
  const clips = videos.filter((video) => video.kind === "video").map((video) => listItem(video, language, words.video));
  return wrap([
    ...(top ? [card(top, language)] : []),
    ...(songs.length ? [shelf(words.songs, songs)] : []),
    ...(clips.length ? [shelf(words.videos, clips)] : []),
  ]);
}

/**
 * An ISRC query: a top-result card and nothing else (search-isrc-card.json), or, for a video marked
 * `isrcInShelf`, no card and the hit inside a "Songs" shelf, as YouTube Music answers some ISRCs.
 */
export function isrcCardResponse(video: FakeVideo | undefined, language: ShelfLanguage) {
  if (video?.isrcInShelf) return wrap([shelf(WORDS[language].songs, [listItem(video, language, null)])]);
  return wrap(video ? [card(video, language)] : []);
}
