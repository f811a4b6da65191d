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

/** Normalises one line: BOM and zero-width characters removed, odd spaces made plain, ends trimmed. */
export function cleanLine(line: string): string {
  if (!UNUSUAL.test(line)) return line.trim();
  return line.replace(INVISIBLE, '').replace(SPACE_LIKE, ' ').trim();
}

/** Whitespace that collapseSpaces would change: a run of two or more, or one that is not a plain space. */
const LOOSE_WHITESPACE = /\s{2}|[^\S ]/;

/** Collapses runs of whitespace to one space. */
export function collapseSpaces(text: string): string {
  // Most text has single spaces only: testing first saves building the same string again.
  return LOOSE_WHITESPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/** True when the character at the start of `text` is a letter or digit in any script. */
export function startsWithWordChar(text: string): boolean {
  return /^[\p{L}\p{N}]/u.test(text);
}

/**
 * Removes leading emoji, pictographs, variation selectors, joiners and punctuation such as bullets,
 * e.g. `⏱️ E-GEO` -> `E-GEO`, `👨🏽‍💻 https://…` -> `https://…`. Stops at the first letter or digit,
 * or at an opening bracket or quote that belongs to the text.
 */
export function stripLeadingSymbols(text: string): string {
  const match = /^[^\p{L}\p{N}[("'“‘<]*/u.exec(text);
  return match ? text.slice(match[0].length) : text;
}
