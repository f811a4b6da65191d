// Reading one line: markdown structure and inline links are taken apart so that every shape
// (web text, e-mail, Markdown) reaches the parser as the same plain lines plus candidate URLs.
import { cleanLine, collapseSpaces, stripLeadingSymbols } from './text';
import { trimUrlPunctuation } from './links';

export interface SourceLine {
  /** 1-based line number in the input. */
  readonly n: number;
  /** The line without markdown block markers (`#`, `>`, `- `), cleaned of odd spaces. */
  readonly text: string;
  /** The start of the text, lowercased, without leading emphasis (`**`): for recognising a line by its start. */
  readonly head: string;
  readonly blank: boolean;
  /** The line was a bullet or numbered list item in the source. */
  readonly bullet: boolean;
  /** The line was a markdown heading. */
  readonly heading: boolean;
  /** A thematic break (`---`, `***`) or setext underline: structure only, no content. */
  readonly rule: boolean;
  /** Filled in by contentOf on first use. */
  content?: LineContent;
}

/** How many characters of a line `head` keeps: enough for every marker the parser looks for. */
const HEAD_LENGTH = 48;

export interface LineContent {
  /** The text as a reader sees it: markdown links become their label, redirects and markup go. */
  readonly display: string;
  /** Candidate link targets in order (not yet checked). */
  readonly urls: readonly string[];
  /** True when the line is only links, with at most a short label and emoji around them. */
  readonly isLinkLine: boolean;
}
const HEADING = /^#{1,6}(?:\s+|$)/;
const QUOTE = /^(?:>\s?)+/;
const BULLET = /^(?:[-*+•▪◦‣]|\d{1,3}[.)])\s+/;
const RULE = /^(?:[-*_=]\s*){3,}$/;

/**
 * One pass that tells whether a raw line needs any cleaning or link reading at all: odd spaces,
 * invisible characters, markup, brackets, `scheme:` (a colon not followed by a space), double spaces.
 * Most summary lines need neither, and they are most of the text.
 */
const NEEDS_WORK = /[\u00a0\u00ad\u2000-\u200b\u202f\u2060\u3000\ufeff\]<[\\*_\t]|:\S| {2}/;
const NO_URLS: readonly string[] = Object.freeze([]);

export function readSourceLine(raw: string, n: number): SourceLine {
  const plain = !NEEDS_WORK.test(raw);
  let text = plain ? raw.trim() : cleanLine(raw);
  if (text.length === 0) return { n, text, head: '', blank: true, bullet: false, heading: false, rule: false };
  if (text.charCodeAt(0) === 62 /* > */) text = text.replace(QUOTE, '').trim();
  let heading = false;
  let bullet = false;
  let rule = false;
  const first = text.charCodeAt(0);
  if (first === 35 /* # */ && HEADING.test(text)) {
    heading = true;
    text = text.replace(HEADING, '').replace(/\s#+$/, '').trim();
  } else if (first < 128 && !isLetterOrDigitCode(first) && RULE.test(text) && !text.toLowerCase().includes('forward')) {
    rule = true;
  } else {
    const bulletMatch = BULLET.exec(text);
    if (bulletMatch) {
      bullet = true;
      text = text.slice(bulletMatch[0].length);
    }
  }
  const line: SourceLine = { n, text, head: headOf(text), blank: text.length === 0, bullet, heading, rule };
  if (plain) line.content = { display: text, urls: NO_URLS, isLinkLine: false };
  return line;
}

function headOf(text: string): string {
  const start = text.charCodeAt(0) === 42 /* * */ || text.charCodeAt(0) === 95 /* _ */ ? text.replace(/^[*_]+\s*/, '') : text;
  return start.slice(0, HEAD_LENGTH).toLowerCase();
}

/** The line's content, read once. */
export function contentOf(line: SourceLine): LineContent {
  line.content ??= readLineContent(line.text);
  return line.content;
}

function isLetterOrDigitCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** `[label](target)`, with one level of parentheses allowed inside the target. */
const MARKDOWN_LINK = /\[([^[\]\n]{0,500})\]\(([^\s()]*(?:\([^\s()]*\)[^\s()]*)*)\)/g;
/** `<https://…>` autolinks. */
const AUTOLINK = /<([a-z][a-z0-9+.-]{1,20}:[^<>\s]{1,4096})>/gi;
/** An e-mail's `[ https://substack.com/redirect/… ]` after the text it belongs to. */
const REDIRECT = /\[ ?(https?:\/\/[^\s\]]{1,4096}) ?\]/gi;
/** Tokens that are addresses: http(s) and the schemes a hostile issue might try to slip in. */
const URL_TOKEN = /^(?:https?:\/\/|(?:javascript|vbscript|data|file|command|vscode|vscode-insiders|ftp|blob|about):)/i;
/** Punctuation a URL token may be wrapped in within prose. */
const WRAPPING = /^[("'“‘]+/;

/** The most words a label in front of a link may have for the line to count as a link line. */
const MAX_LABEL_WORDS = 4;

/** A cheap test for anything a URL token could start with. */
const MAYBE_URL = /\/\/|(?:javascript|vbscript|data|file|command|vscode[a-z-]*|ftp|blob|about):/i;

/**
 * Splits a line into readable text and candidate URLs. Markdown links keep their label in the
 * text; e-mail redirects leave it. A redirect is dropped when the line already shows the real
 * address. Bare URLs stay in the text, but a line that is nothing but links and a short label
 * is a link line, never part of a summary.
 */
export function readLineContent(text: string): LineContent {
  const urls: string[] = [];
  const redirects: string[] = [];
  let rest = text;
  if (rest.includes('](')) {
    rest = rest.replace(MARKDOWN_LINK, (_match, label: string, target: string) => {
      urls.push(target);
      return label.trim() === target ? ` ${target} ` : ` ${label} `;
    });
  }
  if (rest.includes('<')) {
    rest = rest.replace(AUTOLINK, (_match, target: string) => ` ${target} `);
  }
  if (rest.includes('[')) {
    rest = rest.replace(REDIRECT, (_match, target: string) => {
      redirects.push(target);
      return ' ';
    });
  }
  let label = rest;
  if (MAYBE_URL.test(rest)) {
    const words: string[] = [];
    for (const token of rest.split(/\s+/)) {
      const bare = token.replace(WRAPPING, '');
      if (URL_TOKEN.test(bare)) {
        urls.push(trimUrlPunctuation(bare));
      } else if (token.length > 0) {
        words.push(token);
      }
    }
    label = words.join(' ');
  } else if (urls.length === 0 && redirects.length === 0) {
    return { display: tidy(rest), urls, isLinkLine: false };
  }
  if (urls.length === 0) urls.push(...redirects);
  const display = tidy(rest);
  // The same address twice on a line (a Markdown link whose label is its URL) is one link;
  // collectLinks removes repeats with a Set, so nothing here is quadratic.
  return { display, urls, isLinkLine: urls.length > 0 && isShortLabel(tidy(label)) };
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

/** Removes markdown emphasis and backslash escapes; everything else stays as the reader wrote it. */
export function stripMarkup(text: string): string {
  let out = text;
  if (out.includes('**') || out.includes('__')) out = out.replace(/\*\*|__/g, '');
  if (out.includes('\\')) out = out.replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1');
  if (out.includes('*') || out.includes(' _') || out.startsWith('_')) out = out.replace(EMPHASIS, '$1$2');
  return out.trim();
}
