/** One `musicdl doctor` finding (plain JSON: what was checked, how it went, how to fix it) and the report text. */
import { describeCause, MusicdlError, fromPluginFailure } from "../../errors.ts";
import { redact } from "../../util/redact.ts";

/** `warn` is worth knowing but does not stop a download; only `fail` makes doctor exit 1. */
export type CheckStatus = "ok" | "warn" | "fail";

export interface DoctorCheck {
  /** Stable id for `--json` readers: `config`, `ffmpeg`, `encoders`, `spotify`, `output`, `cache`, `plugins`, then the
   * ids plugins give their own checks (`youtube`). */
  readonly name: string;
  readonly status: CheckStatus;
  /** One line: what was found. */
  readonly summary: string;
  /** What to do about it; absent when nothing needs doing. */
  readonly fix?: string;
}

export function passed(name: string, summary: string): DoctorCheck {
  return { name, status: "ok", summary };
}

export function failed(name: string, summary: string, fix: string | undefined): DoctorCheck {
  return { name, status: "fail", summary, ...(fix ? { fix } : {}) };
}

/** A thrown error as a failed check: a MusicdlError brings its own hint; anything else gets `fallbackFix`. */
export function failedWith(name: string, thrown: unknown, fallbackFix: string): DoctorCheck {
  const error = fromPluginFailure(thrown);
  if (error instanceof MusicdlError) return failed(name, redact(error.message), error.hint ?? fallbackFix);
  return failed(name, redact(describeCause(error)), fallbackFix);
}

const MARKS: Record<CheckStatus, string> = { ok: "ok  ", warn: "warn", fail: "FAIL" };

export function renderDoctorReport(checks: readonly DoctorCheck[]): string {
  const width = Math.max(...checks.map((check) => check.name.length));
  const lines = checks.flatMap((check) => [
    `${MARKS[check.status]}  ${check.name.padEnd(width)}  ${check.summary}`,
    ...(check.fix ? [`      ${" ".repeat(width)}  fix: ${check.fix}`] : []),
  ]);
  const failures = checks.filter((check) => check.status === "fail").length;
  lines.push(
    "",
    failures === 0 ? "Everything musicdl needs is in place." : `${failures} problem(s) to fix before downloading.`,
  );
  return `${lines.join("\n")}\n`;
}
