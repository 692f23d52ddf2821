/** UTF-8 byte counting and cutting at grapheme boundaries, so an emoji ZWJ sequence or a flag is never split. */

const encoder = new TextEncoder();
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** The longest prefix of `text` that fits `maxBytes` in UTF-8, cut between graphemes (code points as a last resort). */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (maxBytes <= 0) return "";
  if (utf8Length(text) <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  for (const { segment } of graphemes.segment(text)) {
    const size = utf8Length(segment);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += segment.length;
  }
  // One grapheme bigger than the budget (a stack of combining marks): cut it by whole code points instead.
  if (end === 0) {
    for (const codePoint of text) {
      const size = utf8Length(codePoint);
      if (bytes + size > maxBytes) break;
      bytes += size;
      end += codePoint.length;
    }
  }
  return text.slice(0, end);
}
