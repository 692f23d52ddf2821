/** `musicdl match URL`: which recording download would take for one track, every candidate scored, and why. */
import { defineCommand } from "citty";
import { jsonDocument } from "../../util/json-document.ts";
import { UsageError } from "../../errors.ts";
import {
  pickFromEveryProvider,
  type ProviderPick,
  type ProviderSearch,
  renderMatchTable,
  resolveMatchSettings,
  searchAcrossProviders,
} from "../../match/index.ts";
import type { TrackMeta } from "../../plugins/api.ts";
import { callPlugin, callSource } from "../../plugins/call.ts";
import { openLinkSources } from "../../plugins/link-sources.ts";
import { describePin, type PinnedTrack, pinOf, recordPin } from "./_match-pins.ts";
import { checkPlainText } from "../../config/text-source.ts";
import { describeTextResolution } from "../../match/track-choice.ts";
import { textQueriesToJson } from "../../plan/to-json.ts";
import { EXIT_CODES_HELP, globalArgs } from "../global-args.ts";
import { openSession } from "../session.ts";

export default defineCommand({
  meta: {
    name: "match",
    description: `Search the audio providers for one track and show every candidate with its score, best first.\nThe same providers, order and thresholds as download; exit 1 when nothing is acceptable.\n\nExamples:\n  musicdl match <track link> --explain\n  musicdl match <track link> --json | jq '.candidates[0]'\n  musicdl match "Rush - YYZ"   # found through a source's search first\n\n${EXIT_CODES_HELP}`,
  },
  args: {
    url: {
      type: "positional",
      required: true,
      description: 'A track link or URI of a source (musicdl plugins lists them), or a song as text ("Artist - Title")',
    },
    explain: { type: "boolean", description: "Show each candidate's penalties under its row" },
    pin: {
      type: "string",
      description:
        "Record this recording for the track for good (a YouTube Music/YouTube link, provider:id or video id); no search",
    },
    skip: { type: "boolean", description: "Record that download never fetches this track; no search" },
    all: {
      type: "boolean",
      description: "Ask every provider, also after one gave a strong match (download stops there)",
    },
    ...globalArgs,
  },
  async run({ args }) {
    const links = await openLinkSources({ noExternal: args.plugins === false });
    const found = links.match(args.url);
    const ref = found?.ref.kind === "track" ? found.ref : null;
    // The track as the link names it, before anything is asked: enough to pin it, or to find its pin.
    const linked: PinnedTrack | null = ref && found ? { source: found.source, id: ref.id, url: args.url.trim() } : null;
    const isText = found === null && checkPlainText(args.url).query;
    const label = links.links?.label ?? "source";
    if (!ref && !isText) {
      const example = links.links ? `e.g. ${links.links.example("track")}` : "a track link of a loaded source";
      throw new UsageError(`${args.url}: not a ${label} track link.`, {
        hint: `Pass one track, ${example}, or its name as "Artist - Title".`,
      });
    }
    const pinText = args.skip ? "skip" : args.pin;
    if (pinText !== undefined) {
      if (!ref) {
        throw new UsageError(`${args.url}: --pin and --skip take the track's ${label} link, not text.`, {
          hint: `Run \`musicdl match "${args.url}"\` to see which track it names, then pin that link.`,
        });
      }
      await recordPin(args, linked!, pinText);
      return;
    }
    // Read-only: Ctrl-C may simply end the process; the signal is for the plugins' contract.
    const signal = new AbortController().signal;
    const session = await openSession({ args, links });
    try {
      const { config, registry } = session;
      const source = ref ? registry.findSource(args.url) : undefined;
      const searcher = registry.sources.find((candidate) => candidate.search);
      const searchText = searcher?.search?.bind(searcher);
      if (!ref && (!searcher || !searchText)) throw new UsageError(`${args.url}: no loaded source searches text.`);
      const resolution = ref
        ? undefined
        : await callSource(searcher!, "search", () => searchText!(args.url, { signal }));
      if (resolution && !args.json) process.stderr.write(`${describeTextResolution(resolution)}\n`);
      const pinned = resolution ? resolution.track : linked!;
      // A pinned or skipped track is never searched, by download or here.
      const pin = pinOf(session, pinned);
      if (pin) {
        process.stdout.write(describePin(pinned, pin, args.json === true));
        return;
      }
      const [track] = resolution
        ? [resolution.track]
        : (await callSource(source!.plugin, "resolve", () => source!.plugin.resolve(source!.ref, { signal }))).tracks;
      if (!track) throw new UsageError(`${args.url}: ${label} returned no playable track.`);
      const providers = registry.providersInOrder(config.download.audioProviders);
      // The same search options download sends, isSure included, so a provider searches exactly as deep.
      const search: ProviderSearch = async (name, isSure) => {
        const provider = providers.find((candidate) => candidate.name === name)!;
        return callPlugin(provider, "search", () => provider.search(track, { limit: 10, signal, isSure }));
      };
      const names = providers.map((provider) => provider.name);
      const settings = resolveMatchSettings(config.match);
      const pick = args.all
        ? await pickFromEveryProvider(track, names, search, settings)
        : await searchAcrossProviders(track, names, search, settings);
      if (args.json) {
        const textQuery = resolution ? { text_query: textQueriesToJson([resolution])[0] } : {};
        process.stdout.write(
          `${JSON.stringify(jsonDocument({ ...textQuery, ...matchToJson(track, pick) }), null, 2)}\n`,
        );
      } else process.stdout.write(renderMatchReport(track, pick, args.explain === true));
      if (!pick.best) process.exitCode = 1;
    } finally {
      await session.close();
    }
  },
});

function renderMatchReport(track: TrackMeta, pick: ProviderPick, explain: boolean): string {
  // Every candidate: the one a user wonders about is often the one that ranked last.
  const table = renderMatchTable(track, pick.ranked, { explain, limit: pick.ranked.length });
  const failed = pick.errors.map((error) => `search failed: ${error}\n`).join("");
  const asked = `${failed}providers asked: ${pick.providersTried.join(", ")}`;
  const verdict = pick.best
    ? `download would take ${pick.best.candidate.provider}:${pick.best.candidate.id} (${pick.best.score.verdict}, ${pick.best.score.distance.toFixed(2)}) ${pick.best.candidate.url}`
    : "no acceptable match: download would fail this track";
  return `${table}\n${asked}\n${verdict}\n`;
}

/** Plain JSON, snake_case like `plan --json`; every penalty with its weight, so scores can be recomputed. */
export function matchToJson(track: TrackMeta, pick: ProviderPick) {
  return {
    track: {
      source: track.source,
      source_id: track.id,
      title: track.title,
      artists: track.artists,
      album: track.album.name,
      duration_ms: track.durationMs,
      isrc: track.isrc ?? null,
    },
    providers_asked: pick.providersTried,
    // A provider that could not answer is part of what was tried: the text report says "search failed" too.
    search_errors: pick.errors,
    picked: pick.best ? { provider: pick.best.candidate.provider, id: pick.best.candidate.id } : null,
    candidates: pick.ranked.map(({ candidate, score }) => ({
      provider: candidate.provider,
      id: candidate.id,
      title: candidate.title,
      artists: candidate.artists,
      duration_ms: candidate.durationMs,
      kind: candidate.kind,
      url: candidate.url,
      distance: score.distance,
      verdict: score.verdict,
      reject_reason: score.rejectReason ?? null,
      penalties: score.penalties.map((penalty) => ({
        name: penalty.name,
        value: penalty.value,
        weight: penalty.weight,
        detail: penalty.detail ?? null,
      })),
    })),
  };
}
