// Reading an answer's body with a size limit, shared by every request the extension sends (an
// imported page or feed, arXiv, Hugging Face). The limit is on the decoded bytes, counted while
// they stream in: a huge body, or a small gzip one that inflates to gigabytes, is cut off at the
// limit and the download stopped, instead of being held in memory first and measured after.
import { decodeText, isUtf16 } from '../core/parse/text';

export const MB = 1024 * 1024;

export type BoundedBody = { readonly kind: 'ok'; readonly text: string } | { readonly kind: 'tooLarge' };

/** The body as text, decoded with the charset its Content-Type names; `tooLarge` past `maxBytes`. */
export async function readBoundedText(response: Response, maxBytes: number): Promise<BoundedBody> {
  // A Content-Length over the limit is refused before anything is read; one that lies is caught below.
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    return { kind: 'tooLarge' };
  }
  if (!response.body) return { kind: 'ok', text: '' };
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stops the download: the rest is never received (nor inflated).
      await reader.cancel();
      return { kind: 'tooLarge' };
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { kind: 'ok', text: decodeWithCharset(body, response.headers.get('content-type') ?? '') };
}

/**
 * The first `maxBytes` of the body as text (the rest is never downloaded): for a page of which only
 * the start is needed. A character cut at the end comes out as U+FFFD.
 */
export async function readTextPrefix(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < maxBytes) {
    const { done, value } = await reader.read();
    if (done) break;
    const kept = value.byteLength > maxBytes - total ? value.subarray(0, maxBytes - total) : value;
    chunks.push(kept);
    total += kept.byteLength;
  }
  if (total >= maxBytes) await reader.cancel();
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decodeWithCharset(body, response.headers.get('content-type') ?? '');
}

/** `text/html; charset="Windows-1252"` -> `windows-1252`; null when no charset is named. */
export function charsetOf(contentType: string): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType);
  return match?.[1]?.toLowerCase() ?? null;
}

/**
 * The bytes as text: a byte-order mark decides first (as browsers do), then the charset the
 * Content-Type names (windows-1252, iso-8859-x, ...); UTF-8 when it names none, or one unknown.
 */
export function decodeWithCharset(bytes: Uint8Array, contentType: string): string {
  const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const label = charsetOf(contentType);
  if (utf8Bom || isUtf16(bytes) || label === null) return decodeText(bytes);
  let decoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    return decodeText(bytes); // a label TextDecoder does not know
  }
  const text = decoder.decode(bytes);
  // Node 20 decodes windows-1252 (which latin1 and iso-8859-1 mean, on the web) as ISO-8859-1:
  // 0x80-0x9F come out as control characters instead of curly quotes, dashes and the euro sign.
  return decoder.encoding === 'windows-1252' ? text.replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_80_9F.charAt(c.charCodeAt(0) - 0x80)) : text;
}

/** What windows-1252 means by 0x80-0x9F (the five bytes it leaves undefined stay as they are, as in browsers). */
const WINDOWS_1252_80_9F = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
