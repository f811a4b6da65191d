// The parser's entry point: newsletter text in any shape -> issues and diagnostics.
// Pure: no I/O, no vscode; never throws on any input, and runs in time linear in its size.
import type { Issue, IssueShape, ParseResult } from '../../../../src/core/model/model';
import { blankLine, headOf, readLine, type SourceLine } from '../../../../src/core/parse/lines';
import { DiagnosticSink } from '../../../../src/core/parse/diagnostics';
import { findSegments, isVolumeLine, sectionHeading } from './segment';
import { parseIssue } from './issue';
import { isForwardHeader, isHighlightsHeader } from '../../../../src/core/parse/markers';
import { splitLines } from '../../../../src/core/parse/text';

/** Inputs longer than this (in UTF-16 code units, about 32 MB of text) are refused. */
export const MAX_INPUT_CHARS = 32 * 1024 * 1024;

export function parseIssueText(text: string): ParseResult {
  if (text.length > MAX_INPUT_CHARS) return tooLarge(text.length);
  return parseIssueLines(splitLines(text));
}

/** The same as parseIssueText, for text already split into lines (see decodeLines). */
export function parseIssueLines(rawLines: readonly string[]): ParseResult {
  let length = 0;
  // An index loop: this runs once per file, often before it is optimised, and a for-of loop
  // there allocates an iterator result per line (as much garbage as the lines' own objects).
  for (let i = 0; i < rawLines.length; i++) length += (rawLines[i] as string).length + 1;
  if (length - 1 > MAX_INPUT_CHARS) return tooLarge(length - 1);
  const sink = new DiagnosticSink();
  try {
    return parseLines(skipFrontMatter(rawLines.map((raw, index) => readLine(raw, index + 1))), sink);
  } catch (error) {
    // A bug must not cost the reader the file: report it like any other problem.
    sink.error(1, 'internal-error', `Weekly Papers could not read this file because of an internal error: ${String(error)}`);
    return { issues: [], diagnostics: sink.diagnostics };
  }
}

function tooLarge(chars: number): ParseResult {
  const sink = new DiagnosticSink();
  const mb = (chars / (1024 * 1024)).toFixed(1);
  sink.error(1, 'too-large', `This file is too large to be a newsletter (${mb} MB; the limit is ${MAX_INPUT_CHARS / (1024 * 1024)} MB).`);
  return { issues: [], diagnostics: sink.diagnostics };
}

function parseLines(lines: readonly SourceLine[], sink: DiagnosticSink): ParseResult {
  const shape = detectShape(lines);
  const joinLines = shape === 'markdown' || isHardWrapped(lines);
  const issues: Issue[] = [];
  for (const segment of findSegments(lines)) {
    const segmentLines = lines.slice(segment.start, segment.end);
    if (!looksLikeIssue(segmentLines)) continue;
    const issueSink = new DiagnosticSink();
    issues.push(parseIssue(segmentLines, { shape: segmentShape(segmentLines, shape), joinLines }, issueSink));
    // One push each: spread into push(), a line of 200,000 dropped links overflows the stack.
    for (const diagnostic of issueSink.diagnostics) sink.diagnostics.push(diagnostic);
  }
  if (issues.length === 0) {
    const empty = lines.every((line) => line.blank);
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

/** Front matter is metadata about the note, not the issue: its lines read as blank. */
function skipFrontMatter(lines: SourceLine[]): SourceLine[] {
  if (lines[0]?.text !== '---') return lines;
  const last = Math.min(FRONT_MATTER_MAX_LINES, lines.length - 1);
  for (let end = 1; end <= last; end++) {
    if ((lines[end] as SourceLine).text !== '---') continue;
    for (let i = 0; i <= end; i++) lines[i] = blankLine((lines[i] as SourceLine).n);
    break;
  }
  return lines;
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
    if (line.blank) continue;
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
  for (const line of lines.slice(0, SHAPE_SAMPLE_LINES)) {
    if (line.blank) continue;
    if (isEmailSign(line)) return 'email';
    if (line.heading || line.text.startsWith('**') || line.text.includes('](http')) markdown++;
  }
  return markdown >= 2 ? 'markdown' : 'web';
}

function segmentShape(lines: readonly SourceLine[], fileShape: IssueShape): IssueShape {
  if (fileShape !== 'email') return fileShape;
  return lines.slice(0, 40).some(isEmailSign) ? 'email' : 'web';
}

/** Text wrapped at a fixed width (as plain-text e-mail often is): paragraphs span several lines. */
function isHardWrapped(lines: readonly SourceLine[]): boolean {
  let wide = 0;
  let long = 0;
  let blank = 0;
  // An index loop: this runs once over the whole file, often before it is optimised, and a
  // for-of loop there allocates an iterator result per line.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    const { length } = line.text;
    if (line.blank) blank++;
    // Only a line of 60 or more characters counts, unless it holds an address (a plain line has none).
    else if (length >= 60 && (line.plain || !line.text.includes('://'))) {
      if (length > 100) long++;
      else wide++;
    }
  }
  // A covering note or a long address may exceed the width; paragraphs don't.
  return wide >= 5 && long * 10 <= wide && blank > 0;
}
