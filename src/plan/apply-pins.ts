/** Lays pins over a plan: a pinned track takes its pinned recording without a search, a skipped one is skipped. */
import { type PinTarget, parsePinTarget, pinnedCandidate } from "../match/pins.ts";
import type { PlanItem } from "./model.ts";
import { trackKey } from "../plugins/track-key.ts";

/** `pins`: track key (`spotify:<id>`, see trackKey) → target; config pins are laid over `match --pin` ones by the caller. */
export function applyPins(
  items: readonly PlanItem[],
  pins: Readonly<Record<string, string>>,
  providers: readonly string[],
): void {
  for (const item of items) {
    if (item.kind !== "track") continue;
    const text = pins[trackKey(item.track)];
    const pin: PinTarget | null = text === undefined ? null : parsePinTarget(text);
    if (!pin) continue;
    if (pin.kind === "skip") {
      if (item.status !== "done") Object.assign(item, { status: "skipped", skipReason: "skipped by pin" });
      continue;
    }
    const candidate = pinnedCandidate(item.track, pin, providers);
    item.pinned = true;
    if (item.match?.candidate.provider === candidate.provider && item.match.candidate.id === candidate.id) continue;
    item.match = { candidate, distance: 0, verdict: "strong" };
  }
}
