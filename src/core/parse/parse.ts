// The parser's entry point: newsletter text in any shape -> issues and diagnostics.
// Pure: no I/O, no vscode; never throws on any input, and runs in time linear in its size.
// Only the lines with something on them are read into objects (SourceLine); a blank line is a gap
// between their numbers. A line is kept only until its issue is parsed (see readIssues): the
// memory an archive of many issues takes follows what the issues hold, not how many lines it has.
import type { Issue, IssueShape, ParseResult } from '../model/model';
import { headOf, readLine, type SourceLine } from './lines';
import { DiagnosticSink } from './diagnostics';
import { Segmenter, isVolumeLine, sectionHeading } from './segment';
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

interface Widths {
  wide: number;
  long: number;
}

/** Whether hard-wrapped lines are joined into paragraphs: known for certain only once the whole file is read. */
type JoinLines = boolean | 'guess';

function parseSource(source: LineSource): ParseResult {
  const length = source.lengthOver(MAX_INPUT_CHARS);
  if (length !== null) return tooLarge(length);
  try {
    // Read on a guess of whether the text is hard-wrapped (exact for a file of up to 400 lines); a
    // file that turns out otherwise is read again, knowing it.
    const first = readIssues(source, 'guess');
    if (first.joinLines !== first.guessed) return readIssues(source, first.joinLines).result;
    if (first.failure !== null) throw first.failure.error;
    return first.result;
  } catch (error) {
    // A bug must not cost the reader the file: report it like any other problem.
    const sink = new DiagnosticSink();
    sink.error(1, 'internal-error', `Weekly Papers could not read this file because of an internal error: ${String(error)}`);
    return { issues: [], diagnostics: sink.diagnostics };
  }
}

/**
 * One pass over the input's lines: each line that is not blank is read (readLine), handed to the
 * Segmenter, and each segment is parsed as soon as the next one starts. A segment's lines are then
 * let go, so that what stays in memory is what the issues keep, not every line of the file; and
 * they die young, which costs the garbage collector next to nothing. Two things about the file
 * are needed to parse a segment: its shape, known from its first SHAPE_SAMPLE_LINES lines (the
 * segments before are held until then), and whether it is hard-wrapped, known only at its end:
 * `joinLines` is that answer when it is known, else a guess, made from the lines read when the
 * first segment is parsed (all of them, for a file of one issue), that the caller checks against
 * `joinLines` in the result. While guessing, a segment whose parse fails is left out and the
 * failure kept (`failure`): the parse that knows the answer may not fail, and only that one counts.
 */
function readIssues(source: LineSource, joinLines: JoinLines): { result: ParseResult; joinLines: boolean; guessed: boolean; failure: { error: unknown } | null } {
  const sink = new DiagnosticSink();
  const issues: Issue[] = [];
  const widths: Widths = { wide: 0, long: 0 };
  let kept = 0;
  // Typed with `as`: set in callbacks, which TypeScript does not see.
  let shape = null as IssueShape | null;
  let markdownSigns = 0;
  /** Fixed when the first segment is parsed: every segment of a pass is parsed alike. */
  let join = null as boolean | null;
  /** How many lines (blank or not) have been read. */
  let read = 0;
  let failure = null as { error: unknown } | null;
  /** Segments read before the shape was known. */
  let held: Array<{ lines: SourceLine[]; firstLine: number }> | null = [];
  const parseSegment = (lines: SourceLine[], firstLine: number) => {
    if (!looksLikeIssue(lines)) return;
    // The guess is made from the lines read so far: all of them for a file of one issue.
    join ??= joinLines === 'guess' ? shape === 'markdown' || isHardWrapped(widths, read - kept) : joinLines;
    const issueSink = new DiagnosticSink();
    const shapeHere = segmentShape(lines, firstLine, shape as IssueShape);
    let issue: Issue;
    try {
      issue = parseIssue(lines, firstLine, { shape: shapeHere, joinLines: join }, issueSink);
    } catch (error) {
      if (joinLines !== 'guess') throw error;
      failure ??= { error };
      return;
    }
    issues.push(issue);
    // One push each: spread into push(), a line of 200,000 dropped links overflows the stack.
    for (const diagnostic of issueSink.diagnostics) sink.diagnostics.push(diagnostic);
  };
  const decideShape = (decided: IssueShape) => {
    shape = decided;
    for (const segment of held ?? []) parseSegment(segment.lines, segment.firstLine);
    held = null;
  };
  const segmenter = new Segmenter((lines, firstLine) => {
    if (held !== null) held.push({ lines, firstLine });
    else parseSegment(lines, firstLine);
  });
  const keep = (line: SourceLine) => {
    kept++;
    if (shape === null) {
      if (line.n > SHAPE_SAMPLE_LINES) decideShape(markdownSigns >= 2 ? 'markdown' : 'web');
      else if (isEmailSign(line)) decideShape('email');
      else if (isMarkdownSign(line)) markdownSigns++;
    }
    segmenter.add(line);
  };
  const frontMatter = new FrontMatter(keep, (line) => countWidth(widths, line, -1));
  const count = source.forEachLine((raw, n) => {
    read = n;
    const line = readLine(raw, n);
    if (line.blank) return;
    // The widths are counted here, while each line is at hand: a pass of its own over every line
    // costs as much again in reading them back from memory.
    countWidth(widths, line, 1);
    frontMatter.add(line);
  });
  read = count;
  frontMatter.end();
  if (shape === null) decideShape(markdownSigns >= 2 ? 'markdown' : 'web');
  segmenter.end();
  const joinAtEnd = shape === 'markdown' || isHardWrapped(widths, count - kept);
  if (issues.length === 0) {
    sink.error(
      1,
      'not-an-issue',
      kept === 0
        ? 'This file is empty.'
        : 'This does not look like a newsletter issue: no "Vol.N for <week>" line, highlights list or numbered papers ("[1] Title" followed by links) were found.',
    );
  }
  sink.diagnostics.sort((a, b) => a.line - b.line);
  return { result: { issues, diagnostics: sink.diagnostics }, joinLines: joinAtEnd, guessed: join ?? joinAtEnd, failure };
}

function tooLarge(chars: number): ParseResult {
  const sink = new DiagnosticSink();
  const mb = (chars / (1024 * 1024)).toFixed(1);
  sink.error(1, 'too-large', `This file is too large to be a newsletter (${mb} MB; the limit is ${MAX_INPUT_CHARS / (1024 * 1024)} MB).`);
  return { issues: [], diagnostics: sink.diagnostics };
}

/** How far down a Markdown front matter block (`---` … `---`, as Obsidian's web clipper writes) may end. */
const FRONT_MATTER_MAX_LINES = 60;

/**
 * Front matter is metadata about the note, not the issue: its lines read as blank (they are left
 * out, and not counted among the wide or long ones). Lines that may be front matter are held until
 * it is known whether they are; every other line is handed on at once.
 */
class FrontMatter {
  /** The lines since an opening `---` on line 1, while its closing line may still come. */
  private open: SourceLine[] | null = null;
  private started = false;

  constructor(
    private readonly onLine: (line: SourceLine) => void,
    private readonly onDropped: (line: SourceLine) => void,
  ) {}

  add(line: SourceLine): void {
    if (!this.started) {
      this.started = true;
      if (line.n === 1 && line.text === '---') {
        this.open = [line];
        return;
      }
    }
    const open = this.open;
    if (open === null) {
      this.onLine(line);
    } else if (line.n > FRONT_MATTER_MAX_LINES + 1) {
      // Its closing line is one of the first FRONT_MATTER_MAX_LINES after the opening one.
      this.end();
      this.onLine(line);
    } else if (line.text === '---') {
      this.open = null;
      for (const dropped of open) this.onDropped(dropped);
      this.onDropped(line);
    } else {
      open.push(line);
    }
  }

  /** No more lines: what was held was not front matter. */
  end(): void {
    const open = this.open;
    this.open = null;
    for (const line of open ?? []) this.onLine(line);
  }
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

/** A sign of Markdown: a heading, strong emphasis at the start, an inline link to a web address. */
function isMarkdownSign(line: SourceLine): boolean {
  return line.heading || line.text.startsWith('**') || line.text.includes('](http');
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
