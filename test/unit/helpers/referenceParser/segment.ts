// Where each issue starts in a file: an archive holds several issues one after another.
import type { SourceLine } from '../../../../src/core/parse/lines';
import { parseVolumeLine, type VolumeLine } from '../../../../src/core/parse/dates';
import { headOf, stripMarkup } from '../../../../src/core/parse/lines';
import { isFooterLine, isForwardHeader, isSignOffLine } from '../../../../src/core/parse/markers';

export interface Segment {
  /** Index of the first line (into the file's lines). */
  readonly start: number;
  /** Index one past the last line. */
  readonly end: number;
}

const WORD_FOR = /\bfor\b/;

/** A `Vol.N for …` line that names an issue (not just any line starting with "Vol"). */
export function isVolumeLine(line: SourceLine): boolean {
  if (!line.startsLikeMarker) return false;
  const head = headOf(line);
  if (head.charCodeAt(0) !== 118 /* v */ || !head.startsWith('vol')) return false;
  const parsed = volumeLineOf(line);
  return parsed !== null && (parsed.week !== null || WORD_FOR.test(head));
}

/** Volume lines read so far: the parser asks about each one up to four times (segments, issue test, header). */
const readVolumeLines = new WeakMap<SourceLine, VolumeLine | null>();

/** parseVolumeLine of the line's text without markup, read once per line. */
export function volumeLineOf(line: SourceLine): VolumeLine | null {
  let parsed = readVolumeLines.get(line);
  if (parsed === undefined) {
    parsed = parseVolumeLine(stripMarkup(line.text));
    readVolumeLines.set(line, parsed);
  }
  return parsed;
}

const SECTION_HEADING = /^\[(\d{1,3})\]\s*(.*)$/;

/** `[3] Title`: the number and the rest. */
export function sectionHeading(text: string): { number: number; title: string } | null {
  // Many lines start with `[` (Markdown links, redirects): only `[` and a digit can be a heading.
  if (text.charCodeAt(0) !== 91 /* [ */ || !isDigitCode(text.charCodeAt(1))) return null;
  const match = SECTION_HEADING.exec(text);
  if (!match || match[1] === undefined) return null;
  return { number: Number(match[1]), title: match[2] ?? '' };
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Splits the file at forwarded-message headers and at `Vol.N` lines. A new issue's title is the
 * line just above its volume line; a volume line that is the first of its segment (an e-mail's)
 * does not split.
 */
export function findSegments(lines: readonly SourceLine[]): Segment[] {
  const starts: number[] = [0];
  let hasVolume = false;
  let hasContent = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    // Each test below is of the line's start: a line that starts like no marker passes none.
    if (line.blank || !line.startsLikeMarker) continue;
    if (isForwardHeader(headOf(line))) {
      pushStart(starts, i);
      hasVolume = false;
      hasContent = false;
    } else if (isVolumeLine(line)) {
      if (hasVolume || hasContent) {
        const title = previousNonBlank(lines, i);
        pushStart(starts, couldBeTitle(lines[title] as SourceLine) ? title : i);
        hasContent = false;
      }
      hasVolume = true;
    } else if (!hasContent && sectionHeading(headOf(line))) {
      hasContent = true;
    }
  }
  return starts.map((start, k) => ({ start, end: starts[k + 1] ?? lines.length }));
}

/** The line above a volume line is its issue's title, unless it plainly belongs to the issue before. */
function couldBeTitle(line: SourceLine): boolean {
  return line.text.length <= 300 && !sectionHeading(line.text) && !isSignOffLine(headOf(line)) && !isFooterLine(headOf(line));
}

function pushStart(starts: number[], index: number): void {
  if (index > (starts[starts.length - 1] ?? -1)) starts.push(index);
}

function previousNonBlank(lines: readonly SourceLine[], index: number): number {
  for (let i = index - 1; i >= 0 && i >= index - 4; i--) {
    const line = lines[i] as SourceLine;
    if (!line.blank && !line.rule) return i;
  }
  return index;
}
