/** Progress events the executor emits and the CLI renders (live view, plain lines, or NDJSON with --json). */
import type { PlanItemStatus, PlanStage } from "./model.ts";

export type ExecutorEvent =
  | { readonly type: "run-start"; readonly total: number; readonly counts: Readonly<Record<PlanItemStatus, number>> }
  | { readonly type: "item-stage"; readonly id: string; readonly label: string; readonly stage: PlanStage }
  | {
      readonly type: "item-end";
      readonly id: string;
      readonly label: string;
      readonly status: "done" | "failed" | "skipped";
      readonly detail?: string;
    }
  | { readonly type: "wait"; readonly reason: string; readonly untilMs: number }
  | {
      readonly type: "run-end";
      readonly counts: Readonly<Record<PlanItemStatus, number>>;
      readonly interrupted: boolean;
    };

export type EventSink = (event: ExecutorEvent) => void;
