// Links: classified by their URL, never by the emoji in front of them. Only http(s) URLs ever
// become links; anything else is reported so the reader knows it was dropped.
import type { Link, LinkKind } from './model';

export interface ArxivRef {
  /** Without version: `2511.18659`, `cs/0112017`. */
  readonly id: string;
  /** `v2`, or null when the URL names no version. */
  readonly version: string | null;
}

const ARXIV_HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org']);
const CODE_HOSTS = new Set(['github.com', 'www.github.com', 'gitlab.com', 'www.gitlab.com']);
const HF_HOSTS = new Set(['huggingface.co', 'www.huggingface.co', 'hf.co']);

/** New-style (`2511.18659v2`) or old-style (`cs/0112017`, `math.AG/0501001v1`) arXiv identifiers. */
const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z][a-z-]{0,20}(?:\.[A-Z]{2})?\/\d{7})(v\d{1,3})?$/;

/** Characters that never belong in a link we would open: markup glued to a URL. */
const MARKUP = /[<>"'`{}|\\^]/;

/** Parses an arXiv id (with optional version) from a bare identifier. */
export function parseArxivIdentifier(text: string): ArxivRef | null {
  const match = ARXIV_ID.exec(text);
  if (!match || match[1] === undefined) return null;
  return { id: match[1], version: match[2] ?? null };
}

/** The arXiv id of an `arxiv.org/abs|pdf|html/<id>` URL, or null. */
export function arxivRefFromUrl(url: URL): ArxivRef | null {
  if (!ARXIV_HOSTS.has(url.hostname.toLowerCase())) return null;
  const match = /^\/(abs|pdf|html)\/(.+?)(?:\.pdf)?\/?$/.exec(url.pathname);
  if (!match || match[2] === undefined) return null;
  return parseArxivIdentifier(match[2]);
}

/** The arXiv id behind a Hugging Face paper page (`huggingface.co/papers/<id>`), or null. */
export function arxivRefFromHuggingFace(url: URL): ArxivRef | null {
  if (!HF_HOSTS.has(url.hostname.toLowerCase())) return null;
  const match = /^\/papers\/([^/]+)\/?$/.exec(url.pathname);
  return match?.[1] !== undefined ? parseArxivIdentifier(match[1]) : null;
}

export function classifyUrl(url: URL): LinkKind {
  const host = url.hostname.toLowerCase();
  if (ARXIV_HOSTS.has(host)) {
    if (url.pathname.startsWith('/pdf/')) return 'pdf';
    if (arxivRefFromUrl(url)) return 'arxiv';
    return 'web';
  }
  if (CODE_HOSTS.has(host)) return url.pathname.length > 1 ? 'code' : 'web';
  if (HF_HOSTS.has(host)) {
    const [first, second] = url.pathname.split('/').filter((part) => part.length > 0);
    if (first === 'papers' || first === 'datasets' || first === 'spaces') return second ? 'huggingface' : 'web';
    return first && second ? 'huggingface' : 'web';
  }
  return 'web';
}

export type UrlCheck =
  | { readonly ok: true; readonly url: URL; readonly href: string }
  | { readonly ok: false; readonly reason: string };

/** Checks a candidate link: only well-formed http(s) URLs with no markup glued to them pass. */
export function checkUrl(candidate: string): UrlCheck {
  const schemeEnd = candidate.indexOf(':');
  const scheme = schemeEnd > 0 ? candidate.slice(0, schemeEnd).toLowerCase() : '';
  if (scheme !== 'http' && scheme !== 'https') {
    return { ok: false, reason: scheme ? `only http(s) links are kept, not "${scheme}:"` : 'not a web address' };
  }
  if (MARKUP.test(candidate)) return { ok: false, reason: 'it has markup glued to it' };
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, reason: 'it is not a valid address' };
  }
  if (!url.hostname) return { ok: false, reason: 'it names no host' };
  return { ok: true, url, href: `${scheme}${candidate.slice(schemeEnd)}` };
}

/** Builds a Link from a checked URL. */
export function toLink(url: URL, href: string, line: number): Link {
  return { kind: classifyUrl(url), url: href, line };
}

/** Trailing characters that end a sentence rather than a URL; a `)` stays when it closes one in the URL. */
export function trimUrlPunctuation(candidate: string): string {
  let open = 0;
  let close = 0;
  for (let i = 0; i < candidate.length; i++) {
    const code = candidate.charCodeAt(i);
    if (code === 40 /* ( */) open++;
    else if (code === 41 /* ) */) close++;
  }
  let end = candidate.length;
  while (end > 0) {
    const ch = candidate.charAt(end - 1);
    if ('.,;:!?'.includes(ch)) {
      end--;
    } else if (ch === ')' && close > open) {
      close--;
      end--;
    } else {
      break;
    }
  }
  return candidate.slice(0, end);
}
