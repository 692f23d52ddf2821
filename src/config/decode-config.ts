/** The config file's bytes as text: UTF-8 (or UTF-16 with its byte-order mark), never silently mangled. */

export type DecodedConfig =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly line: number };

/**
 * UTF-16 files (Windows Notepad's "Unicode") are read by their byte-order mark. Anything else must be UTF-8: a file
 * saved in a Windows code page would otherwise load with `�` in its names (labels, `{playlist}` folders), so the
 * first line that is not UTF-8 is reported instead.
 */
export function decodeConfig(bytes: Uint8Array): DecodedConfig {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder("utf-16le").decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder("utf-16be").decode(bytes) };
  const strict = new TextDecoder("utf-8", { fatal: true });
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    return { ok: false, line: firstBadLine(bytes, strict) };
  }
}

function firstBadLine(bytes: Uint8Array, strict: TextDecoder): number {
  let start = 0;
  for (let line = 1; ; line++) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    try {
      strict.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    if (newline === -1) return line;
    start = newline + 1;
  }
}
