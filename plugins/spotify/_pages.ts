/** Walks a Spotify paging object's `next` links, one page at a time. */
import type * as v from "valibot";
import type { SpotifyTransport } from "./transport.ts";

/**
 * Yields each page from `first` on, asking for the next only once the caller took this one, so a caller that
 * stops early sends nothing more. `next` is Spotify's own link (already trimmed to a learned page size by the
 * transport), never rebuilt here.
 */
export async function* followPages<T extends v.GenericSchema<unknown, { readonly next?: string | null }>>(
  transport: SpotifyTransport,
  first: string | null | undefined,
  schema: T,
  signal?: AbortSignal,
): AsyncGenerator<v.InferOutput<T>> {
  for (let next = first ?? null; next; ) {
    const page: v.InferOutput<T> = await transport.get(next, schema, signal);
    yield page;
    next = page.next ?? null;
  }
}
