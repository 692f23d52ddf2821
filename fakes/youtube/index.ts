/** The fake YouTube (InnerTube search/player and googlevideo media) for tests, the demo and e2e runs. */
export { durationText, type FakeVideo, matchCatalog } from "./catalog.ts";
export { MEDIA_HOST } from "./player-response.ts";
export {
  type FakeRequest,
  type FakeYouTube,
  type FakeYouTubeOptions,
  SONGS_FILTER_PARAMS,
  startFakeYouTube,
  VIDEOS_FILTER_PARAMS,
} from "./server.ts";
