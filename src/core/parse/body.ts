// A paper's or extra's body: summary blocks and links, from the lines under its heading.
import type { Link, LinkKind, SummaryBlock } from '../model/model';
import type { SourceLine } from './lines';
import { contentOf, displayOf } from './lines';
import { codePoint, type ArxivRef } from './links';
import { checkLink } from './linkCheck';
import type { DiagnosticSink } from './diagnostics';

export interface Body {
  readonly summary: SummaryBlock[];
  readonly links: Link[];
  readonly arxiv: ArxivRef | null;
}

export interface BodyOptions {
  /** Join consecutive lines into one paragraph (Markdown, hard-wrapped text); else a line is a paragraph. */
  readonly joinLines: boolean;
}

/**
 * The links of a body, and the arXiv papers the first of them name (noted as each link is kept,
 * so that each URL is read once, and no list of what each links to is needed; see arxivOf).
 */
interface LinkList {
  /** The links are the first `count` of these (see BodyScratch). */
  readonly links: Link[];
  count: number;
  /** The addresses of `links`, once there are more than a few (see isKept); null before. */
  seen: Set<string> | null;
  /** The arXiv id of the first arXiv (or PDF) link that names one; null before. */
  arxiv: ArxivRef | null;
  /** The arXiv id behind the first Hugging Face paper page that names one; null before. */
  fromHuggingFace: ArxivRef | null;
}

/** Up to this many links, a body's are compared one by one: most have two or three, and a Set costs more. */
const FEW_LINKS = 8;

/** Whether the list holds a link to `href` already: linear in all, however many links a line has. */
function isKept(list: LinkList, href: string): boolean {
  if (list.seen === null) {
    if (list.count <= FEW_LINKS) {
      for (let i = 0; i < list.count; i++) if ((list.links[i] as Link).url === href) return true;
      return false;
    }
    list.seen = new Set();
    for (let i = 0; i < list.count; i++) list.seen.add((list.links[i] as Link).url);
  }
  return list.seen.has(href);
}

/** Collects the links of a line, once each, reporting each one that is dropped. */
function collectLinks(urls: readonly string[], line: number, list: LinkList, sink: DiagnosticSink): void {
  for (const candidate of urls) {
    const check = checkLink(candidate);
    if (!check.ok) {
      sink.warning(line, 'dropped-link', `Link dropped: ${check.reason} (${preview(candidate)}).`);
    } else if (!isKept(list, check.href)) {
      list.seen?.add(check.href);
      const { kind, arxiv } = check.target;
      list.links[list.count++] = { kind, url: check.href, line };
      if (arxiv !== null) noteArxiv(list, kind, arxiv);
    }
  }
}

/**
 * A section's body while its lines are read, as parseIssue comes to them: a section's lines are
 * never collected to be walked again, and its paragraphs go straight into summary blocks, with no
 * object of their own. The lines are those that are not blank, in order, with nothing left out
 * between them but blank lines (a gap between two lines' numbers ends a paragraph, as a rule does).
 *
 * An object literal (startBody) and functions, not classes: written as classes (a reader, a
 * paragraph builder, a block builder), the benchmark's parse was 1.5x slower. The optimised code of
 * parseIssue was thrown away after every parse (`weak objects` in --trace-deopt: V8 keeps the
 * shape of a literal alive with the code that makes it, not a class instance's once its last
 * instance dies), and took longer to compile again than a parse takes.
 */
export interface BodyReader {
  readonly joinLines: boolean;
  readonly sink: DiagnosticSink;
  readonly list: LinkList;
  /** The summary blocks are the first `blockCount` of these (see BodyScratch). */
  readonly blocks: SummaryBlock[];
  blockCount: number;
  /** How many lines it was handed, rules included. */
  lineCount: number;
  /** The number of the last line that is not a rule; 0 before one. */
  lastContentLine: number;
  /** The number of the line before (0 before one), and whether a blank line or a rule followed it. */
  previous: number;
  afterBlank: boolean;
  /** The paragraph being read: its first line (null before one), and all its lines once a second joins it. */
  text: string | null;
  lines: string[] | null;
  bullet: boolean;
  /** The list being read: of bullets, of the paragraphs after an intro ending in ':', or none. */
  listKind: ListKind;
  /** Its items (null until an announced list has its first). */
  items: string[] | null;
  /** How many items the intro of an announced list says it has; 0 where it does not say. */
  expected: number;
}

type ListKind = 'none' | 'bullets' | 'announced';

/**
 * Where the bodies of one issue, one after another, collect their blocks and links: only each
 * body's own are copied out of it, to their exact size. (Grown by push, each body's arrays would
 * be made anew, and keep room for more: 17 slots for 3 links.)
 */
export interface BodyScratch {
  readonly blocks: SummaryBlock[];
  readonly links: Link[];
}

export function newBodyScratch(): BodyScratch {
  return { blocks: [], links: [] };
}

/**
 * A body, after its heading, whose own links (`headingUrls`, on line `headingLine`) come first.
 * It collects into `scratch`, which the body before it must be done with.
 */
export function startBody(options: BodyOptions, sink: DiagnosticSink, scratch: BodyScratch, headingUrls: readonly string[], headingLine: number): BodyReader {
  const body: BodyReader = {
    joinLines: options.joinLines,
    sink,
    list: { links: scratch.links, count: 0, seen: null, arxiv: null, fromHuggingFace: null },
    blocks: scratch.blocks,
    blockCount: 0,
    lineCount: 0,
    lastContentLine: 0,
    previous: 0,
    afterBlank: true,
    text: null,
    lines: null,
    bullet: false,
    listKind: 'none',
    items: null,
    expected: 0,
  };
  if (headingUrls.length > 0) collectLinks(headingUrls, headingLine, body.list, sink);
  return body;
}

/** The next line of the body; `isLink` is isLinkLine(line), which the caller has already asked. */
export function addBodyLine(body: BodyReader, line: SourceLine, isLink: boolean): void {
  body.lineCount++;
  // (The first line comes after the heading, or after a blank line: afterBlank is true already.)
  if (line.n > body.previous + 1) body.afterBlank = true;
  body.previous = line.n;
  if (line.rule) {
    body.afterBlank = true;
    return;
  }
  body.lastContentLine = line.n;
  // Links inside a sentence (Markdown's `[FAISS](…)`) are references, not the paper's own links:
  // the web text of the same issue has none, and "Open Code" must not open FAISS.
  if (isLink) {
    collectLinks(contentOf(line).urls, line.n, body.list, body.sink);
  } else {
    const display = displayOf(line);
    if (display.length > 0) addProse(body, display, line.bullet);
  }
  body.afterBlank = false;
}

export function finishBody(body: BodyReader): Body {
  endParagraph(body);
  endList(body);
  return { summary: body.blocks.slice(0, body.blockCount), links: body.list.links.slice(0, body.list.count), arxiv: arxivOf(body.list) };
}

/**
 * Prose lines to paragraphs. Where lines are joined, a line continues the paragraph before it
 * (keeping that paragraph's bullet) unless a blank line comes between them or it is a bullet
 * itself; otherwise every line is a paragraph. All of a paragraph's lines are joined with spaces
 * when it ends: one join copies each line once, where adding one line at a time builds a chain of
 * partial strings that the first read of the paragraph (addParagraph) has to walk and copy again.
 */
function addProse(body: BodyReader, text: string, bullet: boolean): void {
  if (body.text !== null && body.joinLines && !body.afterBlank && !bullet) {
    (body.lines ??= [body.text]).push(text);
    return;
  }
  endParagraph(body);
  body.text = text;
  body.lines = null;
  body.bullet = bullet;
}

function endParagraph(body: BodyReader): void {
  if (body.text !== null) addParagraph(body, body.lines ? body.lines.join(' ') : body.text, body.bullet);
}

const COUNT_WORDS: ReadonlyMap<string, number> = new Map([
  ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10],
]);

/**
 * Groups paragraphs into blocks, as they come. Bullets always form lists. In plain text a list is
 * written as lines after a line ending in ':'; the intro often says how many items follow ("two
 * strategies:"), and otherwise items are recognised by starting with a capitalised name.
 */
function addParagraph(body: BodyReader, text: string, bullet: boolean): void {
  if (body.listKind !== 'none') {
    if (body.listKind === 'bullets' ? bullet : !bullet && isAnnouncedItem(body, text)) {
      (body.items ??= []).push(text);
      return;
    }
    endList(body);
  }
  if (bullet) {
    body.listKind = 'bullets';
    body.items = [text];
    return;
  }
  body.blocks[body.blockCount++] = { type: 'paragraph', text };
  // Not endsWith(':'): on the many kinds of string a paragraph can be, that call costs several times more.
  if (text.charCodeAt(text.length - 1) === 58 /* : */) {
    body.listKind = 'announced';
    body.expected = announcedCount(text) ?? 0;
  }
}

function isAnnouncedItem(body: BodyReader, text: string): boolean {
  return body.expected === 0 ? looksLikeListItem(text) : (body.items?.length ?? 0) < body.expected;
}

function endList(body: BodyReader): void {
  if (body.items !== null && body.items.length > 0) body.blocks[body.blockCount++] = { type: 'list', items: body.items };
  body.listKind = 'none';
  body.items = null;
}

// Module constants: a regular expression literal in a function is a new object on every call.
const NOT_WORD = /[^a-z0-9]+/;
const DIGIT = /^\d$/;
const CAPITALISED = /^[\p{Lu}\p{N}]/u;
const ENDS_WITH_COMMA_OR_COLON = /[,:]$/;

function announcedCount(intro: string): number | null {
  // Lowercasing the end alone finds the same words as lowercasing all of it (a character lowercases
  // on its own, to at least one character), without copying a whole paragraph.
  const words = intro.slice(-120).toLowerCase().slice(-120).split(NOT_WORD);
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i] as string;
    const count = COUNT_WORDS.get(word) ?? (DIGIT.test(word) ? Number(word) : undefined);
    if (count !== undefined && count >= 2) return count;
  }
  return null;
}

/** `Structural Reasoning, which …`, `Soft Self-Consistency: …`, `Efficient Attention mechanism that …`. */
function looksLikeListItem(text: string): boolean {
  const words = text.split(' ', 3);
  const [first, second] = words;
  if (first === undefined || second === undefined) return false;
  return CAPITALISED.test(first) && (CAPITALISED.test(second) || ENDS_WITH_COMMA_OR_COLON.test(first));
}

/** The arXiv id of the first arXiv link, else the one behind the first Hugging Face paper page that names one. */
function arxivOf(list: LinkList): ArxivRef | null {
  return list.arxiv ?? list.fromHuggingFace;
}

/** Notes the arXiv paper a link just kept names, when it is the first of its kind to. */
function noteArxiv(list: LinkList, kind: LinkKind, arxiv: ArxivRef): void {
  if (kind === 'arxiv' || kind === 'pdf') list.arxiv ??= arxiv;
  else if (kind === 'huggingface') list.fromHuggingFace ??= arxiv;
}

/** Invisible and text-direction characters, shown by name in a message instead of acting on it. */
const SHOWS_NOTHING = /\p{Default_Ignorable_Code_Point}/gu;

function preview(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return short.replace(SHOWS_NOTHING, (char) => `<${codePoint(char)}>`);
}
