// A paper's or extra's body: summary blocks and links, from the lines under its heading.
import type { Link, SummaryBlock } from '../model/model';
import type { SourceLine } from './lines';
import { contentOf, displayOf, isLinkLine } from './lines';
import { codePoint, type ArxivRef, type LinkTarget } from './links';
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

interface Paragraph {
  readonly text: string;
  readonly bullet: boolean;
}

/** The links of a body, with what each links to (kept for arxivOf, so that each URL is read once). */
interface LinkList {
  readonly links: Link[];
  readonly targets: LinkTarget[];
  /** The addresses of `links`, once there are more than a few (see isKept); null before. */
  seen: Set<string> | null;
}

/** Up to this many links, a body's are compared one by one: most have two or three, and a Set costs more. */
const FEW_LINKS = 8;

/** Whether the list holds a link to `href` already: linear in all, however many links a line has. */
function isKept(list: LinkList, href: string): boolean {
  if (list.seen === null) {
    if (list.links.length <= FEW_LINKS) {
      for (let i = 0; i < list.links.length; i++) if ((list.links[i] as Link).url === href) return true;
      return false;
    }
    list.seen = new Set();
    for (let i = 0; i < list.links.length; i++) list.seen.add((list.links[i] as Link).url);
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
      list.links.push({ kind: check.target.kind, url: check.href, line });
      list.targets.push(check.target);
    }
  }
}

/**
 * Reads the lines under a heading: its lines that are not blank, in order, with nothing left out
 * between them but blank lines (a gap between two lines' numbers ends a paragraph, as a rule does).
 */
export function readBody(lines: readonly SourceLine[], options: BodyOptions, sink: DiagnosticSink, headingUrls: readonly string[] = [], headingLine = 0): Body {
  const list: LinkList = { links: [], targets: [], seen: null };
  if (headingUrls.length > 0) collectLinks(headingUrls, headingLine, list, sink);
  const paragraphs = new ParagraphBuilder(options.joinLines);
  let afterBlank = true;
  let previous = Infinity;
  for (const line of lines) {
    if (line.n > previous + 1) afterBlank = true;
    previous = line.n;
    if (line.rule) {
      afterBlank = true;
      continue;
    }
    // Links inside a sentence (Markdown's `[FAISS](…)`) are references, not the paper's own links:
    // the web text of the same issue has none, and "Open Code" must not open FAISS.
    if (isLinkLine(line)) {
      collectLinks(contentOf(line).urls, line.n, list, sink);
    } else {
      const display = displayOf(line);
      if (display.length > 0) paragraphs.add(display, line.bullet, afterBlank);
    }
    afterBlank = false;
  }
  return { summary: toBlocks(paragraphs.finish()), links: list.links, arxiv: arxivOf(list) };
}

/**
 * Prose lines to paragraphs. Where lines are joined, a line continues the paragraph before it
 * (keeping that paragraph's bullet) unless a blank line comes between them or it is a bullet
 * itself; otherwise every line is a paragraph.
 */
class ParagraphBuilder {
  private readonly paragraphs: Paragraph[] = [];
  /** The first line of the paragraph being read: added to `paragraphs` once the next one starts. */
  private text: string | null = null;
  /**
   * All its lines, once a second one joins it; joined with spaces when it ends. One join copies
   * each line once, where adding one line at a time builds a chain of partial strings that the
   * first read of the paragraph (toBlocks) has to walk and copy again.
   */
  private lines: string[] | null = null;
  private bullet = false;

  constructor(private readonly joinLines: boolean) {}

  add(text: string, bullet: boolean, afterBlank: boolean): void {
    if (this.text !== null && this.joinLines && !afterBlank && !bullet) {
      (this.lines ??= [this.text]).push(text);
      return;
    }
    this.flush();
    this.text = text;
    this.lines = null;
    this.bullet = bullet;
  }

  finish(): Paragraph[] {
    this.flush();
    return this.paragraphs;
  }

  private flush(): void {
    if (this.text !== null) this.paragraphs.push({ text: this.lines ? this.lines.join(' ') : this.text, bullet: this.bullet });
  }
}

const COUNT_WORDS: ReadonlyMap<string, number> = new Map([
  ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10],
]);

/**
 * Groups paragraphs into blocks. Bullets always form lists. In plain text a list is written as
 * lines after a line ending in ':'; the intro often says how many items follow ("two
 * strategies:"), and otherwise items are recognised by starting with a capitalised name.
 */
function toBlocks(paragraphs: readonly Paragraph[]): SummaryBlock[] {
  const blocks: SummaryBlock[] = [];
  let i = 0;
  while (i < paragraphs.length) {
    const paragraph = paragraphs[i] as Paragraph;
    if (paragraph.bullet) {
      const items: string[] = [];
      while (i < paragraphs.length && (paragraphs[i] as Paragraph).bullet) items.push((paragraphs[i++] as Paragraph).text);
      blocks.push({ type: 'list', items });
      continue;
    }
    blocks.push({ type: 'paragraph', text: paragraph.text });
    i++;
    // Not endsWith(':'): on the many kinds of string a paragraph can be, that call costs several times more.
    if (paragraph.text.charCodeAt(paragraph.text.length - 1) !== 58 /* : */) continue;
    const items: string[] = [];
    const expected = announcedCount(paragraph.text);
    while (i < paragraphs.length) {
      const next = paragraphs[i] as Paragraph;
      if (next.bullet) break;
      const wanted = expected === null ? looksLikeListItem(next.text) : items.length < expected;
      if (!wanted) break;
      items.push(next.text);
      i++;
    }
    if (items.length > 0) blocks.push({ type: 'list', items });
  }
  return blocks;
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
  let fromHuggingFace: ArxivRef | null = null;
  for (let i = 0; i < list.links.length; i++) {
    const { kind, arxiv } = list.targets[i] as LinkTarget;
    if ((kind === 'arxiv' || kind === 'pdf') && arxiv) return arxiv;
    if (kind === 'huggingface' && fromHuggingFace === null) fromHuggingFace = arxiv;
  }
  return fromHuggingFace;
}

/** Invisible and text-direction characters, shown by name in a message instead of acting on it. */
const SHOWS_NOTHING = /\p{Default_Ignorable_Code_Point}/gu;

function preview(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return short.replace(SHOWS_NOTHING, (char) => `<${codePoint(char)}>`);
}
