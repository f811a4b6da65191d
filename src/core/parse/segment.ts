// Where each issue starts in a file: an archive holds several issues one after another.
import type { SourceLine } from './lines';
import { parseVolumeLine, type VolumeLine } from './dates';
import { headOf, stripMarkup } from './lines';
import { isFooterLine, isForwardHeader, isSignOffLine } from './markers';

export interface Segment {
  /** Index of its first line that is not blank (into the file's lines that are not blank). */
  readonly start: number;
  /** Index one past its last line that is not blank. */
  readonly end: number;
  /** The number of its first line, blank or not: line 1 for the first segment. */
  readonly firstLine: number;
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
 * does not split. `lines` are the file's lines that are not blank, in order.
 */
export function findSegments(lines: readonly SourceLine[]): Segment[] {
  /** Where each segment starts: an index into `lines`, and its line number (the first starts at line 1). */
  const starts: Array<{ readonly index: number; readonly n: number }> = [{ index: 0, n: 1 }];
  let hasVolume = false;
  let hasContent = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    // Each test below is of the line's start: a line that starts like no marker passes none.
    if (!line.startsLikeMarker) continue;
    if (isForwardHeader(headOf(line))) {
      pushStart(starts, lines, i);
      hasVolume = false;
      hasContent = false;
    } else if (isVolumeLine(line)) {
      if (hasVolume || hasContent) {
        const title = previousNonBlank(lines, i);
        pushStart(starts, lines, couldBeTitle(lines[title] as SourceLine) ? title : i);
        hasContent = false;
      }
      hasVolume = true;
    } else if (!hasContent && sectionHeading(headOf(line))) {
      hasContent = true;
    }
  }
  return starts.map(({ index, n }, k) => ({ start: index, end: starts[k + 1]?.index ?? lines.length, firstLine: n }));
}

/** The line above a volume line is its issue's title, unless it plainly belongs to the issue before. */
function couldBeTitle(line: SourceLine): boolean {
  return line.text.length <= 300 && !sectionHeading(line.text) && !isSignOffLine(headOf(line)) && !isFooterLine(headOf(line));
}

function pushStart(starts: Array<{ readonly index: number; readonly n: number }>, lines: readonly SourceLine[], index: number): void {
  const { n } = lines[index] as SourceLine;
  if (n > (starts[starts.length - 1]?.n ?? 0)) starts.push({ index, n });
}

/** The nearest line above lines[index], at most 4 lines up, that is not a rule; `index` when there is none. */
function previousNonBlank(lines: readonly SourceLine[], index: number): number {
  const { n } = lines[index] as SourceLine;
  for (let i = index - 1; i >= 0 && (lines[i] as SourceLine).n >= n - 4; i--) {
    if (!(lines[i] as SourceLine).rule) return i;
  }
  return index;
}
