// Line-level text normalisation. Everything downstream works on these clean lines, and line
// numbers always refer to the input as the reader sees it (1-based).

/** Characters that render as a space but are not one (NBSP, narrow NBSP, figure space, ...). */
const SPACE_LIKE = /[\u00a0\u2007\u202f\u2000-\u200a\u3000]/g;
/** Invisible characters that only get in the way of matching (BOM, zero-width space, word joiner). */
const INVISIBLE = /[\ufeff\u200b\u2060\u00ad]/g;

/** Any character that cleanLine changes: tested first, since most lines have none. */
const UNUSUAL = /[\u00a0\u00ad\u2000-\u200b\u202f\u2060\u3000\ufeff]/;

/** Splits text into lines on LF, CRLF or a lone CR. */
export function splitLines(text: string): string[] {
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}

/** The file's text: UTF-8, or UTF-16 where a byte-order mark says so (Windows Notepad's "Unicode"). */
export function decodeText(bytes: Uint8Array): string {
  if (isUtf16(bytes)) return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** True when the bytes start with a UTF-16 byte-order mark. */
export function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * A file's lines, as splitLines(decodeText(bytes)) gives them, but each UTF-8 line decoded on its
 * own. What the parser keeps of a file (titles, paragraphs, links) is cut from these lines, and a
 * string cut from another keeps all of it alive; decoded whole, one curly quote anywhere makes V8
 * store the entire file two bytes a character, and every issue kept would keep its whole file.
 * Line by line, only the lines kept stay, and a line of plain Latin-1 text takes a byte a character.
 */
export function decodeLines(bytes: Uint8Array): string[] {
  if (isUtf16(bytes)) return splitLines(decodeText(bytes));
  // Each line keeps a byte-order mark it starts with; only the file's first one is taken off.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const lines: string[] = [];
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // a UTF-8 byte-order mark
  for (;;) {
    const newline = bytes.indexOf(LF, start);
    const end = newline < 0 ? bytes.length : newline;
    const lineEnd = newline > start && bytes[newline - 1] === CR ? newline - 1 : end;
    // Blank lines are common (every other line of web text), and need no decoder.
    const line = lineEnd === start ? '' : decoder.decode(bytes.subarray(start, lineEnd));
    // A lone CR (classic Mac OS) ends a line too. (One push per part: spreading a file of many
    // CR-only lines into push() would overflow the stack.)
    if (line.includes('\r')) for (const part of line.split('\r')) lines.push(part);
    else lines.push(line);
    if (newline < 0) return lines;
    start = newline + 1;
  }
}

/** Normalises one line: BOM and zero-width characters removed, odd spaces made plain, ends trimmed. */
export function cleanLine(line: string): string {
  if (!UNUSUAL.test(line)) return line.trim();
  return line.replace(INVISIBLE, '').replace(SPACE_LIKE, ' ').trim();
}

/** Whitespace that collapseSpaces would change: a run of two or more, or one that is not a plain space. */
const LOOSE_WHITESPACE = /\s{2}|[^\S ]/;

const WHITESPACE_RUN = /\s+/g;

/** Collapses runs of whitespace to one space. */
export function collapseSpaces(text: string): string {
  // Most text has single spaces only: testing first saves building the same string again.
  return LOOSE_WHITESPACE.test(text) ? text.replace(WHITESPACE_RUN, ' ').trim() : text.trim();
}

// The patterns of the small helpers below are module constants, not literals in the function:
// a regular expression literal makes a new object each time it is evaluated, and these run for
// many lines of every file.
const WORD_CHAR_START = /^[\p{L}\p{N}]/u;

/** True when the character at the start of `text` is a letter or digit in any script. */
export function startsWithWordChar(text: string): boolean {
  return WORD_CHAR_START.test(text);
}

/** What stripLeadingSymbols stops at: a letter or digit, an opening bracket or quote. */
const TEXT_START = /[\p{L}\p{N}[("'“‘<]/u;

/**
 * Removes leading emoji, pictographs, variation selectors, joiners and punctuation such as bullets,
 * e.g. `⏱️ E-GEO` -> `E-GEO`, `👨🏽‍💻 https://…` -> `https://…`. Stops at the first letter or digit,
 * or at an opening bracket or quote that belongs to the text.
 */
export function stripLeadingSymbols(text: string): string {
  // The first character that is not a symbol, found without building a match: with the `u` flag
  // the search steps by code point, as `^[^…]*` did, so it never stops inside a surrogate pair.
  const start = text.search(TEXT_START);
  return start < 0 ? '' : text.slice(start);
}
