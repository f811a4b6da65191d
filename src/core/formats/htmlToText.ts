// HTML (a newsletter post's page) and RSS (the newsletter's feed) into what the parser reads.
// Pure: no vscode. HTML is read with htmlparser2 (a forgiving, spec-minded tokenizer that never
// throws on broken markup), never with regular expressions, and bounded (boundedHtml.ts): a page too
// large, too deep or with too many elements throws an UnreadableHtmlError the import words.
import { DomUtils } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import { findAll, findOne, isInside, parseBounded, textContent } from './boundedHtml';

/** Elements whose content is never the issue: code, styling, navigation, page chrome, controls. */
const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'nav', 'footer', 'button', 'form', 'input',
  'select', 'textarea', 'svg', 'iframe', 'object', 'canvas', 'dialog',
]);

/** Substack's own widgets inside a post's body (subscribe and share boxes): page chrome, not the issue. */
const CHROME_CLASSES = ['subscription-widget-wrap', 'subscription-widget-wrap-editor', 'button-wrapper', 'share-dialog', 'post-ufi'];

/** Elements that are lines (or groups of lines) of their own. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul',
]);

/** Collects lines: text is added to the current line, a block boundary ends it. */
class Lines {
  private readonly lines: string[] = [];
  private current = '';

  add(text: string): void {
    this.current += text;
  }

  end(): void {
    const line = this.current.replace(/[ \t\n\r\f]+/g, ' ').trim();
    if (line !== '') this.lines.push(line);
    this.current = '';
  }

  text(): string {
    this.end();
    return this.lines.join('\n');
  }
}

/** The text of an HTML document or fragment, one line per block (heading, paragraph, list item, line break). */
export function htmlToText(html: string): string {
  const lines = new Lines();
  write(parseBounded(html).children, lines);
  return lines.text();
}

/** What is left to do: a node to write, or what to do once an element's children are written. */
type Step = AnyNode | (() => void);

/** Writes `nodes` in document order with an explicit stack: a deeply nested page cannot overflow it. */
function write(nodes: readonly AnyNode[], lines: Lines): void {
  const steps: Step[] = [...nodes].reverse();
  for (let step = steps.pop(); step !== undefined; step = steps.pop()) {
    if (typeof step === 'function') step();
    else for (const next of open(step, lines).reverse()) steps.push(next);
  }
}

/** Writes what `node` itself gives and returns what follows in its place: its children, then any closing step. */
function open(node: AnyNode, lines: Lines): Step[] {
  if (DomUtils.isText(node)) {
    lines.add(node.data);
    return [];
  }
  if (DomUtils.isCDATA(node)) return [...node.children];
  if (!DomUtils.isTag(node)) return []; // comments, doctype, processing instructions
  const name = node.name.toLowerCase();
  if (DROPPED.has(name) || node.attribs['aria-hidden'] === 'true' || node.attribs.role === 'button') return [];
  if (CHROME_CLASSES.some((chrome) => hasClass(node, chrome))) return [];
  if (name === 'br') {
    lines.end();
    return [];
  }
  if (name === 'img') return [];
  const block = BLOCKS.has(name);
  if (block) lines.end();
  const after: Step[] = [];
  if (name === 'a') after.push(linkAddress(node, lines));
  if (block) after.push(() => lines.end());
  return [...node.children, ...after];
}

/** After a link's text, ` url`, so that the parser sees a link line (`📚 https://arxiv.org/abs/…`); the URL once when it is the text. */
function linkAddress(anchor: Element, lines: Lines): () => void {
  const href = webAddress(anchor.attribs.href);
  if (href === null) return () => undefined;
  // Only compared with the address: a longer text need not be read whole (nested links would copy it again and again).
  const text = textContent(anchor, 2 * href.length + 1024).replace(/\s+/g, ' ').trim();
  return () => {
    if (href !== text && `${href}/` !== text && href !== `${text}/`) lines.add(` ${href}`);
  };
}

/** An http(s) address, or null for anything else (`javascript:`, `mailto:`, a fragment, a relative path). */
/** `href` trimmed, when it is an http(s) address with no space or markup in it; else null. */
export function webAddress(href: string | undefined): string | null {
  const trimmed = href?.trim();
  return trimmed !== undefined && /^https?:\/\/[^\s<>"'`]+$/i.test(trimmed) ? trimmed : null;
}

export interface PostText {
  /** The text for the parser: title line, subtitle, the post's body, then any paywall notice. */
  readonly text: string;
  readonly title: string | null;
  /** Where the body came from: a Substack post body, an `<article>`, or the whole page. */
  readonly found: 'post' | 'article' | 'page';
}

/**
 * The text of a newsletter post's page. On Substack the body is `.available-content` (or
 * `.body.markup`), the title `h1.post-title` (else `og:title`) and the subtitle, which holds
 * the `Vol.N for <week>` line, `h3.subtitle`. Substack's paywall notice ("Keep reading with a
 * 7-day free trial") is kept: the parser reads it as the cut-off.
 */
export function postToText(html: string): PostText {
  const nodes = parseBounded(html).children;
  const title = firstText(nodes, (el) => el.name === 'h1' && hasClass(el, 'post-title')) ?? metaContent(nodes, 'og:title') ?? firstText(nodes, (el) => el.name === 'title');
  const subtitle = firstText(nodes, (el) => hasClass(el, 'subtitle') && /^h[1-6]$/.test(el.name));
  const post = findOne((el) => hasClass(el, 'available-content'), nodes) ?? findOne((el) => hasClass(el, 'body') && hasClass(el, 'markup'), nodes);
  const article = post ? null : findOne((el) => el.name === 'article', nodes);
  const body = post ?? article ?? findOne((el) => el.name === 'body', nodes);
  const paywalls = post ? findAll((el) => hasClass(el, 'paywall') && !isInside(el, post), nodes) : [];

  const bodyLines = new Lines();
  write(body ? [body] : nodes, bodyLines);
  const paywallLines = new Lines();
  write(paywalls, paywallLines);

  const bodyText = bodyLines.text();
  const head = [title, subtitle].filter((line): line is string => line !== null && !bodyText.startsWith(line));
  const text = [...head, bodyText, paywallLines.text()].filter((part) => part !== '').join('\n');
  return { text, title, found: post ? 'post' : article ? 'article' : 'page' };
}

export interface FeedEntry {
  readonly title: string;
  /** The post's address (http or https). */
  readonly url: string;
  /** When it was published, as an ISO date (`2025-12-01`), where the feed says. */
  readonly published: string | null;
  /** Its description, one line, at most MAX_FEED_DESCRIPTION characters (Substack's: the post's subtitle, `Vol.132 for ...`). */
  readonly description?: string;
}

/** How much of an entry's description is kept: a subtitle is one line. */
export const MAX_FEED_DESCRIPTION = 300;

/** The posts an RSS or Atom feed lists, in its order; null when the text is not a feed. Only http(s) links are kept. */
export function readFeed(xml: string): FeedEntry[] | null {
  // domutils' getFeed recurses, but parseBounded has kept the depth to MAX_HTML_DEPTH.
  const feed = DomUtils.getFeed(parseBounded(xml, { xmlMode: true }).children);
  if (feed === null) return null;
  const entries: FeedEntry[] = [];
  for (const item of feed.items) {
    const url = webAddress(item.link);
    if (url === null) continue;
    const title = item.title?.replace(/\s+/g, ' ').trim() || url;
    const published = item.pubDate && !Number.isNaN(item.pubDate.getTime()) ? item.pubDate.toISOString().slice(0, 10) : null;
    const description = item.description?.replace(/\s+/g, ' ').trim().slice(0, MAX_FEED_DESCRIPTION);
    entries.push({ title, url, published, ...(description ? { description } : {}) });
  }
  return entries;
}

/** True when the text is XML that starts like a feed (`<rss`, `<feed`, `<rdf:RDF`), not an HTML page. */
export function looksLikeFeed(text: string): boolean {
  const start = text.slice(0, 2048).replace(/^\uFEFF/, '').trimStart();
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)\b/i.test(start);
}

/** True when the text is an HTML page or fragment rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  const start = text.slice(0, 2048).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<head') || start.startsWith('<body');
}

function hasClass(element: Element, name: string): boolean {
  return (element.attribs.class ?? '').split(/\s+/).includes(name);
}

function firstText(nodes: AnyNode[], test: (element: Element) => boolean): string | null {
  const element = findOne(test, nodes);
  const text = element ? textContent(element).replace(/\s+/g, ' ').trim() : '';
  return text === '' ? null : text;
}

function metaContent(nodes: AnyNode[], property: string): string | null {
  const meta = findOne((el) => el.name === 'meta' && (el.attribs.property === property || el.attribs.name === property), nodes);
  const content = meta?.attribs.content?.replace(/\s+/g, ' ').trim();
  return content ? content : null;
}
