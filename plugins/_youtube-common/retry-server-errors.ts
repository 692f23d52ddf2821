/**
 * Retries an InnerTube call that YouTube answered with a server error (5xx): such an answer is usually transient,
 * and without a retry one of them cost the track for the whole run. Bounded (a few tries) with jittered backoff.
 */

export interface ServerErrorRetry {
  /** Tries after the first; 0 turns retrying off. */
  readonly retries: number;
  /** Ceiling of the first delay; each later one doubles (full jitter: uniform in [base/2, ceiling]). */
  readonly baseMs: number;
  readonly capMs: number;
}

/** An abortable wait: the plugin context's `clock.sleep`. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const DEFAULT_SERVER_ERROR_RETRY: ServerErrorRetry = { retries: 3, baseMs: 500, capMs: 4000 };

/** InnerTube API calls (search, player, browse): POSTs whose answers are reads, so repeating one is safe. */
export function isInnertubeCall(url: URL): boolean {
  return url.pathname.startsWith("/youtubei/");
}

/** Calls `send` until it answers below 500 or the tries run out; the last answer is returned as it came. */
export async function retryServerErrors(
  send: () => Promise<Response>,
  retry: ServerErrorRetry,
  signal: AbortSignal | undefined,
  sleep: Sleep,
): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const response = await send();
    if (response.status < 500 || attempt >= retry.retries) return response;
    await response.body?.cancel().catch(() => {});
    const ceiling = Math.min(retry.capMs, retry.baseMs * 2 ** attempt);
    await sleep(ceiling / 2 + Math.random() * (ceiling / 2), signal);
  }
}
