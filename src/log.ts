/** The one consola instance. Logs go to stderr so `--json` keeps stdout for JSON; secrets are redacted. */
import { createConsola, type ConsolaInstance, type LogObject } from "consola";
import { wantsColour } from "./util/colour.ts";
import { redact } from "./util/redact.ts";

function redactArg(arg: unknown): unknown {
  if (typeof arg === "string") return redact(arg);
  if (arg instanceof Error) return redact(arg.message);
  return arg;
}

export const log: ConsolaInstance = createConsola({
  level: 3,
  stdout: process.stderr,
  stderr: process.stderr,
  formatOptions: { date: false, colors: wantsColour(process.stderr) },
});

log.addReporter({
  log(entry: LogObject) {
    entry.args = entry.args.map(redactArg);
  },
});
// Reporters run in order; move ours first so the fancy/basic reporter sees redacted args.
log.options.reporters.unshift(log.options.reporters.pop()!);

/** --debug: 4, default: 3, --quiet: 1 (errors and warnings only). */
export function setLogLevel(level: "debug" | "info" | "quiet"): void {
  log.level = level === "debug" ? 4 : level === "quiet" ? 1 : 3;
}

/** A child logger tagged `[name]`, e.g. for a plugin. */
export function createTaggedLogger(tag: string): ConsolaInstance {
  return log.withTag(tag);
}
