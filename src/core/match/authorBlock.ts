// Who wrote a paper and where they work, as the paper itself says: the author block of its page on
// arXiv (`https://arxiv.org/html/<id>`, made by LaTeXML from the paper's source). arXiv's API
// rarely carries affiliations, and a contents line's "from <organisation>" is the authors'
// employer: the block settles lines whose rewritten title fits several papers. Only the start of
// the page is read (the block comes right after the title); the block's text is found between
// LaTeXML's `ltx_authors` element and the abstract, its tags dropped. Pure: no vscode, no
// network; linear in what it is given.
import { apiAddress } from '../net/localAddress';

/** New-style (2511.20478, with an optional version) and old-style (hep-th/0601001) ids. */
const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z][a-z.-]*\/\d{7})(?:v\d+)?$/i;

/** How much of a page is read: the author block of every LaTeXML page seen ends well before this. */
export const AUTHOR_PAGE_PREFIX_BYTES = 256 * 1024;
/** How much of the block is kept: names, affiliations and e-mail addresses of a long author list. */
export const MAX_AUTHOR_BLOCK_CHARS = 8_000;

const AUTHORS_START = /<(?:div|span|section)\b[^>]*\bclass\s*=\s*["'][^"']*\bltx_authors\b[^"']*["'][^>]*>/i;
/** What follows the block: the abstract, the first section or paragraph, or the end of the front matter. */
const AUTHORS_END = /<(?:div|section|span|h\d)\b[^>]*\bclass\s*=\s*["'][^"']*\b(?:ltx_abstract|ltx_section|ltx_para|ltx_keywords|ltx_classification)\b|<\/article>|<\/body>/i;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : ' ';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The text of a paper page's author block (names, affiliations, e-mail addresses), whitespace
 * collapsed, at most MAX_AUTHOR_BLOCK_CHARS; null when the page has no LaTeXML author block (an
 * error page, a page of another kind): then nothing is known of the authors' affiliations.
 */
export function authorBlockText(html: string): string | null {
  const start = AUTHORS_START.exec(html);
  if (!start) return null;
  const from = start.index + start[0].length;
  // The block is bounded before it is searched: a page without an end marker costs no more.
  const window = html.slice(from, from + 16 * MAX_AUTHOR_BLOCK_CHARS);
  const end = AUTHORS_END.exec(window);
  const block = window.slice(0, end ? end.index : window.length);
  const text = decodeEntities(block.replace(/<(?:script|style)\b[^>]*>[^<]*<\/(?:script|style)>/gi, ' ').replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return text.length === 0 ? null : text.slice(0, MAX_AUTHOR_BLOCK_CHARS);
}

/**
 * The page's address for an arXiv id under `pagesUrl` (`https://arxiv.org` ->
 * `https://arxiv.org/html/2511.20478`); null when `pagesUrl` is not an https:// address (http://
 * only for 127.0.0.1 or localhost) or the id is not one of arXiv's.
 */
export function arxivPageUrl(pagesUrl: string, id: string): string | null {
  const url = apiAddress(pagesUrl);
  if (url === null || !ARXIV_ID.test(id)) return null;
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/html/${id}`;
  url.search = '';
  url.hash = '';
  return url.toString();
}
