/** Cooperative cancellation: the first SIGINT/SIGTERM/SIGHUP aborts work in hand (which saves state); a second one exits now. */
import { EXIT } from "../errors.ts";

export interface Cancellation {
  readonly signal: AbortSignal;
  dispose(): void;
}

function quitNow(): never {
  process.exit(EXIT.INTERRUPTED);
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
  // A closed terminal or ssh session: save progress like Ctrl-C rather than die with ffmpeg left running.
  process.on("SIGHUP", onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      process.off("SIGHUP", onSignal);
      // The work is over but the process is still closing the store: a signal now quits at once, through
      // process.exit, so exit hooks (which kill any child left) still run and the code says "interrupted".
      for (const name of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(name, quitNow);
    },
  };
}
