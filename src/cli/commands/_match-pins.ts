/** `musicdl match --pin/--skip`: records a pin in the store, and tells what download does with a pinned track. */
import { UsageError } from "../../errors.ts";
import { jsonDocument } from "../../util/json-document.ts";
import { type PinTarget, parsePinTarget } from "../../match/pins.ts";
import { openSession } from "../session.ts";
import type { TrackMeta } from "../../plugins/api.ts";
import { trackKey } from "../../plugins/track-key.ts";

type Session = Awaited<ReturnType<typeof openSession>>;

/** What a pin needs of a track: its identity, and a link to name it by. */
export type PinnedTrack = Pick<TrackMeta, "source" | "id" | "url">;

/** Records the choice in the store, where every later plan, download and match finds it. */
export async function recordPin(args: Parameters<typeof openSession>[0]["args"], track: PinnedTrack, text: string) {
  const pin = parsePinTarget(text);
  if (!pin) {
    throw new UsageError(`--pin ${text}: not a recording musicdl can fetch.`, {
      hint: "Pass a link like https://music.youtube.com/watch?v=<id> or https://youtu.be/<id>, provider:id, or use --skip.",
    });
  }
  const session = await openSession({ args });
  try {
    session.store.pins.set(trackKey(track), text.trim());
    const what = pin.kind === "skip" ? "skipped: download never fetches it" : `pinned to ${pinName(pin)}`;
    process.stdout.write(`${nameOf(track)} ${what}; it is never searched again.\n`);
  } finally {
    await session.close();
  }
}

/** The pin download follows for a track: the config's `download.pins` over `match --pin` ones. */
export function pinOf(session: Session, track: PinnedTrack): PinTarget | null {
  const key = trackKey(track);
  const text = session.config.download.pins?.[key] ?? session.store.pins.all()[key];
  return text === undefined ? null : parsePinTarget(text);
}

export function describePin(track: PinnedTrack, pin: PinTarget, providers: readonly string[], json: boolean): string {
  const provider = pin.kind === "pin" ? (pin.provider ?? providers[0] ?? "youtube-music") : null;
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

function pinName(pin: Extract<PinTarget, { kind: "pin" }>): string {
  return `${pin.provider ? `${pin.provider}:` : ""}${pin.id}`;
}
