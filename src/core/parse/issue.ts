// One issue, from its lines: the header (title, volume, week), the highlights list, the numbered
// papers, the Extras, and where the text stops (sign-off, paywall, e-mail footer).
import type { Extra, Highlight, Issue, IssueShape, Paper } from '../model/model';
import type { SourceLine } from './lines';
import { displayText, headOf, isLinkLine, readLineContent, stripMarkup } from './lines';
import { addBodyLine, finishBody, newBodyScratch, startBody, type BodyOptions, type BodyReader, type BodyScratch } from './body';
import type { DiagnosticSink } from './diagnostics';
import { paperKey, uniqueKeys } from '../model/keys';
import { addContentsOnlyPapers, contentsHint, highlightText, markCutOffSection, matchHighlights, splitHighlight } from './contents';
import { isFooterLine, isForwardHeader, isHighlightsHeader, isPaywallLine, isSignOffLine, isTaglineLine } from './markers';
import { isVolumeLine, sectionHeading, volumeLineOf } from './segment';
import { collapseSpaces, startsWithWordChar, stripLeadingSymbols } from './text';

interface OpenSection {
  readonly kind: 'paper' | 'extra';
  readonly heading: SourceLine;
  readonly number: number | null;
  readonly title: string;
  readonly extrasSection: string;
  /** Reads its lines that are not blank (rules included), in order, as they come. */
  readonly body: BodyReader;
  /** A blank line came after its heading (blank lines are never handed to `body`). */
  hasBlank: boolean;
  hasLinks: boolean;
}

type State = 'header' | 'highlights' | 'papers' | 'extras' | 'done';

const EMAIL_HEADER = /^(from|date|subject|to|cc|sent|reply-to):\s*(.*)$/i;
const VIEW_ON_WEB = /^view (?:this post )?on the web at\s+(\S+)/i;
/** A highlight that already names its organisation is complete. */
const HAS_ORG = /, from \S/i;
const EXTRAS_HEADING = /^extras\b\s*[:\-–—]?\s*(.*)$/i;

export interface IssueOptions extends BodyOptions {
  readonly shape: IssueShape;
}

/**
 * Parses one segment into an issue: its lines that are not blank, and the number of its first line
 * (blank or not). Always returns an issue; the caller decides whether it is one.
 */
export function parseIssue(lines: readonly SourceLine[], firstLine: number, options: IssueOptions, sink: DiagnosticSink): Issue {
  /** Highlight texts as read (joined where hard-wrapped), split into title and org at the end. */
  const highlightTexts: Array<{ text: string; line: number; hint: string | null }> = [];
  const papers: Paper[] = [];
  const extras: Extra[] = [];
  let title: string | null = null;
  let titleFromSubject = false;
  let volume: number | null = null;
  let volumeLine = 0;
  let week: Issue['week'] = { start: null, end: null };
  let webUrl: string | null = null;
  let cutOff: Issue['cutOff'] = null;
  let state: State = 'header';
  let section: OpenSection | null = null;
  /** Where each section in turn collects its blocks and links. */
  const scratch = newBodyScratch();
  let extrasSection = 'Extras';
  let lastLine = firstLine;
  let afterBlank = true;
  /** The number of the line read last: a line numbered more than one past it comes after blank lines. */
  let previous = firstLine - 1;

  const close = () => {
    if (section) {
      const finished = finishSection(section, volume, sink);
      if (finished.kind === 'paper') papers.push(finished.paper);
      else extras.push(finished.extra);
    }
    section = null;
  };

  for (const line of lines) {
    if (line.n > previous + 1) {
      if (section) section.hasBlank = true;
      afterBlank = true;
    }
    previous = line.n;
    if (line.rule) {
      if (section) addBodyLine(section.body, line, false);
      afterBlank = true;
      continue;
    }
    const continuesPrevious = !afterBlank && options.joinLines;
    afterBlank = false;
    const { text } = line;
    // Most lines start like no marker at all, and skip these checks (and never need `head`).
    const marker = line.startsLikeMarker ? readMarker(line, state, line.n === firstLine) : null;
    if (marker?.kind === 'paywall') {
      cutOff = { line: line.n, reason: 'The free part of the post ends here (paywall).' };
      break;
    }
    if (marker?.kind === 'end') break;
    lastLine = line.n;

    if (marker?.kind === 'paper') {
      close();
      const content = readLineContent(marker.title);
      section = openSection('paper', line, marker.number, displayText(content), content.urls, extrasSection, options, sink, scratch);
      state = 'papers';
      continue;
    }
    if (marker?.kind === 'extras') {
      close();
      extrasSection = marker.section;
      state = 'extras';
      continue;
    }
    if (marker?.kind === 'sign-off') {
      close();
      state = 'done';
      continue;
    }

    switch (state) {
      case 'header': {
        const email = EMAIL_HEADER.exec(text);
        const view = VIEW_ON_WEB.exec(text);
        if (email) {
          if (email[1]?.toLowerCase() === 'subject' && email[2]) {
            title = email[2].replace(/^(?:(?:fwd?|fw|re)\s*:\s*)+/i, '').trim() || null;
            titleFromSubject = title !== null;
          }
        } else if (view?.[1]) {
          webUrl = view[1];
        } else if (isVolumeLine(line) && volume === null) {
          const parsed = volumeLineOf(line);
          volume = parsed?.volume ?? null;
          volumeLine = line.n;
          if (parsed?.week) {
            week = parsed.week;
          } else {
            sink.warning(line.n, 'bad-week', `Could not read the week in "${text}"; expected e.g. "Vol.132 for Nov 24 - Nov 30, 2025".`);
          }
        } else if (isHighlightsHeader(headOf(line))) {
          state = 'highlights';
        } else if (isTaglineLine(headOf(line)) || isForwardHeader(headOf(line))) {
          // Not content.
        } else if (volume !== null && text.toLowerCase().includes(', from ')) {
          state = 'highlights';
          highlightTexts.push({ text: highlightText(line), line: line.n, hint: contentsHint(line) });
        } else if (title === null && volume === null && !titleFromSubject) {
          title = collapseSpaces(stripMarkup(text)) || null;
        }
        break;
      }
      case 'highlights': {
        if (isLinkLine(line)) break;
        const previous = highlightTexts[highlightTexts.length - 1];
        // Hard-wrapped text splits one highlight over several lines.
        if (continuesPrevious && previous && !line.bullet && !HAS_ORG.test(previous.text)) {
          previous.text = `${previous.text} ${highlightText(line)}`;
          previous.hint ??= contentsHint(line);
        } else {
          highlightTexts.push({ text: highlightText(line), line: line.n, hint: contentsHint(line) });
        }
        break;
      }
      case 'papers':
      case 'extras':
        if (section === null && state === 'extras') {
          section = openSection('extra', line, null, extraTitle(text), [], extrasSection, options, sink, scratch);
        } else if (section !== null) {
          const current: OpenSection = section;
          const links = isLinkLine(line);
          if (current.kind === 'extra' && !links && (line.heading || !startsWithWordChar(headOf(line))) && (current.body.lineCount > 0 || current.hasBlank)) {
            close();
            section = openSection('extra', line, null, extraTitle(text), [], extrasSection, options, sink, scratch);
          } else if (current.hasLinks && !links && startsWithWordChar(headOf(line))) {
            // Prose after a paper's links is the closing note of the issue, not part of the paper.
            close();
            state = 'done';
          } else {
            addBodyLine(current.body, line, links);
            if (links) current.hasLinks = true;
          }
        }
        break;
      case 'done':
        break;
    }
  }
  close();

  const highlights = highlightTexts.map(({ text, line, hint }) => splitHighlight(text, line, hint));
  const first = firstLine;
  if (volume === null) {
    sink.warning(first, 'missing-volume', 'No "Vol.N for <week>" line: the volume and week of this issue are unknown.');
  }
  matchHighlights(papers, highlights);
  reportShape(papers, highlights, cutOff, volumeLine || first, sink);
  markCutOffSection(papers, cutOff, volume);
  addContentsOnlyPapers(papers, highlights, volume, cutOff !== null);

  return {
    volume,
    week,
    title,
    shape: options.shape,
    webUrl,
    highlights,
    papers: uniqueKeys(papers, sink).slice(),
    extras: uniqueKeys(extras, sink).slice(),
    cutOff,
    range: { startLine: first, endLine: Math.max(first, cutOff?.line ?? lastLine) },
  };
}

/** A line that ends the issue, starts a paper or the Extras, or signs off. */
type Marker =
  | { readonly kind: 'paywall' | 'end' | 'sign-off' }
  | { readonly kind: 'paper'; readonly number: number; readonly title: string }
  | { readonly kind: 'extras'; readonly section: string };

/** What a line that starts like a marker is, checked in this order; null for none. */
function readMarker(line: SourceLine, state: State, isFirstLine: boolean): Marker | null {
  const { text } = line;
  const head = headOf(line);
  if (isPaywallLine(head, text)) return { kind: 'paywall' };
  // A forwarded message starts a new segment; as the segment's first line it is its own header.
  if (isFooterLine(head) || (isForwardHeader(head) && !isFirstLine)) return { kind: 'end' };
  const heading = head.charCodeAt(0) === 91 /* [ */ ? sectionHeading(stripMarkup(text)) : null;
  if (heading) return { kind: 'paper', number: heading.number, title: heading.title };
  const extras = state !== 'header' && head.startsWith('extras') ? EXTRAS_HEADING.exec(stripMarkup(text)) : null;
  if (extras) return { kind: 'extras', section: collapseSpaces(extras[1] ?? '') || 'Extras' };
  if (isSignOffLine(head)) return { kind: 'sign-off' };
  return null;
}

/** A section opened at its heading: the heading's own links are read first, before the lines under it. */
function openSection(
  kind: OpenSection['kind'],
  heading: SourceLine,
  number: number | null,
  title: string,
  headingUrls: readonly string[],
  extrasSection: string,
  options: BodyOptions,
  sink: DiagnosticSink,
  scratch: BodyScratch,
): OpenSection {
  const body = startBody(options, sink, scratch, headingUrls, heading.n);
  return { kind, heading, number, title, extrasSection, body, hasBlank: false, hasLinks: false };
}

function extraTitle(text: string): string {
  const content = readLineContent(text);
  return collapseSpaces(stripLeadingSymbols(displayText(content)));
}

type Finished = { readonly kind: 'paper'; readonly paper: Paper } | { readonly kind: 'extra'; readonly extra: Extra };

function finishSection(section: OpenSection, volume: number | null, sink: DiagnosticSink): Finished {
  const body = finishBody(section.body);
  const title = section.title || `Untitled ${section.kind === 'paper' ? `paper ${section.number ?? ''}` : 'extra'}`.trim();
  const key = paperKey(body.arxiv?.id ?? null, volume, title);
  const arxivId = body.arxiv?.id ?? null;
  const arxivVersion = body.arxiv?.version ?? null;
  // The last line that is not a rule, or the heading when there is none.
  const range = { startLine: section.heading.n, endLine: section.body.lastContentLine || section.heading.n };
  if (!section.title) sink.warning(section.heading.n, 'no-title', `${section.kind === 'paper' ? `Paper [${section.number ?? '?'}]` : 'An extra'} has no title.`);
  // Written out rather than spread from a shared object: in V8 an object built by a spread costs
  // many times more than one built by a literal. The arrays are of their exact size already (see
  // BodyScratch): an archive of 1,000 issues would otherwise hold megabytes of empty slots.
  const { summary, links } = body;
  if (section.kind === 'extra') {
    return { kind: 'extra', extra: { key, title, arxivId, arxivVersion, summary, links, range, section: section.extrasSection } };
  }
  return {
    kind: 'paper',
    paper: { key, title, arxivId, arxivVersion, summary, links, range, number: section.number, shortTitle: null, titleHint: null, org: null, complete: true },
  };
}

function reportShape(papers: readonly Paper[], highlights: readonly Highlight[], cutOff: Issue['cutOff'], line: number, sink: DiagnosticSink): void {
  if (cutOff) {
    const missing = Math.max(0, highlights.length - papers.length);
    const what = highlights.length > 0
      ? `the sections of ${missing} of the ${highlights.length} papers in its contents are missing (they are listed from the contents)`
      : 'papers after this point are missing';
    sink.warning(cutOff.line, 'cut-off', `The issue is cut off (paywall): ${what}. What was there is kept.`);
  } else if (highlights.length > 0 && papers.length > 0 && highlights.length !== papers.length) {
    sink.warning(line, 'highlights-mismatch', `The highlights list names ${highlights.length} papers, but ${papers.length} were found.`);
  } else if (papers.length === 0) {
    sink.warning(line, 'no-papers', 'No numbered papers ("[1] Title") were found in this issue.');
  }
  papers.forEach((paper, index) => {
    const isLastOfCutOff = cutOff !== null && index === papers.length - 1;
    if (paper.links.length === 0 && !isLastOfCutOff && paper.complete) {
      sink.warning(paper.range.startLine, 'no-links', `Paper [${paper.number ?? index + 1}] "${paper.title}" has no links.`);
    }
  });
}
