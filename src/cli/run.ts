/**
 * The one place errors become output and exit codes. citty's bare runMain prints unexpected errors raw with
 * their stack, so we parse and dispatch ourselves and present errors here.
 */
import { runCommand, renderUsage, type CommandDef } from "citty";
import { EXIT, MusicdlError, describeCause } from "../errors.ts";
import { redact } from "../util/redact.ts";
import { VERSION } from "../version.ts";
import { mainCommand } from "./main-command.ts";

export async function run(argv: string[]): Promise<void> {
  const debug = argv.includes("--debug");
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  try {
    if (await printHelpIfAsked(argv)) return;
    await runCommand(mainCommand, { rawArgs: argv });
  } catch (error) {
    process.exitCode = reportError(error, debug);
  }
}

/** Prints usage for `--help`/`-h` (or no command) and says whether it did. */
async function printHelpIfAsked(argv: string[]): Promise<boolean> {
  const wantsHelp = argv.includes("--help") || argv.includes("-h");
  if (!wantsHelp && argv.length > 0) return false;
  const subCommands = (await resolve(mainCommand.subCommands)) ?? {};
  const name = argv.find((arg) => !arg.startsWith("-"));
  const sub = name ? await resolve(subCommands[name]) : undefined;
  const usage = sub ? await renderUsage(sub as CommandDef, mainCommand) : await renderUsage(mainCommand);
  process.stdout.write(`${usage}\n`);
  if (!wantsHelp && argv.length === 0) process.exitCode = EXIT.USAGE;
  return true;
}

async function resolve<T>(value: T | Promise<T> | (() => T | Promise<T>) | undefined): Promise<T | undefined> {
  return typeof value === "function" ? await (value as () => T | Promise<T>)() : await value;
}

/** Prints an error as one paragraph (stack only with --debug) and returns the exit code. */
export function reportError(error: unknown, debug: boolean): number {
  if (error instanceof MusicdlError) {
    const text = `error: ${error.message}${error.hint ? `\n${error.hint}` : ""}`;
    process.stderr.write(`${redact(text)}\n`);
    if (debug && error.stack) process.stderr.write(`${redact(error.stack)}\n`);
    return error.exitCode;
  }
  if (isCittyUsageError(error)) {
    process.stderr.write(`error: ${redact(describeCause(error))}\nRun \`musicdl --help\` for usage.\n`);
    return EXIT.USAGE;
  }
  const detail = debug && error instanceof Error && error.stack ? error.stack : describeCause(error);
  process.stderr.write(
    `error: unexpected failure (this is a bug in musicdl): ${redact(detail)}\n` +
      (debug ? "" : "Run again with --debug for details, and report it.\n"),
  );
  return EXIT.SOME_FAILED;
}

function isCittyUsageError(error: unknown): boolean {
  return error instanceof Error && error.name === "CLIError";
}
