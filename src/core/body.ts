// A paper's or extra's body: summary blocks and links, from the lines under its heading.
import type { Link, SummaryBlock } from './model';
import type { SourceLine } from './lines';
import { contentOf } from './lines';
import { arxivRefFromHuggingFace, arxivRefFromUrl, checkUrl, toLink, type ArxivRef } from './links';
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

interface ProseLine {
  readonly text: string;
  readonly bullet: boolean;
  /** A blank line (or the start of the body) comes before it. */
  readonly afterBlank: boolean;
}

interface Paragraph {
  readonly text: string;
  readonly bullet: boolean;
}

/** Collects the links of a line, once each, reporting each one that is dropped. */
function collectLinks(urls: readonly string[], line: number, links: Link[], seen: Set<string>, sink: DiagnosticSink): void {
  for (const candidate of urls) {
    const check = checkUrl(candidate);
    if (!check.ok) {
      sink.warning(line, 'dropped-link', `Link dropped: ${check.reason} (${preview(candidate)}).`);
    } else if (!seen.has(check.href)) {
      seen.add(check.href);
      links.push(toLink(check.url, check.href, line));
    }
  }
}

export function readBody(lines: readonly SourceLine[], options: BodyOptions, sink: DiagnosticSink, headingUrls: readonly string[] = [], headingLine = 0): Body {
  const links: Link[] = [];
  const seen = new Set<string>();
  if (headingUrls.length > 0) collectLinks(headingUrls, headingLine, links, seen, sink);
  const prose: ProseLine[] = [];
  let afterBlank = true;
  for (const line of lines) {
    if (line.blank || line.rule) {
      afterBlank = true;
      continue;
    }
    const content = contentOf(line);
    // Links inside a sentence (Markdown's `[FAISS](…)`) are references, not the paper's own links:
    // the web text of the same issue has none, and "Open Code" must not open FAISS.
    if (content.isLinkLine) {
      collectLinks(content.urls, line.n, links, seen, sink);
    } else if (content.display.length > 0) {
      prose.push({ text: content.display, bullet: line.bullet, afterBlank });
    }
    afterBlank = false;
  }
  return { summary: toBlocks(toParagraphs(prose, options)), links, arxiv: arxivOf(links) };
}

function toParagraphs(lines: readonly ProseLine[], options: BodyOptions): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const line of lines) {
    const previous = paragraphs[paragraphs.length - 1];
    const continues = options.joinLines && previous !== undefined && !line.afterBlank && !line.bullet;
    if (continues) {
      paragraphs[paragraphs.length - 1] = { text: `${previous.text} ${line.text}`, bullet: previous.bullet };
    } else {
      paragraphs.push({ text: line.text, bullet: line.bullet });
    }
  }
  return paragraphs;
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
    if (!paragraph.text.endsWith(':')) continue;
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

function announcedCount(intro: string): number | null {
  const words = intro.toLowerCase().slice(-120).split(/[^a-z0-9]+/);
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i] as string;
    const count = COUNT_WORDS.get(word) ?? (/^\d$/.test(word) ? Number(word) : undefined);
    if (count !== undefined && count >= 2) return count;
  }
  return null;
}

/** `Structural Reasoning, which …`, `Soft Self-Consistency: …`, `Efficient Attention mechanism that …`. */
function looksLikeListItem(text: string): boolean {
  const words = text.split(' ', 3);
  const [first, second] = words;
  if (first === undefined || second === undefined) return false;
  const capitalised = (word: string) => /^[\p{Lu}\p{N}]/u.test(word);
  return capitalised(first) && (capitalised(second) || /[,:]$/.test(first));
}

function arxivOf(links: readonly Link[]): ArxivRef | null {
  let fromHuggingFace: ArxivRef | null = null;
  for (const link of links) {
    if (link.kind === 'arxiv' || link.kind === 'pdf') {
      const ref = arxivRefFromUrl(new URL(link.url));
      if (ref) return ref;
    }
    if (link.kind === 'huggingface' && fromHuggingFace === null) fromHuggingFace = arxivRefFromHuggingFace(new URL(link.url));
  }
  return fromHuggingFace;
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
