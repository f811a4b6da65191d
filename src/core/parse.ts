// The parser's entry point: newsletter text in any shape -> issues and diagnostics.
// Pure: no I/O, no vscode; never throws on any input, and runs in time linear in its size.
import type { Issue, IssueShape, ParseResult } from './model';
import { readSourceLine, type SourceLine } from './lines';
import { DiagnosticSink } from './diagnostics';
import { findSegments, isVolumeLine, sectionHeading } from './segment';
import { parseIssue } from './issue';
import { isForwardHeader, isHighlightsHeader } from './markers';
import { splitLines } from './text';

/** Inputs longer than this (in UTF-16 code units, about 32 MB of text) are refused. */
export const MAX_INPUT_CHARS = 32 * 1024 * 1024;

export function parseIssueText(text: string): ParseResult {
  const sink = new DiagnosticSink();
  if (text.length > MAX_INPUT_CHARS) {
    const mb = (text.length / (1024 * 1024)).toFixed(1);
    sink.error(1, 'too-large', `This file is too large to be a newsletter (${mb} MB; the limit is ${MAX_INPUT_CHARS / (1024 * 1024)} MB).`);
    return { issues: [], diagnostics: sink.diagnostics };
  }
  try {
    return parseLines(splitLines(text).map((raw, index) => readSourceLine(raw, index + 1)), sink);
  } catch (error) {
    // A bug must not cost the reader the file: report it like any other problem.
    sink.error(1, 'internal-error', `Weekly Papers could not read this file because of an internal error: ${String(error)}`);
    return { issues: [], diagnostics: sink.diagnostics };
  }
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
    sink.diagnostics.push(...issueSink.diagnostics);
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

/** An issue has a volume line, a highlights list, or numbered papers with links. */
function looksLikeIssue(lines: readonly SourceLine[]): boolean {
  let headings = 0;
  for (const line of lines) {
    if (line.blank) continue;
    if (isVolumeLine(line) || isHighlightsHeader(line.lower)) return true;
    if (sectionHeading(line.text.replace(/\*\*/g, ''))) headings++;
    if (headings > 0 && /https?:\/\//.test(line.text) && (line.lower.includes('arxiv.org/') || line.lower.includes('github.com/'))) return true;
  }
  return false;
}

const EMAIL_SIGNS = /^(?:from|subject|date|to):\s|^view (?:this post )?on the web at /i;

function detectShape(lines: readonly SourceLine[]): IssueShape {
  let markdown = 0;
  for (const line of lines) {
    if (line.blank) continue;
    if (isForwardHeader(line.lower) || EMAIL_SIGNS.test(line.text)) return 'email';
    if (line.heading || line.text.startsWith('**') || line.text.includes('](http')) markdown++;
  }
  return markdown >= 2 ? 'markdown' : 'web';
}

function segmentShape(lines: readonly SourceLine[], fileShape: IssueShape): IssueShape {
  if (fileShape !== 'email') return fileShape;
  const head = lines.slice(0, 40);
  return head.some((line) => !line.blank && (isForwardHeader(line.lower) || EMAIL_SIGNS.test(line.text))) ? 'email' : 'web';
}

/** Text wrapped at a fixed width (as plain-text e-mail often is): paragraphs span several lines. */
function isHardWrapped(lines: readonly SourceLine[]): boolean {
  let wide = 0;
  let blank = 0;
  for (const line of lines) {
    if (line.text.length > 100) return false;
    if (line.text.length >= 60) wide++;
    if (line.blank) blank++;
  }
  return wide >= 5 && blank > 0;
}
