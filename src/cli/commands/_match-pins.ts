/** `musicdl match --pin/--skip`: records a pin in the store, and tells what download does with a pinned track. */
import { UsageError } from "../../errors.ts";
import { jsonDocument } from "../../util/json-document.ts";
import { type PinTarget, parsePinTarget } from "../../match/pins.ts";
import { openSession } from "../session.ts";

type Session = Awaited<ReturnType<typeof openSession>>;

/** Records the choice in the store, where every later plan, download and match finds it. */
export async function recordPin(args: Parameters<typeof openSession>[0]["args"], trackId: string, text: string) {
  const pin = parsePinTarget(text);
  if (!pin) {
    throw new UsageError(`--pin ${text}: not a recording musicdl can fetch.`, {
      hint: "Pass a link like https://music.youtube.com/watch?v=<id> or https://youtu.be/<id>, provider:id, or use --skip.",
    });
  }
  const session = await openSession({ args });
  try {
    session.store.pins.set(trackId, text.trim());
    const what = pin.kind === "skip" ? "skipped: download never fetches it" : `pinned to ${pinName(pin)}`;
    process.stdout.write(`https://open.spotify.com/track/${trackId} ${what}; it is never searched again.\n`);
  } finally {
    await session.close();
  }
}

/** The pin download follows for a track: the config's `download.pins` over `match --pin` ones. */
export function pinOf(session: Session, trackId: string): PinTarget | null {
  const text = session.config.download.pins?.[trackId] ?? session.store.pins.all()[trackId];
  return text === undefined ? null : parsePinTarget(text);
}

export function describePin(trackId: string, pin: PinTarget, providers: readonly string[], json: boolean): string {
  const provider = pin.kind === "pin" ? (pin.provider ?? providers[0] ?? "youtube-music") : null;
  if (json) {
    const picked = pin.kind === "pin" ? { provider, id: pin.id } : null;
    const document = jsonDocument({
      track: { spotify_id: trackId },
      pinned: true,
      skipped: pin.kind === "skip",
      picked,
    });
    return `${JSON.stringify(document, null, 2)}\n`;
  }
  const what = pin.kind === "skip" ? "download skips it" : `download takes ${provider}:${pin.id} without searching`;
  return `https://open.spotify.com/track/${trackId} is ${pin.kind === "skip" ? "skipped" : "pinned"}: ${what}.\nChange it with musicdl match <url> --pin <link> or --skip (or download.pins in the config).\n`;
}

function pinName(pin: Extract<PinTarget, { kind: "pin" }>): string {
  return `${pin.provider ? `${pin.provider}:` : ""}${pin.id}`;
}
