/**
 * Transfers one media URL into a `.part` file with HTTP Range requests: resumes from the bytes already on disk,
 * retries cut connections from where they stopped, and verifies the length the player response announced.
 */
import { open, rm, stat } from "node:fs/promises";

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface RangedDownloadOptions {
  readonly url: string;
  /** The `.part` file; bytes already in it are kept and the transfer continues after them. */
  readonly partFile: string;
  /** Length announced by YouTube (`contentLength` / `clen`); learnt from Content-Range when unknown. */
  readonly expectedBytes?: number;
  readonly chunkBytes: number;
  readonly fetch: FetchLike;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
  /** Consecutive requests that may fail without moving forward before giving up. */
  readonly maxStalls?: number;
}

/** The stream and its announced length disagree; resuming cannot fix that, so the partial file is deleted. */
export class LengthMismatchError extends Error {
  constructor(expected: number, actual: string) {
    super(
      `length mismatch: YouTube announced ${expected} bytes but the stream ${actual}; the partial file was removed`,
    );
    this.name = "LengthMismatchError";
  }
}

async function sizeOf(file: string): Promise<number> {
  return stat(file).then(
    (s) => s.size,
    () => 0,
  );
}

/** `bytes 0-99/1234` → 1234; undefined when absent or `*`. */
export function totalFromContentRange(header: string | null): number | undefined {
  const match = header?.match(/\/(\d+)\s*$/);
  return match ? Number(match[1]) : undefined;
}

/** Appends a response body to the file; returns bytes written, also when the body breaks off (then in `error`). */
async function appendBody(file: string, body: ReadableStream<Uint8Array> | null, truncate: boolean) {
  const handle = await open(file, truncate ? "w" : "a");
  let written = 0;
  try {
    if (body) for await (const chunk of body) written += (await handle.write(chunk)).bytesWritten;
    return { written, error: undefined as unknown };
  } catch (error) {
    return { written, error };
  } finally {
    await handle.close();
  }
}

/** Downloads until the `.part` file holds the whole stream; returns its size. */
export async function downloadRanged(options: RangedDownloadOptions): Promise<number> {
  const { partFile, signal } = options;
  const maxStalls = options.maxStalls ?? 3;
  let expected = options.expectedBytes;
  let offset = await sizeOf(partFile);
  if (expected !== undefined && offset > expected) {
    await rm(partFile, { force: true });
    offset = 0;
  }
  const mismatch = async (actual: string): Promise<never> => {
    await rm(partFile, { force: true });
    throw new LengthMismatchError(expected ?? 0, actual);
  };
  let stalls = 0;
  let lastProblem = "";
  while (expected === undefined || offset < expected) {
    signal?.throwIfAborted();
    if (stalls >= maxStalls)
      throw new Error(`download stopped at byte ${offset} after ${stalls} tries: ${lastProblem}`);
    const end =
      (expected === undefined ? offset + options.chunkBytes : Math.min(offset + options.chunkBytes, expected)) - 1;
    let response: Response;
    try {
      const headers = { ...options.headers, Range: `bytes=${offset}-${end}` };
      response = await options.fetch(options.url, { headers, signal });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      stalls++;
      lastProblem = error instanceof Error ? error.message : String(error);
      continue;
    }
    if (response.status === 416) {
      await response.body?.cancel();
      if (expected === undefined) break; // an unknown length ends where the server says it does
      return mismatch(`ends at byte ${offset}`);
    }
    if (response.status === 429) {
      await response.body?.cancel();
      throw new Error("YouTube answered 429 Too Many Requests to the audio download; run again later to resume");
    }
    if (response.status >= 500) {
      await response.body?.cancel();
      stalls++;
      lastProblem = `HTTP ${response.status}`;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`the audio download was refused with HTTP ${response.status}`);
    }
    // 200 instead of 206: the server ignored Range and sends everything from byte 0.
    const restart = response.status === 200;
    const total = restart
      ? Number(response.headers.get("content-length")) || undefined
      : totalFromContentRange(response.headers.get("content-range"));
    if (expected === undefined) expected = total;
    else if (total !== undefined && total !== expected) {
      await response.body?.cancel();
      return mismatch(`has ${total}`);
    }
    const start = restart ? 0 : offset;
    const { written, error } = await appendBody(partFile, response.body, restart);
    offset = start + written;
    if (error !== undefined && signal?.aborted) throw signal.reason;
    if (written > 0) stalls = 0;
    else {
      stalls++;
      lastProblem = error instanceof Error ? error.message : "empty response";
    }
    // Without any announced length, a short complete answer is the end of the stream.
    if (expected === undefined && error === undefined && written < end - start + 1) break;
  }
  if (expected !== undefined && offset !== expected) return mismatch(`has ${offset}`);
  return offset;
}
