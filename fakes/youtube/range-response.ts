/** The fake media host's answer to one (Range) request, optionally cut short like a dropped connection. */

export interface RangeRequest {
  readonly file: string;
  readonly contentType: string;
  /** `bytes=a-b` / `bytes=a-`, or null for the whole file. */
  readonly range: string | null;
  /** End the body after this many bytes although the headers promise the whole range. */
  readonly cutAfter?: number;
}

export async function rangeResponse(request: RangeRequest): Promise<{ response: Response; bytesSent: number }> {
  const file = Bun.file(request.file);
  const size = file.size;
  const match = request.range?.match(/^bytes=(\d+)-(\d*)$/);
  const start = match ? Number(match[1]) : 0;
  const end = match?.[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  if (start >= size) {
    return {
      response: new Response(null, { status: 416, headers: { "Content-Range": `bytes */${size}` } }),
      bytesSent: 0,
    };
  }
  const bytes = new Uint8Array(await file.slice(start, end + 1).arrayBuffer());
  const sent = request.cutAfter === undefined ? bytes : bytes.subarray(0, Math.min(request.cutAfter, bytes.length));
  const headers = {
    "Content-Type": request.contentType,
    "Content-Length": String(bytes.length),
    "Accept-Ranges": "bytes",
    ...(match ? { "Content-Range": `bytes ${start}-${end}/${size}` } : {}),
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(sent);
      controller.close();
    },
  });
  return { response: new Response(body, { status: match ? 206 : 200, headers }), bytesSent: sent.length };
}
