/** Progress bookkeeping shared by the renderers: counts, items in flight, rate and ETA. Pure. */
import type { ExecutorEvent } from "../../plan/events.ts";
import type { PlanStage } from "../../plan/model.ts";

export interface ProgressState {
  total: number;
  done: number;
  skipped: number;
  failed: number;
  startedAtMs: number;
  inFlight: Map<string, { label: string; stage: PlanStage }>;
  waitUntilMs: number | null;
  waitReason: string;
}

export function createProgressState(nowMs: number): ProgressState {
  return {
    total: 0,
    done: 0,
    skipped: 0,
    failed: 0,
    startedAtMs: nowMs,
    inFlight: new Map(),
    waitUntilMs: null,
    waitReason: "",
  };
}

export function applyEvent(state: ProgressState, event: ExecutorEvent): void {
  switch (event.type) {
    case "run-start":
      state.total = event.total;
      break;
    case "item-stage":
      state.inFlight.set(event.id, { label: event.label, stage: event.stage });
      break;
    case "item-end":
      state.inFlight.delete(event.id);
      state[event.status === "done" ? "done" : event.status === "failed" ? "failed" : "skipped"]++;
      break;
    case "wait":
      state.waitUntilMs = event.untilMs;
      state.waitReason = event.reason;
      break;
    case "run-end":
      state.inFlight.clear();
      break;
  }
}

/** Items per second over the finished (not skipped) work, and the seconds left at that rate. */
export function rateAndEta(state: ProgressState, nowMs: number): { perSecond: number; etaS: number | null } {
  const elapsedS = Math.max(0.001, (nowMs - state.startedAtMs) / 1000);
  const worked = state.done + state.failed;
  const perSecond = worked / elapsedS;
  const left = state.total - state.done - state.failed - state.skipped;
  return { perSecond, etaS: perSecond > 0 ? left / perSecond : null };
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}
