/** `musicdl match URL`: which recording download would take for one Spotify track, every candidate scored, and why. */
import { defineCommand } from "citty";
import { UsageError } from "../../errors.ts";
import {
  type ProviderCandidates,
  type ProviderPick,
  pickAcrossProviders,
  rankCandidates,
  renderMatchTable,
  resolveMatchSettings,
  searchAcrossProviders,
} from "../../match/index.ts";
import type { AudioCandidate, TrackMeta } from "../../plugins/api.ts";
import { callPlugin } from "../../plugins/call.ts";
import { parseSpotifyUrl } from "../../spotify/url.ts";
import { checkPlainText } from "../../config/text-source.ts";
import { describeTextResolution, textQueriesToJson } from "../../plan/to-json.ts";
import { EXIT_CODES_HELP, globalArgs } from "../global-args.ts";
import { openSession } from "../session.ts";

export default defineCommand({
  meta: {
    name: "match",
    description: `Search the audio providers for one Spotify track and show every candidate with its score, best first.\nThe same providers, order and thresholds as download; exit 1 when nothing is acceptable.\n\nExamples:\n  musicdl match https://open.spotify.com/track/3n3Ppam7vgaVa1iaRUc9Lp --explain\n  musicdl match spotify:track:3n3Ppam7vgaVa1iaRUc9Lp --json | jq '.candidates[0]'\n  musicdl match "Rush - YYZ"   # found through Spotify search first\n\n${EXIT_CODES_HELP}`,
  },
  args: {
    url: {
      type: "positional",
      required: true,
      description: 'A Spotify track URL or URI, or a song as text ("Artist - Title")',
    },
    explain: { type: "boolean", description: "Show each candidate's penalties under its row" },
    all: {
      type: "boolean",
      description: "Ask every provider, also after one gave a strong match (download stops there)",
    },
    ...globalArgs,
  },
  async run({ args }) {
    const ref = parseSpotifyUrl(args.url);
    const isText = ref === null && checkPlainText(args.url).query;
    if (ref?.kind !== "track" && !isText) {
      throw new UsageError(`${args.url}: not a Spotify track link.`, {
        hint: 'Pass one track, e.g. https://open.spotify.com/track/<id> (open a song\'s Share menu in Spotify), or its name as "Artist - Title".',
      });
    }
    // Read-only: Ctrl-C may simply end the process; the signal is for the plugins' contract.
    const signal = new AbortController().signal;
    const session = await openSession({ args });
    try {
      const { config, registry, spotify } = session;
      const resolution = ref ? undefined : await spotify.resolveText(args.url, { signal });
      if (resolution && !args.json) process.stderr.write(`${describeTextResolution(resolution)}\n`);
      const [track] = resolution ? [resolution.track] : (await spotify.resolve(ref!, { signal })).tracks;
      if (!track) throw new UsageError(`${args.url}: Spotify returned no playable track.`);
      const providers = registry.providersInOrder(config.download.audioProviders);
      const search = async (name: string): Promise<AudioCandidate[]> => {
        const provider = providers.find((candidate) => candidate.name === name)!;
        return callPlugin(provider, "search", () => provider.search(track, { limit: 10, signal: signal }));
      };
      const names = providers.map((provider) => provider.name);
      const settings = resolveMatchSettings(config.match);
      const pick = args.all
        ? await pickFromEveryProvider(track, names, search, settings)
        : await searchAcrossProviders(track, names, search, settings);
      if (args.json) {
        const textQuery = resolution ? { text_query: textQueriesToJson([resolution])[0] } : {};
        process.stdout.write(`${JSON.stringify({ ...textQuery, ...matchToJson(track, pick) }, null, 2)}\n`);
      } else process.stdout.write(renderMatchReport(track, pick, args.explain === true));
      if (!pick.best) process.exitCode = 1;
    } finally {
      await session.close();
    }
  },
});

/** The pick download would make, with every provider's candidates ranked together for the table. */
async function pickFromEveryProvider(
  track: TrackMeta,
  names: readonly string[],
  search: (name: string) => Promise<AudioCandidate[]>,
  settings: ReturnType<typeof resolveMatchSettings>,
): Promise<ProviderPick> {
  const seen: ProviderCandidates[] = [];
  for (const provider of names) seen.push({ provider, candidates: await search(provider) });
  const pick = pickAcrossProviders(track, seen, settings);
  const ranked = rankCandidates(
    track,
    seen.flatMap((entry) => entry.candidates),
    settings,
  );
  return { best: pick.best, ranked, providersTried: [...names] };
}

function renderMatchReport(track: TrackMeta, pick: ProviderPick, explain: boolean): string {
  // Every candidate: the one a user wonders about is often the one that ranked last.
  const table = renderMatchTable(track, pick.ranked, { explain, limit: pick.ranked.length });
  const asked = `providers asked: ${pick.providersTried.join(", ")}`;
  const verdict = pick.best
    ? `download would take ${pick.best.candidate.provider}:${pick.best.candidate.id} (${pick.best.score.verdict}, ${pick.best.score.distance.toFixed(2)}) ${pick.best.candidate.url}`
    : "no acceptable match: download would fail this track";
  return `${table}\n${asked}\n${verdict}\n`;
}

/** Plain JSON, snake_case like `plan --json`; every penalty with its weight, so scores can be recomputed. */
export function matchToJson(track: TrackMeta, pick: ProviderPick) {
  return {
    track: {
      spotify_id: track.spotifyId,
      title: track.title,
      artists: track.artists,
      album: track.album.name,
      duration_ms: track.durationMs,
      isrc: track.isrc ?? null,
    },
    providers_asked: pick.providersTried,
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
