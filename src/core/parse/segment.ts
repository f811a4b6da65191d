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
 * Splits the file at forwarded-message headers and at `Vol.N` lines, as its lines are read: a new
 * issue's title is the line just above its volume line; a volume line that is the first of its
 * segment (an e-mail's) does not split. It is handed the file's lines that are not blank, in order,
 * and hands on each segment (its lines, and the number of its first line, blank or not: line 1 for
 * the first) as soon as the next one starts. It keeps only the lines of the segment it is reading:
 * a title is looked for among them only, for no segment starts with a rule (it starts with a
 * forward header, a title or a volume line), except the file's first, before which there is nothing.
 */
export class Segmenter {
  /** The lines of the segment being read. */
  private lines: SourceLine[] = [];
  /** The number of the segment's first line. */
  private firstLine = 1;
  private hasVolume = false;
  private hasContent = false;

  constructor(private readonly onSegment: (lines: SourceLine[], firstLine: number) => void) {}

  add(line: SourceLine): void {
    this.lines.push(line);
    // Each test below is of the line's start: a line that starts like no marker passes none.
    if (!line.startsLikeMarker) return;
    const index = this.lines.length - 1;
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
    const { lines, firstLine } = this;
    this.lines = [];
    this.onSegment(lines, firstLine);
  }

  /** A new segment starts at `index` of this one, when that line comes after this one's first. */
  private startAt(index: number): void {
    const { n } = this.lines[index] as SourceLine;
    if (n <= this.firstLine) return;
    const done = this.lines.slice(0, index);
    this.lines = this.lines.slice(index);
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
