// Walking an input's lines without making them: the parser is handed each line that has something
// on it, with its number, and the count of all lines. An empty line costs a step of a loop and
// nothing else, so a file of thirty million line ends is read in one pass, with no array of lines
// and no object per line. Lines end at LF, CRLF or a lone CR, as splitLines counts them.
import { decodeText, isUtf16 } from './text';

/** One line that is not empty: its text (without its line end) and its 1-based number. */
export type LineVisitor = (raw: string, n: number) => void;

export interface LineSource {
  /**
   * The input's length in characters (a line end counts as the parser counted it before), when it
   * is over `limit`; null when it is not. Cheap when the input is plainly shorter.
   */
  lengthOver(limit: number): number | null;
  /** Calls `visit` for every line that is not empty, in order; returns how many lines there are. */
  forEachLine(visit: LineVisitor): number;
}

const LF = 0x0a;
const CR = 0x0d;

/** A text's lines, cut from it as they are read (a line end counts as its one or two characters). */
export function linesOfText(text: string): LineSource {
  return {
    lengthOver: (limit) => (text.length > limit ? text.length : null),
    forEachLine: (visit) => forEachLineOfText(text, visit),
  };
}

/** Lines already split (see decodeLines): a line end counts as one character. */
export function linesOfArray(lines: readonly string[]): LineSource {
  return {
    lengthOver(limit) {
      let length = 0;
      // An index loop: a for-of loop allocates an iterator result per line.
      for (let i = 0; i < lines.length; i++) length += (lines[i] as string).length + 1;
      return length - 1 > limit ? length - 1 : null;
    },
    forEachLine(visit) {
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i] as string;
        if (line.length > 0) visit(line, i + 1);
      }
      return lines.length;
    },
  };
}

/**
 * A file's lines, as linesOfArray(decodeLines(bytes)) gives them: UTF-8 (each line decoded on its
 * own, so that what the parser keeps of a line does not keep the whole file; see decodeLines), or
 * UTF-16 where a byte-order mark says so.
 */
export function linesOfBytes(bytes: Uint8Array): LineSource {
  if (isUtf16(bytes)) {
    const text = decodeText(bytes);
    return {
      lengthOver: (limit) => (text.length > limit ? overLimit(text.length - countCrlf(text), limit) : null),
      forEachLine: (visit) => forEachLineOfText(text, visit),
    };
  }
  return {
    // A character takes at least a byte: only a file of more bytes than the limit needs decoding to tell.
    lengthOver: (limit) => (bytes.length > limit ? overLimit(utf8Length(bytes), limit) : null),
    forEachLine: (visit) => forEachLineOfUtf8(bytes, visit),
  };
}

function overLimit(length: number, limit: number): number | null {
  return length > limit ? length : null;
}

function countCrlf(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\r\n'); at >= 0; at = text.indexOf('\r\n', at + 2)) count++;
  return count;
}

/** The characters of the decoded file, a CRLF counted as one (and a leading byte-order mark as none). */
function utf8Length(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.length - countCrlf(text);
}

/**
 * The text of the lines numbered in `wanted` (1-based, as the parser numbers them), for placing a
 * file's problems: only those lines are decoded and kept, however long the file is. A line that is
 * empty, or past the end, is not in the map.
 */
export function linesAt(bytes: Uint8Array, wanted: ReadonlySet<number>): Map<number, string> {
  const found = new Map<number, string>();
  if (wanted.size === 0) return found;
  const keep: LineVisitor = (raw, n) => found.set(n, raw);
  const only = (n: number) => wanted.has(n);
  if (isUtf16(bytes)) forEachLineOfText(decodeText(bytes), keep, only);
  else forEachLineOfUtf8(bytes, keep, only);
  return found;
}

/** Which lines to hand to the visitor: every one when not given. */
type LineFilter = (n: number) => boolean;

function forEachLineOfText(text: string, visit: LineVisitor, only?: LineFilter): number {
  const { length } = text;
  const hasCr = text.includes('\r');
  let nextLf = -1;
  let nextCr = hasCr ? -1 : length;
  let n = 1;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === LF) {
      n++;
      i++;
    } else if (code === CR) {
      n++;
      i += text.charCodeAt(i + 1) === LF ? 2 : 1;
    } else {
      // The next line end, each kind searched for again only once passed: one pass in all.
      if (nextLf < i) nextLf = indexOrEnd(text.indexOf('\n', i), length);
      if (nextCr < i) nextCr = indexOrEnd(text.indexOf('\r', i), length);
      const end = nextLf < nextCr ? nextLf : nextCr;
      if (only === undefined || only(n)) visit(text.slice(i, end), n);
      i = end;
    }
  }
  return n;
}

function forEachLineOfUtf8(bytes: Uint8Array, visit: LineVisitor, only?: LineFilter): number {
  // Each line keeps a byte-order mark it starts with; only the file's first one is taken off.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const { length } = bytes;
  const hasCr = bytes.includes(CR);
  let nextLf = -1;
  let nextCr = hasCr ? -1 : length;
  let n = 1;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < length) {
    const code = bytes[i];
    if (code === LF) {
      n++;
      i++;
    } else if (code === CR) {
      n++;
      i += bytes[i + 1] === LF ? 2 : 1;
    } else {
      if (nextLf < i) nextLf = indexOrEnd(bytes.indexOf(LF, i), length);
      if (nextCr < i) nextCr = indexOrEnd(bytes.indexOf(CR, i), length);
      const end = nextLf < nextCr ? nextLf : nextCr;
      if (only === undefined || only(n)) visit(decoder.decode(bytes.subarray(i, end)), n);
      i = end;
    }
  }
  return n;
}

function indexOrEnd(index: number, length: number): number {
  return index < 0 ? length : index;
}
