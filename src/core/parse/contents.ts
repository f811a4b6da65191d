// The contents list of an issue ("<title>, from <org>" lines, often with their sections'
// anchors) and the papers it stands for: paired with the sections by number, and listed on its
// own where the issue lacks their sections (the paywall, a shortened copy).
import type { Highlight, Issue, Paper } from '../model/model';
import type { SourceLine } from './lines';
import { contentOf, displayOf, stripMarkup } from './lines';
import { paperKey } from '../model/keys';
import { slotKey } from '../model/paperIdentity';
import { collapseSpaces } from './text';

/** A contents line as a reader sees it: without markup, and without the anchor's address after the title. */
export function highlightText(line: SourceLine): string {
  const display = displayOf(line);
  // The address goes; punctuation after it (`…/slug, from Apple`) stays with the text.
  const words = display.includes('://')
    ? display.split(' ').map((word) => (WEB_ADDRESS.test(word) ? (TRAILING_COMMA.exec(word)?.[0] ?? '') : word)).join(' ').replace(SPACE_BEFORE_COMMA, '$1')
    : display;
  return collapseSpaces(stripMarkup(words)) || line.text;
}

const WEB_ADDRESS = /^[(<"'“‘]*https?:\/\//i;
const TRAILING_COMMA = /[,;]+$/;
const SPACE_BEFORE_COMMA = /\s+([,;])/g;
/**
 * The anchor a contents line links to on the web page: `/i/<post id>/<slug>`, since 2026
 * `/i/<post id>/<N>-<slug>`. The slug is the section's real title, lower-cased, punctuation dropped.
 */
const CONTENTS_ANCHOR = /^\/i\/\d+\/(?:\d{1,3}-)?([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)\/?$/u;

/** The real title's words from the contents line's anchor, or null. */
export function contentsHint(line: SourceLine): string | null {
  const { urls } = contentOf(line);
  for (const candidate of urls) {
    if (candidate.length > 2048) continue;
    let path: string;
    try {
      path = decodeURIComponent(new URL(candidate).pathname);
    } catch {
      continue;
    }
    const slug = CONTENTS_ANCHOR.exec(path)?.[1];
    if (slug) return slug.split('-').join(' ');
  }
  return null;
}

/** `<short title>, from <org>`, split on the last ", from " (titles contain commas). */
export function splitHighlight(text: string, line: number, titleHint: string | null): Highlight {
  const at = text.includes('\u0130') ? lowercaseFromAt(text) : fromAt(text);
  if (at.index <= 0) return { title: text, org: null, titleHint, line };
  const org = text.slice(at.index + at.width).trim();
  return { title: text.slice(0, at.index).trim(), org: org || null, titleHint, line };
}

interface FromAt {
  /** Where the last ", from " starts (", from" at the very end counts), or -1. */
  readonly index: number;
  readonly width: number;
}

/** Where ", from " is in the lowercased text: positions in the text are taken from it as they are. */
function lowercaseFromAt(text: string): FromAt {
  const lower = text.toLowerCase();
  if (lower.endsWith(', from')) return { index: lower.length - ', from'.length, width: ', from'.length };
  return { index: lower.lastIndexOf(', from '), width: ', from '.length };
}

/**
 * lowercaseFromAt without lowercasing a copy of the text: toLowerCase keeps every character's
 * position except for U+0130 (which lowercases to two characters, and is left to lowercaseFromAt),
 * and only `F`, `R`, `O`, `M` lowercase to the letters of "from".
 */
function fromAt(text: string): FromAt {
  const { length } = text;
  if (length >= 6 && isCommaFromAt(text, length - 6)) return { index: length - 6, width: 6 };
  for (let at = text.lastIndexOf(', '); at >= 0; at = text.lastIndexOf(', ', at - 1)) {
    if (isCommaFromAt(text, at) && text.charCodeAt(at + 6) === 32) return { index: at, width: 7 };
    if (at === 0) break;
  }
  return { index: -1, width: 7 };
}

/** `, from` in any case at `at`. (`code | 32` is a lowercase letter's code only for that letter and its capital.) */
function isCommaFromAt(text: string, at: number): boolean {
  return (
    text.charCodeAt(at) === 44 &&
    text.charCodeAt(at + 1) === 32 &&
    (text.charCodeAt(at + 2) | 32) === 102 &&
    (text.charCodeAt(at + 3) | 32) === 114 &&
    (text.charCodeAt(at + 4) | 32) === 111 &&
    (text.charCodeAt(at + 5) | 32) === 109
  );
}

/** The n-th highlight describes paper [n]. */
export function matchHighlights(papers: Paper[], highlights: readonly Highlight[]): void {
  papers.forEach((paper, index) => {
    const highlight = highlights[(paper.number ?? index + 1) - 1] ?? highlights[index];
    if (highlight) {
      paper.shortTitle = highlight.title;
      paper.titleHint = highlight.titleHint;
      paper.org = highlight.org;
    }
  });
}

/**
 * The last section before a cut-off is incomplete unless its links came (they end a section):
 * the paywall cut its summary short. Keyed by its number until it has an arXiv id.
 */
export function markCutOffSection(papers: Paper[], cutOff: Issue['cutOff'], volume: number | null): void {
  const last = papers[papers.length - 1];
  if (!cutOff || !last || last.links.length > 0) return;
  last.complete = false;
  if (last.arxivId === null && volume !== null && last.number !== null) last.key = slotKey(volume, last.number);
}

/** The most papers a contents list is read for: a list longer than this is not a newsletter's. */
const MAX_CONTENTS_PAPERS = 50;

/**
 * Every contents line is a paper: one whose section the issue does not hold (the paywall, a
 * shortened copy) is listed from its line alone, numbered in contents order, incomplete.
 */
export function addContentsOnlyPapers(papers: Paper[], highlights: readonly Highlight[], volume: number | null, cutOff: boolean): void {
  if (highlights.length === 0 || highlights.length > MAX_CONTENTS_PAPERS) return;
  const withOrg = highlights.filter((highlight) => highlight.org !== null).length;
  // A list where only some lines name an organisation was misread (hard-wrapped lines not
  // joined, in a file of several shapes): its numbering cannot be trusted, so a complete issue
  // lists no paper from it. Behind a paywall the list is all there is: there, where most lines
  // name an organisation, a line that does not is no paper (a stray line of the e-mail).
  if (!cutOff && withOrg !== 0 && withOrg !== highlights.length) return;
  const needOrg = withOrg * 2 >= highlights.length;
  const numbered = new Set(papers.map((paper, index) => paper.number ?? index + 1));
  let added = false;
  highlights.forEach((highlight, index) => {
    const number = index + 1;
    if (numbered.has(number) || (needOrg && highlight.org === null)) return;
    added = true;
    papers.push({
      key: volume === null ? paperKey(null, null, highlight.title) : slotKey(volume, number),
      number,
      title: highlight.title,
      shortTitle: highlight.title,
      titleHint: highlight.titleHint,
      org: highlight.org,
      arxivId: null,
      arxivVersion: null,
      summary: [],
      links: [],
      range: { startLine: highlight.line, endLine: highlight.line },
      complete: false,
    });
  });
  if (added) papers.sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
}

