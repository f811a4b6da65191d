// Reading one line: markdown structure and inline links are taken apart so that every shape
// (web text, e-mail, Markdown) reaches the parser as the same plain lines plus candidate URLs.
import { cleanLine, collapseSpaces, stripLeadingSymbols } from './text';
import { trimUrlPunctuation } from './links';
import { mayStartWithMarker } from './markers';

/** One line of the input, read once. */
export interface SourceLine {
  /** 1-based line number in the input. */
  readonly n: number;
  /** The line without markdown block markers (`#`, `>`, `- `), cleaned of odd spaces. */
  readonly text: string;
  readonly blank: boolean;
  /** The line was a bullet or numbered list item in the source. */
  readonly bullet: boolean;
  /** The line was a markdown heading. */
  readonly heading: boolean;
  /** A thematic break (`---`, `***`) or setext underline: structure only, no content. */
  readonly rule: boolean;
  /**
   * False when the line certainly starts with none of the markers the parser looks for at the
   * start of a line (markers.ts, LINE_START_PREFIXES): such a line needs none of those checks.
   */
  readonly startsLikeMarker: boolean;
  /** Nothing to clean and no link or markup: the text is also what the reader sees. */
  readonly plain: boolean;
  /** The head, once headOf has computed it. */
  lowerStart: string | undefined;
  /** The content, once contentOf has read it. */
  content: LineContent | undefined;
}

/**
 * The only place a SourceLine is made. Every line stays alive until the end of the parse: made
 * by one object literal, they are soon allocated straight into V8's old generation (it learns
 * that objects from this literal live long; it does not for class instances), so the garbage
 * collector does not copy 100,000 of them as they age.
 */
function makeLine(n: number, text: string, bullet: boolean, heading: boolean, rule: boolean, plain: boolean): SourceLine {
  const startsLikeMarker = text.length > 0 && mayStartWithMarker(text);
  return { n, text, blank: text.length === 0, bullet, heading, rule, startsLikeMarker, plain, lowerStart: undefined, content: undefined };
}

/** A line with nothing on it (or nothing that counts, such as front matter). */
export function blankLine(n: number): SourceLine {
  return makeLine(n, '', false, false, false, false);
}

/**
 * The start of the text, lowercased, without leading emphasis (`**`): for recognising a line by
 * its start. Computed on first use and kept: most lines are never asked.
 */
export function headOf(line: SourceLine): string {
  line.lowerStart ??= lowercaseStart(line.text);
  return line.lowerStart;
}

/** How many characters of a line `head` keeps: enough for every marker the parser looks for. */
const HEAD_LENGTH = 48;

export interface LineContent {
  /** The text with its links taken apart (Markdown links become their label, redirects go): displayText tidies it. */
  readonly rest: string;
  /** Candidate link targets in order (not yet checked). */
  readonly urls: readonly string[];
  /** True when the line is only links, with at most a short label and emoji around them. */
  readonly isLinkLine: boolean;
}

const HEADING = /^#{1,6}(?:\s+|$)/;
const QUOTE = /^(?:>\s?)+/;
const BULLET = /^(?:[-*+•▪◦‣]|\d{1,3}[.)])\s+/;
const RULE = /^(?:[-*_=]\s*){3,}$/;
/** The optional closing sequence of an ATX heading (`## Title ##`). */
const CLOSING_HASHES = /\s#+$/;

/**
 * One pass that tells whether a raw line needs any cleaning or link reading at all: odd spaces,
 * invisible characters, markup, brackets, `scheme:` (a colon not followed by a space), double spaces.
 * Most summary lines need neither, and they are most of the text. The two-character alternatives
 * come first: written the other way round the same test takes half as long again.
 */
const NEEDS_WORK = / {2}|:\S|[\u00a0\u00ad\u2000-\u200b\u202f\u2060\u3000\ufeff\]<[\\*_\t]/;
const NO_URLS: readonly string[] = Object.freeze([]);

/** A line read on its own, with its head: for callers outside the parser. */
export function readSourceLine(raw: string, n: number): SourceLine & { readonly head: string } {
  const line = readLine(raw, n);
  return { ...line, head: headOf(line) };
}

/** Reads one raw line (its `\r` or `\n` taken off): block markers, bullets, rules and odd spaces. */
export function readLine(raw: string, n: number): SourceLine {
  const plain = !NEEDS_WORK.test(raw);
  let text = plain ? raw.trim() : cleanLine(raw);
  if (text.length === 0) return blankLine(n);
  if (text.charCodeAt(0) === 62 /* > */) text = text.replace(QUOTE, '').trim();
  let heading = false;
  let bullet = false;
  let rule = false;
  const first = text.charCodeAt(0);
  if (first === 35 /* # */ && HEADING.test(text)) {
    heading = true;
    text = text.replace(HEADING, '').replace(CLOSING_HASHES, '').trim();
  } else if (first < 128 && !isLetterOrDigitCode(first) && RULE.test(text) && !text.toLowerCase().includes('forward')) {
    rule = true;
  } else if (mayStartBullet(first)) {
    const bulletMatch = BULLET.exec(text);
    if (bulletMatch) {
      bullet = true;
      text = text.slice(bulletMatch[0].length);
    }
  }
  return makeLine(n, text, bullet, heading, rule, plain);
}

/** The characters BULLET can start with: most lines start with a letter, and need no regex. */
function mayStartBullet(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || code === 45 /* - */ || code === 42 /* * */ || code === 43 /* + */ ||
    code === 0x2022 /* • */ || code === 0x25aa /* ▪ */ || code === 0x25e6 /* ◦ */ || code === 0x2023 /* ‣ */
  );
}

const LEADING_EMPHASIS = /^[*_]+\s*/;

function lowercaseStart(text: string): string {
  const start = text.charCodeAt(0) === 42 /* * */ || text.charCodeAt(0) === 95 /* _ */ ? text.replace(LEADING_EMPHASIS, '') : text;
  return start.slice(0, HEAD_LENGTH).toLowerCase();
}

/** The line's content, read once. */
export function contentOf(line: SourceLine): LineContent {
  line.content ??= line.plain ? { rest: line.text, urls: NO_URLS, isLinkLine: false } : readLineContent(line.text);
  return line.content;
}

/** The text as a reader sees it (displayText), with no content to build for a plain line. */
export function displayOf(line: SourceLine): string {
  return line.plain ? line.text : displayText(contentOf(line));
}

/** True when the line is only links (LineContent.isLinkLine); a plain line never is. */
export function isLinkLine(line: SourceLine): boolean {
  return !line.plain && contentOf(line).isLinkLine;
}

function isLetterOrDigitCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** `[label](target)`, with one level of parentheses allowed inside the target. */
const MARKDOWN_LINK = /\[([^[\]\n]{0,500})\]\(([^\s()]*(?:\([^\s()]*\)[^\s()]*)*)\)/g;
/** `<https://…>` autolinks. */
const AUTOLINK = /<([a-z][a-z0-9+.-]{1,20}:[^<>\s]{1,4096})>/gi;
/**
 * An e-mail's `[ https://substack.com/redirect/… ]` after the text it belongs to. The address
 * stops at a `[` too (redirects never have one): otherwise every `[https://` of a line of them
 * would read on to the end of the next 4096 characters, and such a line would take quadratic time.
 */
const REDIRECT = /\[ ?(https?:\/\/[^\s[\]]{1,4096}) ?\]/gi;
/** Tokens that are addresses: http(s) and the schemes a hostile issue might try to slip in. */
const URL_TOKEN = /^(?:https?:\/\/|(?:javascript|vbscript|data|file|command|vscode|vscode-insiders|ftp|blob|about):)/i;
/** Punctuation a URL token may be wrapped in within prose. */
const WRAPPING = /^[("'“‘]+/;

/** The most words a label in front of a link may have for the line to count as a link line. */
const MAX_LABEL_WORDS = 4;

/** A cheap test for anything a URL token could start with. */
const MAYBE_URL = /\/\/|(?:javascript|vbscript|data|file|command|vscode[a-z-]*|ftp|blob|about):/i;

/**
 * MAYBE_URL.test(text), asking the regex only when it could match: it needs a `//` or a `:`.
 * Every position is a possible start for its case-insensitive alternatives, so it costs several
 * times a plain search, and most lines have no `//` and no `:` (or a `//`, which decides at once).
 */
function maybeUrl(text: string): boolean {
  return text.includes('//') || (text.includes(':') && MAYBE_URL.test(text));
}

/** Where readLineContent splits a line into tokens. */
const TOKEN_SEPARATOR = /\s+/;

/**
 * Splits a line into readable text and candidate URLs. Markdown links keep their label in the
 * text; e-mail redirects leave it. A redirect is dropped when the line already shows the real
 * address. Bare URLs stay in the text, but a line that is nothing but links and a short label
 * is a link line, never part of a summary.
 */
export function readLineContent(text: string): LineContent {
  // Made on the first link (see withUrl). Typed with `as`: set in a callback, which TypeScript does not see.
  let urls = null as string[] | null;
  // Made on the first redirect: only e-mails have them. (Typed with `as`: set in a callback,
  // which TypeScript does not see, it would otherwise take it for always null.)
  let redirects = null as string[] | null;
  let rest = text;
  // Markdown links and redirects start with `[`, autolinks with `<`: most lines have neither.
  if (rest.includes('[') || rest.includes('<')) {
    if (rest.includes('](')) {
      rest = replaceEach(rest, MARKDOWN_LINK, (match) => {
        const label = match[1] ?? '';
        const target = match[2] ?? '';
        urls = withUrl(urls, target);
        return label.trim() === target ? ` ${target} ` : ` ${label} `;
      });
    }
    if (rest.includes('<')) {
      rest = replaceEach(rest, AUTOLINK, (match) => ` ${match[1] ?? ''} `);
    }
    if (rest.includes('[')) {
      rest = replaceEach(rest, REDIRECT, (match) => {
        (redirects ??= []).push(match[1] ?? '');
        return ' ';
      });
    }
  }
  let label = rest;
  if (maybeUrl(rest)) {
    // The words that are not addresses, joined with spaces as they are found (no array of them).
    label = '';
    for (const token of rest.split(TOKEN_SEPARATOR)) {
      const bare = isWrapping(token.charCodeAt(0)) ? token.replace(WRAPPING, '') : token;
      if (URL_TOKEN.test(bare)) {
        urls = withUrl(urls, trimUrlPunctuation(bare));
      } else if (token.length > 0) {
        label = label.length === 0 ? token : `${label} ${token}`;
      }
    }
  } else if (urls === null && redirects === null) {
    return { rest, urls: NO_URLS, isLinkLine: false };
  }
  // One push each: spread into push(), a line of 200,000 redirects overflows the stack.
  if (urls === null && redirects !== null) for (const redirect of redirects) urls = withUrl(urls, redirect);
  // The same address twice on a line (a Markdown link whose label is its URL) is one link;
  // collectLinks removes repeats with a Set, so nothing here is quadratic.
  return urls === null ? { rest, urls: NO_URLS, isLinkLine: false } : { rest, urls, isLinkLine: isShortLabel(tidy(label)) };
}

/**
 * `urls` with `url` added, made by its first: most lines have one link at most, and an array made
 * by a literal holds one slot, where an empty one grows to seventeen on its first push.
 */
function withUrl(urls: string[] | null, url: string): string[] {
  if (urls === null) return [url];
  urls.push(url);
  return urls;
}

/**
 * The text as a reader sees it: markup removed and spaces collapsed. Not kept in LineContent:
 * most lines read for their content are link lines, whose text no one reads.
 */
export function displayText(content: LineContent): string {
  return tidy(content.rest);
}

/**
 * `text.replace(pattern, replace)` for a global pattern that never matches an empty string: the
 * same result, built here from exec's matches (V8's replace with a function is the slow kind).
 */
function replaceEach(text: string, pattern: RegExp, replace: (match: RegExpExecArray) => string): string {
  pattern.lastIndex = 0;
  let out = '';
  let from = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    out += text.slice(from, match.index) + replace(match);
    from = pattern.lastIndex;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** The first characters WRAPPING can match: `(`, `"`, `'`, `“`, `‘`. */
function isWrapping(code: number): boolean {
  return code === 40 || code === 34 || code === 39 || code === 0x201c || code === 0x2018;
}

function isShortLabel(label: string): boolean {
  const words = stripLeadingSymbols(label);
  if (words.length === 0) return true;
  if (words.length > 40) return false;
  return words.split(' ').length <= MAX_LABEL_WORDS;
}

const LOOSE_SPACE = /\s{2}|[\t\n]/;

/** Markup removed and whitespace collapsed, doing no work where there is nothing to do. */
function tidy(text: string): string {
  const stripped = stripMarkup(text);
  return LOOSE_SPACE.test(stripped) ? collapseSpaces(stripped) : stripped;
}

/** `*word*` or `_a few words_` after a space or at the start; never `snake_case` or `2*3*4`. */
const EMPHASIS = /(^|[\s(“"])[*_]([^\s*_](?:[^*_\n]{0,200}[^\s*_])?)[*_](?![\p{L}\p{N}])/gu;

const STRONG = /\*\*|__/g;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!>])/g;

/** Removes markdown emphasis and backslash escapes; everything else stays as the reader wrote it. */
export function stripMarkup(text: string): string {
  // Every rule below needs one of these characters, and most text has none.
  if (!text.includes('*') && !text.includes('_') && !text.includes('\\')) return text.trim();
  let out = text;
  if (out.includes('**') || out.includes('__')) out = out.replace(STRONG, '');
  if (out.includes('\\')) out = out.replace(ESCAPE, '$1');
  if (out.includes('*') || out.includes(' _') || out.startsWith('_')) out = out.replace(EMPHASIS, '$1$2');
  return out.trim();
}
