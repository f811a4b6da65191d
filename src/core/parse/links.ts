// Links: classified by their URL, never by the emoji in front of them. Only http(s) URLs ever
// become links; anything else is reported so the reader knows it was dropped.
import type { LinkKind } from '../model/model';

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

/**
 * The arXiv id a reader typed or pasted: `2511.18659`, `2511.18659v2`, `arXiv:2511.18659`, or an
 * arXiv or Hugging Face paper page's address; null for anything else (or anything over 300 characters).
 */
export function arxivIdFromInput(input: string): ArxivRef | null {
  const text = input.trim();
  if (text.length === 0 || text.length > 300) return null;
  const bare = parseArxivIdentifier(text.replace(/^arxiv:\s*/i, ''));
  if (bare) return bare;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return arxivRefFromUrl(url) ?? arxivRefFromHuggingFace(url);
}

/** The arXiv id of an `arxiv.org/abs|pdf|html/<id>` URL, or null. */
export function arxivRefFromUrl(url: URL): ArxivRef | null {
  return ARXIV_HOSTS.has(url.hostname.toLowerCase()) ? arxivRefFromPath(url.pathname) : null;
}

/** The arXiv id behind a Hugging Face paper page (`huggingface.co/papers/<id>`), or null. */
export function arxivRefFromHuggingFace(url: URL): ArxivRef | null {
  return HF_HOSTS.has(url.hostname.toLowerCase()) ? arxivRefFromPaperPage(url.pathname) : null;
}

/** `/abs/<id>`, `/pdf/<id>[.pdf]`, `/html/<id>` (module constants: a literal in a function is a new object per call). */
const ARXIV_PATH = /^\/(abs|pdf|html)\/(.+?)(?:\.pdf)?\/?$/;
/** `/papers/<id>` */
const PAPER_PAGE_PATH = /^\/papers\/([^/]+)\/?$/;

function arxivRefFromPath(pathname: string): ArxivRef | null {
  const common = commonArxivRef(pathname);
  if (common !== undefined) return common;
  const match = ARXIV_PATH.exec(pathname);
  return match?.[2] !== undefined ? parseArxivIdentifier(match[2]) : null;
}

/**
 * ARXIV_PATH and ARXIV_ID, read without them for the path nearly every arXiv link has:
 * `/abs/<new-style id>` or `/pdf/<new-style id>`, with a version or without, and nothing after it.
 * Undefined for any other path, which the regular expressions read (two matches, and the arrays
 * they build, for every link otherwise).
 */
function commonArxivRef(path: string): ArxivRef | null | undefined {
  if (!path.startsWith('/abs/') && !path.startsWith('/pdf/')) return undefined;
  const start = 5;
  // `\d{4}\.\d{4,5}`
  if (digitsAt(path, start) !== 4 || path.charCodeAt(start + 4) !== 46 /* . */) return undefined;
  const digits = digitsAt(path, start + 5);
  if (digits !== 4 && digits !== 5) return undefined;
  const idEnd = start + 5 + digits;
  // `(v\d{1,3})?`, then the end of the path.
  let end = idEnd;
  if (path.charCodeAt(end) === 118 /* v */) {
    const versionDigits = digitsAt(path, end + 1);
    if (versionDigits < 1 || versionDigits > 3) return undefined;
    end += 1 + versionDigits;
  }
  if (end !== path.length) return undefined;
  return { id: path.slice(start, idEnd), version: end > idEnd ? path.slice(idEnd, end) : null };
}

/** How many ASCII digits follow one another from `at` (counted up to 6: more is as good as 6 here). */
function digitsAt(text: string, at: number): number {
  let count = 0;
  while (count < 6 && isDigit(text.charCodeAt(at + count))) count++;
  return count;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function arxivRefFromPaperPage(pathname: string): ArxivRef | null {
  const match = PAPER_PAGE_PATH.exec(pathname);
  return match?.[1] !== undefined ? parseArxivIdentifier(match[1]) : null;
}

export function classifyUrl(url: URL): LinkKind {
  return linkTarget(url).kind;
}

/** What a URL links to: its kind, and the arXiv paper it names (see arxivRefFromUrl, arxivRefFromHuggingFace). */
export interface LinkTarget {
  readonly kind: LinkKind;
  /** From an `arxiv` or `pdf` link, or a `huggingface` paper page; null for any other. */
  readonly arxiv: ArxivRef | null;
}

/** The kind and arXiv paper of a URL, reading its host and path once (each read builds a new string). */
export function linkTarget(url: URL): LinkTarget {
  return targetOf(url.hostname.toLowerCase(), url.pathname);
}

/** linkTarget of a URL whose lowercased host and path are `host` and `path`. */
export function targetOf(host: string, path: string): LinkTarget {
  if (ARXIV_HOSTS.has(host)) {
    const arxiv = arxivRefFromPath(path);
    return { kind: path.startsWith('/pdf/') ? 'pdf' : arxiv ? 'arxiv' : 'web', arxiv };
  }
  if (CODE_HOSTS.has(host)) return { kind: path.length > 1 ? 'code' : 'web', arxiv: null };
  if (HF_HOSTS.has(host)) {
    // A model (`/org/name`) or a paper, dataset or space (`/papers/<id>`): two parts of a path at least.
    return hasTwoParts(path) ? { kind: 'huggingface', arxiv: arxivRefFromPaperPage(path) } : { kind: 'web', arxiv: null };
  }
  return { kind: 'web', arxiv: null };
}

/** Whether `path.split('/')` has two parts that are not empty, without building them. */
function hasTwoParts(path: string): boolean {
  let parts = 0;
  for (let i = 0; i < path.length; i++) {
    // A part starts at a character that is not `/`, first or after a `/`.
    if (path.charCodeAt(i) !== 47 /* / */ && (i === 0 || path.charCodeAt(i - 1) === 47) && ++parts === 2) return true;
  }
  return false;
}

export type UrlCheck =
  | { readonly ok: true; readonly url: URL; readonly href: string }
  | { readonly ok: false; readonly reason: string };

/** Longer links are dropped: browsers and servers commonly refuse more, and no paper's link is near it. */
export const MAX_URL_CHARS = 2048;

/**
 * Checks a candidate link: only well-formed http(s) URLs of at most MAX_URL_CHARS, with no markup
 * glued to them, no user name before the host and nothing invisible in them pass; `href` is the
 * candidate as written, its scheme lowercased.
 */
export function checkUrl(candidate: string): UrlCheck {
  const schemeEnd = candidate.indexOf(':');
  const scheme = schemeOf(candidate, schemeEnd);
  if (scheme !== 'http' && scheme !== 'https') {
    return { ok: false, reason: scheme ? `only http(s) links are kept, not "${scheme}:"` : 'not a web address' };
  }
  if (candidate.length > MAX_URL_CHARS) return { ok: false, reason: `it is ${candidate.length} characters long, more than the ${MAX_URL_CHARS} kept` };
  if (MARKUP.test(candidate)) return { ok: false, reason: 'it has markup glued to it' };
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, reason: 'it is not a valid address' };
  }
  const { hostname } = url;
  if (!hostname) return { ok: false, reason: 'it names no host' };
  // The kind of a link comes from the parsed host, but the link keeps the text as written: the
  // two must name the same host, or `https://\u{E0100}github.com/…` (an invisible character the
  // parser drops) would be a `code` link that is not quite the address it shows.
  if (!isHostWrittenPlainly(candidate, schemeEnd, hostname)) return { ok: false, reason: 'its host is not written plainly' };
  // `https://github.com@evil.com/x` goes to evil.com: a user name (and password) before the host
  // only makes a link look like it goes somewhere else, and no paper's link has one.
  if (hasUserInfo(candidate, schemeEnd)) return { ok: false, reason: 'it has a user name before its host' };
  // Anywhere else: U+202E RIGHT-TO-LEFT OVERRIDE makes `https://github.com/\u202Egpj.exe` read as
  // `…/exe.jpg`, and a character that shows nothing makes a link other than the one it shows.
  const hidden = INVISIBLE.exec(candidate);
  if (hidden) return { ok: false, reason: `it holds an invisible or text-direction character (${codePoint(hidden[0])})` };
  // The scheme lowercased (`HTTPS://` -> `https://`); most are written so already.
  return { ok: true, url, href: candidate.startsWith(scheme) ? candidate : `${scheme}${candidate.slice(schemeEnd)}` };
}

/** The scheme lowercased (`HTTPS` -> `https`); the usual two are known without building a string. */
function schemeOf(candidate: string, schemeEnd: number): string {
  if (schemeEnd === 5 && candidate.startsWith('https')) return 'https';
  if (schemeEnd === 4 && candidate.startsWith('http')) return 'http';
  return schemeEnd > 0 ? candidate.slice(0, schemeEnd).toLowerCase() : '';
}

/** Letters, digits and marks of any script, dots and hyphens: what an internationalised host is written with. */
const IDN_HOST = /^[\p{L}\p{N}\p{M}.-]+$/u;
/**
 * Characters that show nothing (variation selectors, joiners, soft hyphens, tags), marks or not,
 * and the controls that change the direction of text (U+200E/F, U+202A-E, U+2066-9, U+061C).
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;

/**
 * The host as the candidate writes it is the host the URL parser read: the same text (ignoring
 * ASCII case), or, for an internationalised name (`bücher.example`, parsed to
 * `xn--bcher-kva.example`), the letters of some script with nothing invisible among them.
 * Anything else (an invisible or look-alike character the parser maps away, a percent-encoded or
 * numeric disguise) is not plain.
 */
function isHostWrittenPlainly(candidate: string, schemeEnd: number, hostname: string): boolean {
  let start = schemeEnd + 1;
  while (start < candidate.length && isSlash(candidate.charCodeAt(start))) start++;
  // The usual case, without building a string: the parsed host right after the slashes, then the path or nothing.
  const after = start + hostname.length;
  if (candidate.startsWith(hostname, start) && (after === candidate.length || endsAuthority(candidate.charCodeAt(after)))) return true;
  const written = writtenHost(candidate, start);
  if (written.replace(/[A-Z]+/g, (letters) => letters.toLowerCase()) === hostname) return true;
  return /(?:^|\.)xn--/.test(hostname) && IDN_HOST.test(written) && !INVISIBLE.test(written);
}

/** The host in a candidate whose authority (user info, host, port) starts at `start`. */
function writtenHost(candidate: string, start: number): string {
  let end = start;
  while (end < candidate.length && !endsAuthority(candidate.charCodeAt(end))) end++;
  const hostStart = Math.max(start, candidate.lastIndexOf('@', end - 1) + 1);
  // The port follows the host's first `:`, or the `]` of an IPv6 address.
  const close = candidate.charCodeAt(hostStart) === 91 /* [ */ ? candidate.indexOf(']', hostStart) : -1;
  const colon = candidate.indexOf(':', close >= 0 ? close : hostStart);
  return candidate.slice(hostStart, colon >= 0 && colon < end ? colon : end);
}

/** Whether the authority (from after the scheme's slashes to the path, query or fragment) holds an `@`. */
function hasUserInfo(candidate: string, schemeEnd: number): boolean {
  let start = schemeEnd + 1;
  while (start < candidate.length && isSlash(candidate.charCodeAt(start))) start++;
  for (let i = start; i < candidate.length; i++) {
    const code = candidate.charCodeAt(i);
    if (endsAuthority(code)) return false;
    if (code === 64 /* @ */) return true;
  }
  return false;
}

/** `U+202E`: how a character that shows nothing is named in a message. */
export function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function isSlash(code: number): boolean {
  return code === 47 /* / */ || code === 92 /* \ */;
}

/** The path, query or fragment starts: `/`, `\`, `?`, `#`. */
function endsAuthority(code: number): boolean {
  return isSlash(code) || code === 63 /* ? */ || code === 35 /* # */;
}

/** Trailing characters that end a sentence rather than a URL; a `)` stays when it closes one in the URL. */
export function trimUrlPunctuation(candidate: string): string {
  let end = candidate.length;
  // How many more `)` than `(` the URL has: counted only once a `)` ends it, as few URLs do.
  let unmatched: number | null = null;
  while (end > 0) {
    const code = candidate.charCodeAt(end - 1);
    if (isSentencePunctuation(code)) {
      end--;
    } else if (code === 41 /* ) */ && (unmatched ??= count(candidate, 41) - count(candidate, 40 /* ( */)) > 0) {
      unmatched--;
      end--;
    } else {
      break;
    }
  }
  return candidate.slice(0, end);
}

/** `.,;:!?` */
function isSentencePunctuation(code: number): boolean {
  return code === 46 || code === 44 || code === 59 || code === 58 || code === 33 || code === 63;
}

function count(text: string, code: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === code) n++;
  return n;
}
