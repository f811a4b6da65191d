// Where each issue starts in a file: an archive holds several issues one after another.
import type { SourceLine } from './lines';
import { parseVolumeLine, type VolumeLine } from './dates';
import { headOf, stripMarkup } from './lines';
import { isFooterLine, isForwardHeader, isSignOffLine } from './markers';

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

/** The `\s*` between a heading's `]` and its title. */
const SPACE_AT_START = /^\s+/;
/** The characters `.` does not match. */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/**
 * `[3] Title`: the number and the rest, as `^\[(\d{1,3})\]\s*(.*)$` reads them, without the
 * array a match builds (every paper's heading is read so, several times).
 */
export function sectionHeading(text: string): { number: number; title: string } | null {
  // Many lines start with `[` (Markdown links, redirects): only `[` and a digit can be a heading.
  if (text.charCodeAt(0) !== 91 /* [ */ || !isDigitCode(text.charCodeAt(1))) return null;
  let close = 2;
  while (close < 4 && isDigitCode(text.charCodeAt(close))) close++;
  if (text.charCodeAt(close) !== 93 /* ] */) return null;
  let title = text.slice(close + 1);
  if (title.length > 0 && isSpaceCode(title.charCodeAt(0))) title = title.replace(SPACE_AT_START, '');
  // `.*$` matches no line end: one after the spaces means no match (giving some of the spaces
  // back to `.*` cannot get it past one). A line read from a file has none; a caller's text may.
  if (LINE_TERMINATOR.test(title)) return null;
  return { number: Number(text.slice(1, close)), title };
}

/** Every character `\s` matches: whether a title's first character is one, before a regular expression is asked. */
function isSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Splits the file at forwarded-message headers and at `Vol.N` lines, as its lines are read: a new
 * issue's title is the line just above its volume line; a volume line that is the first of its
 * segment (an e-mail's) does not split. It is handed the file's lines that are not blank, in order,
 * and hands on each segment (its lines, and the number of its first line, blank or not: line 1 for
 * the first) as soon as the next one starts. It keeps only the lines of the segment it is reading:
 * a title is looked for among them only, for no segment starts with a rule (it starts with a
 * forward header, a title or a volume line), except the file's first, before which there is nothing.
 */
export class Segmenter {
  /**
   * The lines of the segment being read: the first `count` of these. One array serves every
   * segment, each handed on as a copy of its exact size: grown anew by push for each, the arrays
   * made a twentieth of all that a parse allocates.
   */
  private readonly lines: SourceLine[] = [];
  private count = 0;
  /** The number of the segment's first line. */
  private firstLine = 1;
  private hasVolume = false;
  private hasContent = false;

  constructor(private readonly onSegment: (lines: SourceLine[], firstLine: number) => void) {}

  add(line: SourceLine): void {
    this.lines[this.count++] = line;
    // Each test below is of the line's start: a line that starts like no marker passes none.
    if (!line.startsLikeMarker) return;
    const index = this.count - 1;
    if (isForwardHeader(headOf(line))) {
      this.startAt(index);
      this.hasVolume = false;
      this.hasContent = false;
    } else if (isVolumeLine(line)) {
      if (this.hasVolume || this.hasContent) {
        const title = this.previousNonBlank(index);
        this.startAt(couldBeTitle(this.lines[title] as SourceLine) ? title : index);
        this.hasContent = false;
      }
      this.hasVolume = true;
    } else if (!this.hasContent && sectionHeading(headOf(line))) {
      this.hasContent = true;
    }
  }

  /** Hands on the last segment. */
  end(): void {
    const lines = this.lines.slice(0, this.count);
    this.lines.length = 0;
    this.count = 0;
    this.onSegment(lines, this.firstLine);
  }

  /** A new segment starts at `index` of this one, when that line comes after this one's first. */
  private startAt(index: number): void {
    const { n } = this.lines[index] as SourceLine;
    if (n <= this.firstLine) return;
    const done = this.lines.slice(0, index);
    // The lines from `index` on begin the next segment: moved to the front, in the same array.
    this.lines.copyWithin(0, index, this.count);
    // (The slots past them keep lines handed on until the next segment's overwrite them: one
    // segment's worth at most.)
    this.count -= index;
    const { firstLine } = this;
    this.firstLine = n;
    this.onSegment(done, firstLine);
  }

  /** The nearest line above line `index`, at most TITLE_LOOKBACK lines up, that is not a rule; `index` when there is none. */
  private previousNonBlank(index: number): number {
    const { n } = this.lines[index] as SourceLine;
    for (let i = index - 1; i >= 0 && (this.lines[i] as SourceLine).n >= n - TITLE_LOOKBACK; i--) {
      if (!(this.lines[i] as SourceLine).rule) return i;
    }
    return index;
  }
}

/** How many lines above its volume line an issue's title may be. */
const TITLE_LOOKBACK = 4;

/** The line above a volume line is its issue's title, unless it plainly belongs to the issue before. */
function couldBeTitle(line: SourceLine): boolean {
  return line.text.length <= 300 && !sectionHeading(line.text) && !isSignOffLine(headOf(line)) && !isFooterLine(headOf(line));
}
