/** Renders progress: a live multi-line view on a TTY, one plain line per finished item otherwise, NDJSON with --json. */
import type { EventSink, ExecutorEvent } from "../../plan/events.ts";
import { jsonDocument } from "../../util/json-document.ts";
import { applyEvent, createProgressState, formatDuration, rateAndEta, type ProgressState } from "./state.ts";

export type ProgressMode = "live" | "lines" | "json" | "silent";

export interface ProgressRenderer {
  readonly onEvent: EventSink;
  stop(): void;
}

export interface RendererOptions {
  readonly mode: ProgressMode;
  readonly write: (text: string) => void;
  readonly now?: () => number;
  /** Terminal width for the live view. */
  readonly columns?: number;
}

export function createProgressRenderer(options: RendererOptions): ProgressRenderer {
  const now = options.now ?? Date.now;
  const state = createProgressState(now());
  if (options.mode === "json") {
    return {
      onEvent: (event) => options.write(`${JSON.stringify(jsonDocument({ ...event, at: now() }))}\n`),
      stop() {},
    };
  }
  if (options.mode === "silent") return { onEvent: (event) => applyEvent(state, event), stop() {} };
  if (options.mode === "lines") return { onEvent: (event) => writeLine(state, event, options.write), stop() {} };
  return createLiveView(state, options, now);
}

function writeLine(state: ProgressState, event: ExecutorEvent, write: (text: string) => void): void {
  applyEvent(state, event);
  if (event.type === "item-end" && event.status !== "skipped") {
    const finished = state.done + state.failed + state.skipped;
    const detail = event.detail ? `: ${event.detail}` : "";
    write(`[${finished}/${state.total}] ${event.status} ${event.label}${detail}\n`);
  } else if (event.type === "wait") {
    write(`waiting ${formatDuration((event.untilMs - Date.now()) / 1000)}: ${event.reason}\n`);
  }
}

function createLiveView(state: ProgressState, options: RendererOptions, now: () => number): ProgressRenderer {
  let drawnLines = 0;
  let started = false;
  let stopped = false;
  const draw = () => {
    // Before run-start the plan is being made and its warnings go to stderr too: a block drawn then would be torn
    // by them. Only a rate-limit wait is worth showing that early.
    if (!started && !(state.waitUntilMs !== null && state.waitUntilMs > now()) && drawnLines === 0) return;
    const lines = liveLines(state, now(), options.columns ?? 80);
    const clear = drawnLines ? `\x1b[${drawnLines}F\x1b[J` : "";
    options.write(`${clear}${lines.join("\n")}\n`);
    drawnLines = lines.length;
  };
  const timer = setInterval(draw, 200);
  const stop = () => {
    // Called at run-end, after the run and on the way out: a second final draw would move up over what was printed
    // in between (prune's warnings, the summary) and overwrite it.
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    if (started || drawnLines > 0) draw();
  };
  return {
    onEvent(event) {
      applyEvent(state, event);
      if (event.type === "run-start") started = true;
      if (event.type === "item-end" && event.status === "failed") {
        // Failures stay on screen above the live block.
        const clear = drawnLines ? `\x1b[${drawnLines}F\x1b[J` : "";
        options.write(`${clear}failed ${event.label}: ${event.detail ?? ""}\n`);
        drawnLines = 0;
      }
      // What follows the run (pruning, the summary) writes below the final block, never under a redraw.
      if (event.type === "run-end") stop();
    },
    stop,
  };
}

export function liveLines(state: ProgressState, nowMs: number, columns: number): string[] {
  const finished = state.done + state.failed + state.skipped;
  const width = Math.max(10, Math.min(40, columns - 60));
  const filled = state.total ? Math.round((finished / state.total) * width) : 0;
  const bar = `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
  const { perSecond, etaS } = rateAndEta(state, nowMs);
  const eta = etaS === null ? "ETA --" : `ETA ${formatDuration(etaS)}`;
  const head = `${bar} ${finished}/${state.total} · done ${state.done} · skipped ${state.skipped} · failed ${state.failed} · ${perSecond.toFixed(1)}/s · ${eta}`;
  const lines = [head.slice(0, columns)];
  if (state.waitUntilMs !== null && state.waitUntilMs > nowMs) {
    lines.push(
      `  waiting ${formatDuration((state.waitUntilMs - nowMs) / 1000)}: ${state.waitReason}`.slice(0, columns),
    );
  }
  for (const { label, stage } of state.inFlight.values()) lines.push(`  ${stage.padEnd(8)} ${label}`.slice(0, columns));
  return lines;
}
