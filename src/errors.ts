/** Error classes that know how to present themselves: a message, a hint, and the exit code they end a run with. */
import { redact } from "./util/redact.ts";

/** Exit codes, documented in `--help` and the README. */
export const EXIT = {
  OK: 0,
  /** Some items failed; the rest finished. */
  SOME_FAILED: 1,
  /** Usage or config error. */
  USAGE: 2,
  /** Stopped by a rate limit or auth problem; run again later and it resumes. */
  RESUME_LATER: 3,
  /** Interrupted (SIGINT/SIGTERM). */
  INTERRUPTED: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface MusicdlErrorOptions {
  /** One sentence saying what to do about it. */
  hint?: string;
  cause?: unknown;
}

/** An expected failure: printed as one paragraph, no stack (unless --debug). */
export class MusicdlError extends Error {
  readonly exitCode: ExitCode = EXIT.SOME_FAILED;
  readonly hint: string | undefined;
  constructor(message: string, options: MusicdlErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
  }
}

export class UsageError extends MusicdlError {
  override readonly exitCode = EXIT.USAGE;
}

/** One problem found in a config file; a ConfigError carries all of them. */
export interface ConfigIssue {
  /** YAML path like `playlists[2].url`, or "" for the whole file. */
  path: string;
  /** 1-based line in the file, when known. */
  line?: number;
  message: string;
}

export class ConfigError extends MusicdlError {
  override readonly exitCode = EXIT.USAGE;
  constructor(
    readonly file: string,
    readonly issues: readonly ConfigIssue[],
    options: MusicdlErrorOptions = {},
  ) {
    super(issues.map((issue) => formatConfigIssue(file, issue)).join("\n"), options);
  }
}

export function formatConfigIssue(file: string, issue: ConfigIssue): string {
  const where = [file, issue.line === undefined ? "" : `line ${issue.line}`].filter(Boolean).join(" ");
  return `${where}${issue.path ? `, ${issue.path}` : ""}: ${issue.message}`;
}

/** The user stopped the run (Ctrl-C, SIGTERM). */
export class InterruptedError extends MusicdlError {
  override readonly exitCode = EXIT.INTERRUPTED;
  constructor() {
    super("Interrupted; progress was saved.", { hint: "Run the same command again to resume." });
  }
}

/** A plugin call failed: names the plugin and method, fails only the item in hand. */
export class PluginError extends MusicdlError {
  constructor(
    readonly plugin: string,
    readonly method: string,
    cause: unknown,
  ) {
    // Redacted here, once: this message becomes the item's failure reason, shown in progress and summary lines
    // and stored in the plan state and failures file, and plugins do put their tokens in error messages.
    super(`plugin ${plugin}: ${method}() failed: ${redact(describeCause(cause))}`, { cause });
  }
}

/** Where a source client records the `<link>: ` prefix it put in front of an error's message. */
export const SOURCE_LABEL = Symbol.for("musicdl.source-label");

/**
 * A plugin's error written for the user (api.ts `PluginFailure`: any Error with an `exitCode` of 1, 2 or 3) as a
 * MusicdlError, so the core presents it and ends the run alike; anything else is returned as it is.
 */
export function fromPluginFailure(error: unknown): unknown {
  if (error instanceof MusicdlError || !(error instanceof Error)) return error;
  const { exitCode, hint, sourceLabel } = error as Error & {
    exitCode?: unknown;
    hint?: unknown;
    sourceLabel?: unknown;
  };
  if (exitCode !== EXIT.SOME_FAILED && exitCode !== EXIT.USAGE && exitCode !== EXIT.RESUME_LATER) return error;
  return new ReportedFailure(error, exitCode, typeof hint === "string" ? hint : undefined, sourceLabel);
}

/** A plugin's own error class, carried with its message, hint and exit code (the original is its `cause`). */
export class ReportedFailure extends MusicdlError {
  override readonly exitCode: ExitCode;
  constructor(original: Error, exitCode: ExitCode, hint: string | undefined, sourceLabel: unknown) {
    super(original.message, { hint, cause: original });
    this.exitCode = exitCode;
    this.name = original.name;
    this.stack = original.stack;
    if (typeof sourceLabel === "string") Object.defineProperty(this, SOURCE_LABEL, { value: sourceLabel });
  }
}

/** The message without the source-link prefix a client added, for callers that name the source themselves. */
export function describeCauseWithoutSource(cause: unknown): string {
  const message = describeCause(cause);
  const label = cause instanceof Error ? (cause as Error & { [SOURCE_LABEL]?: string })[SOURCE_LABEL] : undefined;
  return label && message.startsWith(label) ? message.slice(label.length) : message;
}

/** A short description of any thrown value, without dumping objects (an ofetch error holds request headers). */
export function describeCause(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  if (typeof cause === "string") return cause;
  return String(cause);
}
