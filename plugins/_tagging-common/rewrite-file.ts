/** Shared by the byte-level taggers: read a file, rewrite its bytes, and put the result in place atomically. */
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import type { CallOptions } from "musicdl/plugin";

/** `retag` gets the whole file and returns the tagged bytes; its errors are reported with the file's name. */
export async function rewriteFile(
  file: string,
  retag: (bytes: Uint8Array) => Uint8Array,
  opts: CallOptions,
): Promise<void> {
  opts.signal?.throwIfAborted();
  const original = await readFile(file);
  let tagged: Uint8Array;
  try {
    tagged = retag(original);
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  opts.signal?.throwIfAborted();
  // Beside the file, then renamed over it: a crash never leaves a half-written file.
  const temp = `${file}.tagging`;
  try {
    await writeFile(temp, tagged);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
