/** Where a track item failed: errors thrown inside a stage carry it, so the item's failure names the stage. */
import { describeCause } from "../../errors.ts";
import type { PlanStage } from "../model.ts";

/** Thrown inside a stage so the failure records where it happened. */
export class StageError extends Error {
  constructor(
    readonly stage: PlanStage,
    cause: unknown,
  ) {
    super(describeCause(cause), { cause });
  }
}

/** Runs one stage's work; a throw becomes a StageError naming the stage (unless it already is one). */
export async function inStage<T>(stage: PlanStage, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    throw error instanceof StageError ? error : new StageError(stage, error);
  }
}
