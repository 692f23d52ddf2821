/**
 * The one place errors become output and exit codes. citty's bare runMain prints unexpected errors raw with
 * their stack, so we parse and dispatch ourselves and present errors here.
 */
import { runCommand, renderUsage, type CommandDef } from "citty";
import { EXIT, MusicdlError, describeCause, fromPluginFailure } from "../errors.ts";
import { redact } from "../util/redact.ts";
import { VERSION } from "../version.ts";
import { checkOptions } from "./check-options.ts";
import { forStream } from "../util/colour.ts";
import { COMMAND_SUMMARIES, mainCommand } from "./main-command.ts";

export async function run(argv: string[]): Promise<void> {
  const debug = argv.includes("--debug");
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  try {
    if (await printHelpIfAsked(argv)) return;
    await checkOptions(mainCommand, argv);
    await runCommand(mainCommand, { rawArgs: argv });
  } catch (error) {
    process.exitCode = reportError(error, debug);
  }
}

/** Prints usage for `--help`/`-h` (or no command) and says whether it did: the deepest subcommand named wins. */
async function printHelpIfAsked(argv: string[]): Promise<boolean> {
  const wantsHelp = argv.includes("--help") || argv.includes("-h");
  if (!wantsHelp && argv.length > 0) return false;
  const [command, parent] = await findNamedCommand(argv);
  const usage = await renderUsage(command, parent);
  process.stdout.write(forStream(`${usage}\n`, process.stdout));
  if (!wantsHelp && argv.length === 0) process.exitCode = EXIT.USAGE;
  return true;
}

/**
 * Follows the leading words of argv down the subcommand tree (`cache clear --help` → clear). The parent handed to
 * citty's renderUsage is named by the whole path, so the usage line reads `musicdl cache clear`, not `cache clear`.
 */
async function findNamedCommand(argv: string[]): Promise<[CommandDef, CommandDef | undefined]> {
  let command = mainCommand as CommandDef;
  const path: string[] = [];
  for (const word of argv) {
    if (word.startsWith("-")) continue;
    const subCommands = (await resolve(command.subCommands)) ?? {};
    const sub = await resolve(subCommands[word]);
    if (!sub) break;
    path.push(word);
    command = sub as CommandDef;
  }
  if (path.length === 0) return [topLevelListing(), undefined];
  const parentName = ["musicdl", ...path.slice(0, -1)].join(" ");
  return [command, { meta: { name: parentName, version: VERSION } }];
}

/** mainCommand with stand-ins for its subcommands: renderUsage would otherwise import every command module. */
function topLevelListing(): CommandDef {
  const entries = Object.entries(COMMAND_SUMMARIES).map(([name, description]) => [
    name,
    { meta: { name, description } },
  ]);
  return { meta: mainCommand.meta, subCommands: Object.fromEntries(entries) };
}

async function resolve<T>(value: T | Promise<T> | (() => T | Promise<T>) | undefined): Promise<T | undefined> {
  return typeof value === "function" ? await (value as () => T | Promise<T>)() : await value;
}

/** Prints an error as one paragraph (stack only with --debug) and returns the exit code. */
export function reportError(thrown: unknown, debug: boolean): number {
  const error = fromPluginFailure(thrown);
  if (error instanceof MusicdlError) {
    const text = `error: ${error.message}${error.hint ? `\n${error.hint}` : ""}`;
    process.stderr.write(`${redact(text)}\n`);
    if (debug && error.stack) process.stderr.write(`${redact(error.stack)}\n`);
    return error.exitCode;
  }
  if (isCittyUsageError(error)) {
    const message = forStream(describeCause(error), process.stderr);
    process.stderr.write(`error: ${redact(message)}\nRun \`musicdl --help\` for usage.\n`);
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
