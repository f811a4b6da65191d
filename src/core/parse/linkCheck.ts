// Checking a paper's link and telling what it links to, without parsing it with URL where that
// cannot change the answer. Most links in a newsletter are plain: `https://`, a lowercase host of
// letters, digits, dots and hyphens, a path of unremarkable ASCII characters. For those, the URL
// parser's host and path are the text as written, so checkUrl and linkTarget are read straight
// from the text; anything else (another scheme, a port, `%`, `.` segments, markup, non-ASCII
// characters, a host that could be an IP address or punycode) goes the long way, through them.
import { checkUrl, linkTarget, MAX_URL_CHARS, targetOf, type LinkTarget } from './links';

export type LinkCheck =
  | { readonly ok: true; readonly href: string; readonly target: LinkTarget }
  | { readonly ok: false; readonly reason: string };

/** checkUrl(candidate), and for a link it passes, linkTarget of its URL. */
export function checkLink(candidate: string): LinkCheck {
  const plain = plainTarget(candidate);
  if (plain !== null) return { ok: true, href: candidate, target: plain };
  const check = checkUrl(candidate);
  return check.ok ? { ok: true, href: check.href, target: linkTarget(check.url) } : check;
}

/** The longest host taken the short way (DNS's limit): a longer one goes through URL. */
const MAX_HOST_CHARS = 253;
const MAX_LABEL_CHARS = 63;

/**
 * What `candidate` links to (targetOf the host and path the URL parser would read), when it is
 * written so plainly that they are its text; null when it is not (or would not pass checkUrl).
 */
function plainTarget(candidate: string): LinkTarget | null {
  const { length } = candidate;
  if (length > MAX_URL_CHARS) return null;
  let at: number;
  if (candidate.startsWith('https://')) at = 8;
  else if (candidate.startsWith('http://')) at = 7;
  else return null;
  const hostStart = at;
  // Labels of lowercase letters, digits and inner hyphens, split by single dots; the last one
  // starts with a letter (a host ending in a number is read as an IPv4 address).
  let labelStart = at;
  let lastLabelStart = at;
  for (; at < length; at++) {
    const code = candidate.charCodeAt(at);
    if (code === 47 /* / */ || code === 63 /* ? */ || code === 35 /* # */) break;
    if (code === 46 /* . */) {
      if (!isLabel(candidate, labelStart, at)) return null;
      labelStart = at + 1;
      lastLabelStart = labelStart;
    } else if (!isAsciiLower(code) && !isAsciiDigit(code) && code !== 45 /* - */) {
      return null;
    }
  }
  if (!isLabel(candidate, labelStart, at) || !isAsciiLower(candidate.charCodeAt(lastLabelStart))) return null;
  if (at - hostStart > MAX_HOST_CHARS) return null;
  const pathEnd = pathEndOf(candidate, at);
  if (pathEnd < 0) return null;
  return targetOf(candidate.slice(hostStart, at), pathEnd === at ? '/' : candidate.slice(at, pathEnd));
}

/**
 * Any character but the printable ASCII the URL parser keeps as written in a path, query or
 * fragment and checkUrl lets through: not `%` (an escape, maybe of a dot), `\` (read as `/`),
 * nor any of checkUrl's markup (`<>"'\`{}|^`), nor a space or control character. (A search with
 * a regular expression: on the two-byte strings most lines are, a loop of charCodeAt is slower.)
 */
const NOT_PLAIN = /[^!#$&(-;=?-[\]_a-z~]/g;
/**
 * A path of those characters, up to its query or fragment (`?`, `#`), with no `/.` in it (which
 * may start a `.` or `..` segment, which the URL parser removes). Sticky: it reads from lastIndex.
 */
const PLAIN_PATH = /(?:[!$&(-.0-;=@-[\]_a-z~]|\/(?!\.))*/y;

/**
 * Where the path that starts at `start` ends (at `?`, `#` or the end); -1 when the rest of the
 * candidate holds a character the URL parser would change or checkUrl would refuse. Most links
 * have neither query nor fragment, and are read by one match that reaches their end.
 */
function pathEndOf(candidate: string, start: number): number {
  PLAIN_PATH.lastIndex = start;
  PLAIN_PATH.test(candidate);
  const end = PLAIN_PATH.lastIndex;
  if (end === candidate.length) return end;
  const code = candidate.charCodeAt(end);
  // Anything else stopped it: a character that is not plain, or a `/.`.
  if (code !== 63 /* ? */ && code !== 35 /* # */) return -1;
  NOT_PLAIN.lastIndex = end;
  return NOT_PLAIN.test(candidate) ? -1 : end;
}

/** A label of the host: 1 to 63 characters, not starting `xn--` (punycode, which the parser checks), no hyphen at either end. */
function isLabel(candidate: string, start: number, end: number): boolean {
  if (end <= start || end - start > MAX_LABEL_CHARS) return false;
  if (candidate.charCodeAt(start) === 45 || candidate.charCodeAt(end - 1) === 45) return false;
  return !candidate.startsWith('xn--', start);
}

function isAsciiLower(code: number): boolean {
  return code >= 97 && code <= 122;
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
