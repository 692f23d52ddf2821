/**
 * Pins: a user's lasting correction of a pick. A pin names the provider's recording to take for a track (one of the
 * provider's own links or ids, which the provider recognises, or `provider:id`); `skip` means "never download this
 * track". Pinned and skipped tracks are never searched.
 */
import type { AudioCandidate, PinnedRecording, ProviderPlugin, TrackMeta } from "../plugins/api.ts";
import { callPluginSync } from "../plugins/call.ts";

export type PinTarget =
  | { readonly kind: "skip" }
  | {
      readonly kind: "pin";
      readonly provider: string;
      readonly id: string;
      /** A page a person can open: the link as the user wrote it, or the provider's own. */
      readonly url: string;
      /** The provider's own, for its `download`. */
      readonly data?: unknown;
    };

/** What a user wrote, read without asking any provider. */
export type PinText =
  | { readonly kind: "skip" }
  | { readonly kind: "named"; readonly provider: string; readonly id: string }
  /** A link or a bare id: one of the providers must recognise it. */
  | { readonly kind: "theirs"; readonly text: string };

const NAMED = /^([a-z][a-z0-9-]*):(.+)$/;
const BARE_ID = /^[A-Za-z0-9_-]+$/;

/**
 * Reads what a user wrote after `--pin` or in `download.pins` as far as the core can alone: `skip`, an http(s)
 * link, `provider:id`, or a bare id; null when it can be none of them (spaces, empty).
 */
export function readPinText(text: string): PinText | null {
  const value = text.trim();
  if (value.toLowerCase() === "skip") return { kind: "skip" };
  if (/^https?:\/\//i.test(value)) return URL.canParse(value) ? { kind: "theirs", text: value } : null;
  const named = NAMED.exec(value);
  if (named?.[1] && named[2]) return { kind: "named", provider: named[1], id: named[2] };
  return BARE_ID.test(value) ? { kind: "theirs", text: value } : null;
}

/**
 * The recording `text` pins, asking `providers` in order (the configured `audio_providers` first): the first whose
 * `pin` recognises a link or bare id takes it; `provider:id` goes to that provider. Null when no provider
 * recognises the text.
 */
export function resolvePinTarget(text: string, providers: readonly ProviderPlugin[]): PinTarget | null {
  const written = readPinText(text);
  if (written === null || written.kind === "skip") return written;
  if (written.kind === "named") {
    const provider = providers.find((candidate) => candidate.name === written.provider);
    const own = provider ? recognise(provider, written.id) : null;
    return toTarget(written.provider, own ?? { id: written.id, url: `${written.provider}:${written.id}` });
  }
  for (const provider of providers) {
    const own = recognise(provider, written.text);
    if (own) return toTarget(provider.name, own);
  }
  return null;
}

/** The candidate a pin stands for: the track's own metadata, since the pin's recording is the user's word. */
export function pinnedCandidate(track: TrackMeta, pin: Extract<PinTarget, { kind: "pin" }>): AudioCandidate {
  return {
    provider: pin.provider,
    id: pin.id,
    title: track.title,
    artists: track.artists,
    durationMs: track.durationMs,
    kind: "song",
    url: pin.url,
    ...(pin.data === undefined ? {} : { data: pin.data }),
  };
}

function recognise(provider: ProviderPlugin, text: string): PinnedRecording | null {
  const pin = provider.pin?.bind(provider);
  return pin ? callPluginSync(provider, "pin", () => pin(text)) : null;
}

function toTarget(provider: string, own: PinnedRecording): PinTarget {
  return { kind: "pin", provider, id: own.id, url: own.url, ...(own.data === undefined ? {} : { data: own.data }) };
}
