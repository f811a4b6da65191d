// Reading HTML or XML that may be hostile, in bounded time and stack. htmlparser2 keeps its open
// elements in an array it `unshift`s, so thousands of unclosed tags make it quadratic (400,000
// unclosed `<b>`: 55 s), and domutils' helpers recurse, so 5,000 nested `<div>`s overflow the
// stack. Here the size is checked first, the depth and element count while parsing (parsing
// stops at the first limit), and the tree is walked with an explicit stack. Pure: no vscode.
import { Parser } from 'htmlparser2';
import { DomHandler, isComment, isTag, isText, type AnyNode, type Document, type Element } from 'domhandler';

/** Longer text (in UTF-16 code units, about 5 MB) is not parsed. */
export const MAX_HTML_CHARS = 5 * 1024 * 1024;
/** Elements open inside each other; a real page stays far below (a Substack post: about 30). */
export const MAX_HTML_DEPTH = 512;
/** Elements in one document; a real newsletter page has a few thousand. */
export const MAX_HTML_ELEMENTS = 200_000;

export type UnreadableReason = 'tooLarge' | 'tooDeep' | 'tooManyElements';

/** HTML or XML refused before it could cost seconds or the stack; `limit` is the bound it went over. */
export class UnreadableHtmlError extends Error {
  constructor(
    readonly reason: UnreadableReason,
    readonly limit: number,
  ) {
    super(`HTML refused (${reason}: over ${limit})`);
    this.name = 'UnreadableHtmlError';
  }
}

/** A DomHandler that counts open elements and throws at the first limit, which stops the parser. */
class BoundedHandler extends DomHandler {
  private depth = 0;
  private elements = 0;

  override onopentag(name: string, attribs: { [key: string]: string }): void {
    if (++this.depth > MAX_HTML_DEPTH) throw new UnreadableHtmlError('tooDeep', MAX_HTML_DEPTH);
    if (++this.elements > MAX_HTML_ELEMENTS) throw new UnreadableHtmlError('tooManyElements', MAX_HTML_ELEMENTS);
    super.onopentag(name, attribs);
  }

  override onclosetag(): void {
    this.depth--;
    super.onclosetag();
  }
}

/** The document `text` parses into (as `parseDocument` would); throws an UnreadableHtmlError past a limit. */
export function parseBounded(text: string, options: { readonly xmlMode?: boolean } = {}): Document {
  if (text.length > MAX_HTML_CHARS) throw new UnreadableHtmlError('tooLarge', MAX_HTML_CHARS);
  const handler = new BoundedHandler(undefined, options);
  new Parser(handler, options).end(text);
  return handler.root;
}

/** Every node under `roots` (and the roots), in document order, without recursion. */
export function* descendants(roots: readonly AnyNode[]): Generator<AnyNode> {
  const stack: AnyNode[] = [...roots].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    yield node;
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
  }
}

/** The first element, in document order, that passes `test` (domutils' `findOne`). */
export function findOne(test: (element: Element) => boolean, roots: readonly AnyNode[]): Element | null {
  for (const node of descendants(roots)) if (isTag(node) && test(node)) return node;
  return null;
}

/** Every element, in document order, that passes `test` (domutils' `findAll`). */
export function findAll(test: (element: Element) => boolean, roots: readonly AnyNode[]): Element[] {
  const found: Element[] = [];
  for (const node of descendants(roots)) if (isTag(node) && test(node)) found.push(node);
  return found;
}

/**
 * The text under `node` (domutils' `textContent`: comments left out). With `maxChars`, stops
 * once it has more than that: enough to tell it from a short string without copying a huge page.
 */
export function textContent(node: AnyNode, maxChars = Infinity): string {
  const parts: string[] = [];
  let length = 0;
  const stack: AnyNode[] = [node];
  for (let next = stack.pop(); next !== undefined && length <= maxChars; next = stack.pop()) {
    if (isText(next)) {
      parts.push(next.data);
      length += next.data.length;
    } else if (!isComment(next) && 'children' in next) {
      for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i] as AnyNode);
    }
  }
  return parts.join('');
}

/** True when `ancestor` holds `node` (a loop up its parents, never a recursion). */
export function isInside(node: AnyNode, ancestor: Element): boolean {
  for (let parent = node.parent; parent !== null; parent = parent.parent) if (parent === ancestor) return true;
  return false;
}
