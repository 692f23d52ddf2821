/** `musicdl match --pin/--skip`: records a pin in the store, and tells what download does with a pinned track. */
import { UsageError } from "../../errors.ts";
import { jsonDocument } from "../../util/json-document.ts";
import { type PinTarget, readPinText } from "../../match/pins.ts";
import type { TrackMeta } from "../../plugins/api.ts";
import { trackKey } from "../../plugins/track-key.ts";
import { openSession } from "../session.ts";

type Session = Awaited<ReturnType<typeof openSession>>;

/** What a pin needs of a track: its identity, and a link to name it by. */
export type PinnedTrack = Pick<TrackMeta, "source" | "id" | "url">;

/** Records the choice in the store, where every later plan, download and match finds it. */
export async function recordPin(args: Parameters<typeof openSession>[0]["args"], track: PinnedTrack, text: string) {
  // What no provider could take is refused before the session opens; which provider a link is is theirs to say.
  if (!readPinText(text)) throw notFetchable(text, []);
  const session = await openSession({ args });
  try {
    const pin = pinOf(session, track, text);
    if (!pin) throw notFetchable(text, providerNames(session));
    session.store.pins.set(trackKey(track), text.trim());
    const what = pin.kind === "skip" ? "skipped: download never fetches it" : `pinned to ${pin.provider}:${pin.id}`;
    process.stdout.write(`${nameOf(track)} ${what}; it is never searched again.\n`);
  } finally {
    await session.close();
  }
}

/** The pin download follows for a track (the config's `download.pins` over `match --pin` ones), or `text`'s. */
export function pinOf(session: Session, track: PinnedTrack, text?: string): PinTarget | null {
  const key = trackKey(track);
  const written = text ?? session.config.download.pins?.[key] ?? session.store.pins.all()[key];
  return written === undefined ? null : session.registry.findPin(written, session.config.download.audioProviders);
}

export function describePin(track: PinnedTrack, pin: PinTarget, json: boolean): string {
  const provider = pin.kind === "pin" ? pin.provider : null;
  if (json) {
    const picked = pin.kind === "pin" ? { provider, id: pin.id } : null;
    const document = jsonDocument({
      track: { source: track.source, sourceId: track.id },
      pinned: true,
      skipped: pin.kind === "skip",
      picked,
    });
    return `${JSON.stringify(document, null, 2)}\n`;
  }
  const what = pin.kind === "skip" ? "download skips it" : `download takes ${provider}:${pin.id} without searching`;
  return `${nameOf(track)} is ${pin.kind === "skip" ? "skipped" : "pinned"}: ${what}.\nChange it with musicdl match <url> --pin <link> or --skip (or download.pins in the config).\n`;
}

/** The track's link, or its key when its source gave none. */
function nameOf(track: PinnedTrack): string {
  return track.url ?? trackKey(track);
}

function notFetchable(text: string, providers: readonly string[]): UsageError {
  const whose = providers.length > 0 ? ` of one of the providers (${providers.join(", ")})` : " of a provider";
  return new UsageError(`--pin ${text}: not a recording musicdl can fetch.`, {
    hint: `Pass a link${whose} to the recording, or its id, or provider:id; or use --skip.`,
  });
}

function providerNames(session: Session): string[] {
  return session.registry.all().flatMap((plugin) => (plugin.kind === "provider" ? [plugin.name] : []));
}
