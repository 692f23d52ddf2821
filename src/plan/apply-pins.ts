/** Lays pins over a plan: a pinned track takes its pinned recording without a search, a skipped one is skipped. */
import { ConfigError } from "../errors.ts";
import { type PinTarget, pinnedCandidate } from "../match/pins.ts";
import type { PlanItem } from "./model.ts";
import { trackKey } from "../plugins/track-key.ts";

/**
 * `pins`: track key (`spotify:<id>`, see trackKey) → what the user wrote; config pins are laid over `match --pin`
 * ones by the caller. `findPin` reads a pin as the loaded providers recognise it (the registry's `findPin`).
 */
export function applyPins(
  items: readonly PlanItem[],
  pins: Readonly<Record<string, string>>,
  findPin: (text: string) => PinTarget | null,
): void {
  for (const item of items) {
    if (item.kind !== "track") continue;
    const text = pins[trackKey(item.track)];
    const pin: PinTarget | null = text === undefined ? null : findPin(text);
    if (!pin) continue;
    if (pin.kind === "skip") {
      if (item.status !== "done") Object.assign(item, { status: "skipped", skipReason: "skipped by pin" });
      continue;
    }
    const candidate = pinnedCandidate(item.track, pin);
    item.pinned = true;
    if (item.match?.candidate.provider === candidate.provider && item.match.candidate.id === candidate.id) continue;
    item.match = { candidate, distance: 0, verdict: "strong" };
  }
}

/**
 * Every `download.pins` value must name a recording a loaded provider recognises: the config check alone cannot
 * tell a provider's link from any other, and a typo should stop the run before it starts, not skip a pin quietly.
 */
export function checkConfigPins(
  pins: Readonly<Record<string, string>>,
  findPin: (text: string) => PinTarget | null,
  context: { readonly configFile: string | null; readonly providers: readonly string[] },
): void {
  const issues = Object.values(pins)
    .filter((text) => findPin(text) === null)
    .map((text) => ({
      path: "download.pins",
      message: `no provider recognises "${text.trim()}"; expected a link of one of the providers (${context.providers.join(", ") || "none loaded"}), provider:id, or skip`,
    }));
  if (issues.length > 0) throw new ConfigError(context.configFile ?? "config", issues);
}
