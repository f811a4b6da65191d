// Telling an issue file from any other text file by its start, so that a workspace full of
// READMEs and notes costs a glance at each, not a parse. Pure (no vscode): unit-tested in Node.
import { linesAt } from '../core/parse/lineSource';
import { readSourceLine } from '../core/parse/lines';
import type { ParseResult } from '../core/model/model';
import { MAX_INPUT_CHARS, parseIssueBytes } from '../core/parse/parse';
import { isForwardHeader, isHighlightsHeader } from '../core/parse/markers';
import { isNotesExport } from '../core/formats/notesMarkdown';
import { isVolumeLine, sectionHeading } from '../core/parse/segment';
import { decodeText, isUtf16, splitLines } from '../core/parse/text';

/** How much of the start of a file is looked at: every issue shows itself well before this. */
export const SNIFF_BYTES = 64 * 1024;

export interface IssueFile {
  readonly result: ParseResult;
  /**
   * The text of the lines its problems are on (by 1-based line number), for placing them: only
   * those lines, so what is held while the file is published grows with its problems, not its size.
   */
  readonly problemLines: ReadonlyMap<number, string>;
}

/**
 * What an issue file holds, or null for a file that is not one (to be ignored quietly, with no
 * problems shown): too large for the parser, not like an issue at its start, or no issue in it.
 */
export function readIssueFile(bytes: Uint8Array): IssueFile | null {
  // The parser refuses more than MAX_INPUT_CHARS characters, and a character is at least a byte.
  if (bytes.length > MAX_INPUT_CHARS || !looksLikeIssueFile(bytes)) return null;
  const result = parseIssueBytes(bytes);
  if (result.issues.length === 0) return null;
  return { result, problemLines: linesAt(bytes, new Set(result.diagnostics.map((diagnostic) => diagnostic.line))) };
}

/**
 * True when the start of the file has one of the lines every issue shape has near its top: a
 * `Vol.N for <week>` line, the highlights header, the first paper's `[1] ` heading or an e-mail's
 * forward header. Parsing decides the rest: a file that passes and still holds no issue is
 * ignored like any other.
 */
export function looksLikeIssueFile(bytes: Uint8Array): boolean {
  const start = bytes.subarray(0, SNIFF_BYTES);
  if (!isUtf16(start) && start.includes(0)) return false; // binary
  // An issue shows itself in its first lines: those are looked at first, and the whole start
  // decoded and split only when they do not tell. The complete lines of the first look are lines
  // of the whole start too, so a sign among them is one the whole start has.
  if (start.length > FIRST_LOOK_BYTES) {
    const first = decodeText(start.subarray(0, FIRST_LOOK_BYTES));
    if (isNotesExport(first)) return false;
    const lines = splitLines(first);
    lines.pop(); // perhaps cut short
    if (hasIssueSign(lines)) return true;
  }
  const text = decodeText(start);
  // Exported notes may quote an issue: they are still notes.
  if (isNotesExport(text)) return false;
  return hasIssueSign(splitLines(text));
}

/** How much of the start is looked at first (see looksLikeIssueFile): a few dozen lines. */
const FIRST_LOOK_BYTES = 1024;

function hasIssueSign(lines: readonly string[]): boolean {
  for (const [index, raw] of lines.entries()) {
    const line = readSourceLine(raw, index + 1);
    if (line.blank) continue;
    if (isVolumeLine(line) || isHighlightsHeader(line.head) || isForwardHeader(line.head) || isFirstPaperHeading(line.head)) {
      return true;
    }
  }
  return false;
}

/** `[1] Title` (from a lowercased line start), not a Markdown link definition (`[1]: https://…`) or an empty `[1]`. */
function isFirstPaperHeading(text: string): boolean {
  const heading = sectionHeading(text);
  return heading !== null && heading.number === 1 && /^[\p{L}\p{N}*_"“'‘(]/u.test(heading.title);
}
