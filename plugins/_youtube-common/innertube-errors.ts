/** Short, user-facing errors for failed InnerTube calls; the original error is dropped because it may hold headers. */

/**
 * youtubei.js reports a non-2xx answer as "Request to <url> failed with status code N". The cause is not kept:
 * an error from the core's fetch can carry the request's headers, and those hold the cookies.
 */
export function describeInnertubeError(error: unknown, what: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  const status = message.match(/status code (\d{3})/)?.[1];
  if (status === "429") return new Error(`YouTube answered 429 Too Many Requests to the ${what}; run again later`);
  if (status !== undefined) return new Error(`YouTube's answer to the ${what} was HTTP ${status}`);
  return new Error(`the ${what} failed: ${message.split("\n")[0]}`);
}
