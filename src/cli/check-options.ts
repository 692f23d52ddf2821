/**
 * Refuses options a command does not know, before it runs. citty hands unknown flags to the command as extra keys,
 * so `download --dry-run` used to download and `cache clear --everything` used to clear: a typo must stop the run.
 */
import type { ArgDef, ArgsDef, CommandDef } from "citty";
import { UsageError } from "../errors.ts";
import { suggestKey } from "../config/did-you-mean.ts";

type Lazy<T> = T | Promise<T> | (() => T | Promise<T>);

async function resolve<T>(value: Lazy<T> | undefined): Promise<T | undefined> {
  return typeof value === "function" ? await (value as () => T | Promise<T>)() : await value;
}

/** Walks argv down the subcommand tree as citty does and throws a UsageError at the first unknown option. */
export async function checkOptions(root: CommandDef, argv: readonly string[], rootName = "musicdl"): Promise<void> {
  let command = root;
  let path = rootName;
  let options = describeOptions((await resolve(command.args)) ?? {});
  for (let index = 0; index < argv.length; index++) {
    const word = argv[index]!;
    if (word === "--") return;
    if (word.startsWith("-") && word.length > 1) {
      if (consumesNextWord(word, options, path)) index++;
      continue;
    }
    const subCommands = (await resolve(command.subCommands)) ?? {};
    const sub = await resolve(subCommands[word] as Lazy<CommandDef> | undefined);
    if (!sub && Object.keys(subCommands).length > 0 && !command.run) throw unknownCommand(word, subCommands, path);
    if (!sub) continue; // a positional argument
    command = sub;
    path = `${path} ${word}`;
    options = describeOptions((await resolve(command.args)) ?? {});
  }
}

interface KnownOptions {
  /** Every spelling citty accepts (name, camelCase, kebab-case, aliases) → whether it takes a value. */
  readonly spellings: ReadonlyMap<string, ArgDef["type"]>;
  /** The long names, for the suggestion. */
  readonly names: readonly string[];
}

function describeOptions(args: ArgsDef): KnownOptions {
  const spellings = new Map<string, ArgDef["type"]>();
  const names: string[] = [];
  for (const [name, def] of Object.entries(args)) {
    if (def.type === "positional") continue;
    names.push(name);
    const alias = "alias" in def ? def.alias : undefined;
    const aliases = alias === undefined ? [] : Array.isArray(alias) ? alias : [alias];
    for (const spelling of [name, kebab(name), camel(name), ...aliases]) spellings.set(spelling, def.type);
  }
  // Handled before any command runs; accepted everywhere.
  for (const spelling of ["help", "h"]) spellings.set(spelling, "boolean");
  return { spellings, names };
}

/** Checks one option word; true when it takes the next word as its value (`--config FILE`). */
function consumesNextWord(word: string, options: KnownOptions, path: string): boolean {
  const long = word.startsWith("--");
  const [body = "", value] = splitOnce(word.slice(long ? 2 : 1), "=");
  if (!long && body.length > 1 && value === undefined) {
    // `-qc FILE`: a cluster of one-letter options; only the last may take a value.
    const letters = [...body];
    for (const letter of letters) knownType(letter, `-${letter}`, options, path);
    return takesValue(options.spellings.get(letters.at(-1)!));
  }
  const type = knownType(body, word.split("=")[0]!, options, path);
  return value === undefined && takesValue(type);
}

function knownType(name: string, shown: string, options: KnownOptions, path: string): ArgDef["type"] {
  const type = options.spellings.get(name);
  if (type) return type;
  const negated = name.startsWith("no-") ? name.slice(3) : undefined;
  if (negated && options.spellings.get(negated) === "boolean") return "boolean";
  throw unknownOption(shown, options, path);
}

function takesValue(type: ArgDef["type"] | undefined): boolean {
  return type === "string" || type === "enum";
}

function unknownOption(shown: string, options: KnownOptions, path: string): UsageError {
  const bare = shown.replace(/^-+/, "");
  const suggestion = bare.length > 1 ? suggestKey(bare, options.names.map(snake)) : undefined;
  const match = suggestion ? options.names.find((name) => snake(name) === suggestion) : undefined;
  const didYouMean = match
    ? ` Did you mean --${kebab(match)}?`
    : bare === "dry-run" && path.endsWith(" download")
      ? " To see what a download would do, run `musicdl plan`."
      : "";
  return new UsageError(`unknown option ${shown} for \`${path}\`.${didYouMean}`, {
    hint: `Run \`${path} --help\` for its options.`,
  });
}

function unknownCommand(word: string, subCommands: Record<string, unknown>, path: string): UsageError {
  const names = Object.keys(subCommands);
  const suggestion = suggestKey(word, names);
  const hint = suggestion ? ` Did you mean \`${path} ${suggestion}\`?` : ` Commands: ${names.join(", ")}.`;
  return new UsageError(`unknown command \`${word}\` for \`${path}\`.${hint}`, {
    hint: `Run \`${path} --help\` for usage.`,
  });
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
const camel = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
const snake = (name: string) => kebab(name).replace(/-/g, "_");
