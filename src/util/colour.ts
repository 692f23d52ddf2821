/**
 * Whether text for a stream may carry ANSI colour: the NO_COLOR / FORCE_COLOR conventions first, then "is it a
 * terminal". citty colours its usage and its own error messages whenever its environment allows, pipe or not, so
 * what it renders passes through `forStream` before it is printed.
 */
import { stripVTControlCharacters } from "node:util";

interface Stream {
  readonly isTTY?: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

/** FORCE_COLOR (any value but 0/false) wins, then NO_COLOR (any non-empty value) and TERM=dumb, then a terminal. */
export function wantsColour(stream: Stream, env: Env = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "0" && force.toLowerCase() !== "false") return true;
  if (env.NO_COLOR) return false;
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

/** `text` as it should reach `stream`: escape codes removed unless colour is wanted there. */
export function forStream(text: string, stream: Stream, env: Env = process.env): string {
  return wantsColour(stream, env) ? text : stripVTControlCharacters(text);
}
