// The parser's entry point: newsletter text in any shape -> issues and diagnostics.
// Pure: no I/O, no vscode; never throws on any input, and runs in time linear in its size.
// Only the lines with something on them are read into objects (SourceLine); a blank line is a gap
// between their numbers. Memory follows what the text holds, not how many line ends it has.
import type { Issue, IssueShape, ParseResult } from '../model/model';
import { headOf, readLine, type SourceLine } from './lines';
import { DiagnosticSink } from './diagnostics';
import { findSegments, isVolumeLine, sectionHeading } from './segment';
import { parseIssue } from './issue';
import { isForwardHeader, isHighlightsHeader } from './markers';
import { linesOfArray, linesOfBytes, linesOfText, type LineSource } from './lineSource';

/** Inputs longer than this (in UTF-16 code units, about 32 MB of text) are refused. */
export const MAX_INPUT_CHARS = 32 * 1024 * 1024;

/**
 * The largest issue file read (an import, the CLI): the parser's limit in characters, at two bytes
 * each (a UTF-16 file); a UTF-8 file under it may still hold too many characters, which the parser
 * then says.
 */
export const MAX_ISSUE_FILE_BYTES = 2 * MAX_INPUT_CHARS;

export function parseIssueText(text: string): ParseResult {
  return parseSource(linesOfText(text));
}

/** The same as parseIssueText, for text already split into lines (see decodeLines). */
export function parseIssueLines(rawLines: readonly string[]): ParseResult {
  return parseSource(linesOfArray(rawLines));
}

/**
 * The same as parseIssueLines(decodeLines(bytes)), without an array of the file's lines: a file's
 * bytes as an issue file is read (UTF-8, or UTF-16 where a byte-order mark says so).
 */
export function parseIssueBytes(bytes: Uint8Array): ParseResult {
  return parseSource(linesOfBytes(bytes));
}

/** The lines of the input that are not blank, and how many lines it has in all. */
interface ReadLines {
  readonly lines: SourceLine[];
  readonly count: number;
  /** How many of `lines` are wide and long (see countWidth), counted as they are read. */
  readonly widths: Widths;
}

interface Widths {
  wide: number;
  long: number;
}

function parseSource(source: LineSource): ParseResult {
  const length = source.lengthOver(MAX_INPUT_CHARS);
  if (length !== null) return tooLarge(length);
  const sink = new DiagnosticSink();
  try {
    return parseLines(skipFrontMatter(readLines(source)), sink);
  } catch (error) {
    // A bug must not cost the reader the file: report it like any other problem.
    sink.error(1, 'internal-error', `Weekly Papers could not read this file because of an internal error: ${String(error)}`);
    return { issues: [], diagnostics: sink.diagnostics };
  }
}

function readLines(source: LineSource): ReadLines {
  const lines: SourceLine[] = [];
  const widths: Widths = { wide: 0, long: 0 };
  // The widths are counted here, while each line is at hand: a pass of its own over every line
  // costs as much again in reading them back from memory.
  const count = source.forEachLine((raw, n) => {
    const line = readLine(raw, n);
    if (!line.blank) {
      lines.push(line);
      countWidth(widths, line, 1);
    }
  });
  return { lines, count, widths };
}

function tooLarge(chars: number): ParseResult {
  const sink = new DiagnosticSink();
  const mb = (chars / (1024 * 1024)).toFixed(1);
  sink.error(1, 'too-large', `This file is too large to be a newsletter (${mb} MB; the limit is ${MAX_INPUT_CHARS / (1024 * 1024)} MB).`);
  return { issues: [], diagnostics: sink.diagnostics };
}

function parseLines({ lines, count, widths }: ReadLines, sink: DiagnosticSink): ParseResult {
  const shape = detectShape(lines);
  const joinLines = shape === 'markdown' || isHardWrapped(widths, count - lines.length);
  const issues: Issue[] = [];
  for (const segment of findSegments(lines)) {
    const segmentLines = lines.slice(segment.start, segment.end);
    if (!looksLikeIssue(segmentLines)) continue;
    const issueSink = new DiagnosticSink();
    const shapeHere = segmentShape(segmentLines, segment.firstLine, shape);
    issues.push(parseIssue(segmentLines, segment.firstLine, { shape: shapeHere, joinLines }, issueSink));
    // One push each: spread into push(), a line of 200,000 dropped links overflows the stack.
    for (const diagnostic of issueSink.diagnostics) sink.diagnostics.push(diagnostic);
  }
  if (issues.length === 0) {
    const empty = lines.length === 0;
    sink.error(
      1,
      'not-an-issue',
      empty
        ? 'This file is empty.'
        : 'This does not look like a newsletter issue: no "Vol.N for <week>" line, highlights list or numbered papers ("[1] Title" followed by links) were found.',
    );
  }
  sink.diagnostics.sort((a, b) => a.line - b.line);
  return { issues, diagnostics: sink.diagnostics };
}

/** How far down a Markdown front matter block (`---` … `---`, as Obsidian's web clipper writes) may end. */
const FRONT_MATTER_MAX_LINES = 60;

/** Front matter is metadata about the note, not the issue: its lines read as blank (they are left out). */
function skipFrontMatter(read: ReadLines): ReadLines {
  const { lines } = read;
  if (lines[0]?.n !== 1 || lines[0].text !== '---') return read;
  // Its closing line is one of the first FRONT_MATTER_MAX_LINES after the opening one.
  for (let end = 1; end < lines.length && (lines[end] as SourceLine).n <= FRONT_MATTER_MAX_LINES + 1; end++) {
    if ((lines[end] as SourceLine).text === '---') {
      // Its lines read as blank: they are not counted among the wide or long ones either.
      const widths = { ...read.widths };
      for (let i = 0; i <= end; i++) countWidth(widths, lines[i] as SourceLine, -1);
      return { lines: lines.slice(end + 1), count: read.count, widths };
    }
  }
  return read;
}

/** Prose under a numbered heading that makes it a paper rather than a footnote or a reference. */
const PAPER_PROSE_CHARS = 300;
const PAPER_LINK = /arxiv\.org\/|github\.com\/|huggingface\.co\/|substack\.com\/redirect/;

/**
 * An issue has a volume line or a highlights list; without either, at least one numbered
 * section must read like a paper (a summary of some length and a paper link), so that a README
 * with numbered references is not taken for an issue.
 */
function looksLikeIssue(lines: readonly SourceLine[]): boolean {
  let inSection = false;
  let prose = 0;
  let linked = false;
  for (const line of lines) {
    if (isVolumeLine(line) || isHighlightsHeader(headOf(line))) return true;
    if (line.startsLikeMarker && sectionHeading(headOf(line))) {
      inSection = true;
      prose = 0;
      linked = false;
    } else if (inSection) {
      if (PAPER_LINK.test(line.text)) linked = true;
      else prose += line.text.length;
      if (linked && prose >= PAPER_PROSE_CHARS) return true;
    }
  }
  return false;
}

const EMAIL_SIGNS = /^(?:from|subject|date|to):\s|^view (?:this post )?on the web at /i;

/** A line only an e-mail has: a forward header, an e-mail header or Substack's "View this post on the web at". */
function isEmailSign(line: SourceLine): boolean {
  return line.startsLikeMarker && (isForwardHeader(headOf(line)) || EMAIL_SIGNS.test(line.text));
}

/** How many lines decide the shape: an archive of one shape needs no more. */
const SHAPE_SAMPLE_LINES = 400;

function detectShape(lines: readonly SourceLine[]): IssueShape {
  let markdown = 0;
  for (const line of lines) {
    if (line.n > SHAPE_SAMPLE_LINES) break;
    if (isEmailSign(line)) return 'email';
    if (line.heading || line.text.startsWith('**') || line.text.includes('](http')) markdown++;
  }
  return markdown >= 2 ? 'markdown' : 'web';
}

/** How many lines of a segment, from its first, tell an e-mail from web text in a file that holds both. */
const SEGMENT_SHAPE_LINES = 40;

function segmentShape(lines: readonly SourceLine[], firstLine: number, fileShape: IssueShape): IssueShape {
  if (fileShape !== 'email') return fileShape;
  for (const line of lines) {
    if (line.n >= firstLine + SEGMENT_SHAPE_LINES) break;
    if (isEmailSign(line)) return 'email';
  }
  return 'web';
}

/** Text wrapped at a fixed width (as plain-text e-mail often is): paragraphs span several lines. */
function isHardWrapped({ wide, long }: Widths, blank: number): boolean {
  // A covering note or a long address may exceed the width; paragraphs don't.
  return wide >= 5 && long * 10 <= wide && blank > 0;
}

/** Adds `by` to the count of wide or long lines that `line` is one of (if either). */
function countWidth(widths: Widths, line: SourceLine, by: number): void {
  const { length } = line.text;
  // Only a line of 60 or more characters counts, unless it holds an address (a plain line has none).
  if (length >= 60 && (line.plain || !line.text.includes('://'))) {
    if (length > 100) widths.long += by;
    else widths.wide += by;
  }
}
