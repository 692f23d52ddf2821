/** Cooperative cancellation: the first SIGINT/SIGTERM aborts work in hand (which saves state); a second one exits now. */
import { EXIT } from "../errors.ts";

export interface Cancellation {
  readonly signal: AbortSignal;
  dispose(): void;
}

export function cancelOnSignals(): Cancellation {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(EXIT.INTERRUPTED);
    process.stderr.write(
      `\n${name}: finishing the files in hand and saving progress (press Ctrl-C again to quit now)\n`,
    );
    controller.abort(new Error(`interrupted by ${name}`));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}
