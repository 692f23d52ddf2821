/** The one wrapper around plugin calls: a throw becomes a PluginError naming plugin and method, failing one item. */
import { EXIT, MusicdlError, PluginError, fromPluginFailure } from "../errors.ts";

/**
 * Runs `call` and turns whatever it throws into `PluginError(plugin, method, cause)`, so only the item in hand
 * fails. Three kinds of error pass through untouched because they are not the plugin's fault or stop the whole run:
 * an abort (the user pressed Ctrl-C), a PluginError already wrapped, and a MusicdlError with an exit code other
 * than 1 (a rate limit from the shared HTTP client ends the run with 3 so it resumes later).
 *
 * Given the `signal` the call was handed, an abort counts as the user's only while that signal is aborted: an
 * `AbortError` or `TimeoutError` the plugin raised on its own (its own request timeout) is the plugin's failure.
 *
 * @example
 * ```ts
 * const candidates = await callPlugin(provider, "search", () => provider.search(track, { limit: 5, signal }), { signal });
 * ```
 */
export async function callPlugin<T>(
  plugin: { readonly name: string },
  method: string,
  call: () => Promise<T> | T,
  options: { readonly signal?: AbortSignal } = {},
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw wrapPluginError(plugin.name, method, error, options.signal === undefined);
  }
}

/**
 * `callPlugin` for a source's `resolve`, `expand` and `search`: an error written for the user (a MusicdlError, or a
 * plugin's error with an `exitCode`, see api.ts `PluginFailure`) passes through whatever its exit code, since it
 * names the link already; a plain Error is still wrapped.
 */
export async function callSource<T>(
  plugin: { readonly name: string },
  method: string,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (thrown) {
    const error = fromPluginFailure(thrown);
    if (error instanceof MusicdlError) throw error;
    throw wrapPluginError(plugin.name, method, error);
  }
}

/** The synchronous twin, for `match()`. */
export function callPluginSync<T>(plugin: { readonly name: string }, method: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw wrapPluginError(plugin.name, method, error);
  }
}

function wrapPluginError(name: string, method: string, thrown: unknown, abortsPass = true): unknown {
  const error = fromPluginFailure(thrown);
  if ((abortsPass && isAbort(error)) || error instanceof PluginError) return error;
  if (error instanceof MusicdlError && error.exitCode !== EXIT.SOME_FAILED) return error;
  return new PluginError(name, method, error);
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");
}
