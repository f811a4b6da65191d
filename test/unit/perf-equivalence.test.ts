// The parser's fast paths must not change what it reads. Each optimised helper is checked against
// the straightforward version it replaced (kept here as the reference), on generated text full of
// the characters that matter: spaces of every kind, markup, brackets, URLs, case variants.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { displayText, headOf, readLine, readLineContent, readSourceLine, stripMarkup } from '../../src/core/parse/lines';
import { arxivRefFromUrl, parseArxivIdentifier, targetOf, trimUrlPunctuation } from '../../src/core/parse/links';
import { sectionHeading } from '../../src/core/parse/segment';
import { splitHighlight } from '../../src/core/parse/contents';
import { collapseSpaces, stripLeadingSymbols } from '../../src/core/parse/text';

// ---------------------------------------------------------------------------------------------
// References: the code as it was before it was made faster.

function collapseSpacesReference(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function trimUrlPunctuationReference(candidate: string): string {
  let open = 0;
  let close = 0;
  for (let i = 0; i < candidate.length; i++) {
    const code = candidate.charCodeAt(i);
    if (code === 40) open++;
    else if (code === 41) close++;
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

const EMPHASIS = /(^|[\s(“"])[*_]([^\s*_](?:[^*_\n]{0,200}[^\s*_])?)[*_](?![\p{L}\p{N}])/gu;

function stripMarkupReference(text: string): string {
  let out = text;
  if (out.includes('**') || out.includes('__')) out = out.replace(/\*\*|__/g, '');
  if (out.includes('\\')) out = out.replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1');
  if (out.includes('*') || out.includes(' _') || out.startsWith('_')) out = out.replace(EMPHASIS, '$1$2');
  return out.trim();
}

function tidyReference(text: string): string {
  const stripped = stripMarkupReference(text);
  return /\s{2}|[\t\n]/.test(stripped) ? collapseSpacesReference(stripped) : stripped;
}

/** readLineContent before: `String.replace` with callbacks, every token unwrapped, display always tidied. */
function readLineContentReference(text: string): { display: string; urls: string[]; isLinkLine: boolean } {
  const urls: string[] = [];
  const redirects: string[] = [];
  let rest = text;
  if (rest.includes('](')) {
    rest = rest.replace(/\[([^[\]\n]{0,500})\]\(([^\s()]*(?:\([^\s()]*\)[^\s()]*)*)\)/g, (_m, label: string, target: string) => {
      urls.push(target);
      return label.trim() === target ? ` ${target} ` : ` ${label} `;
    });
  }
  if (rest.includes('<')) rest = rest.replace(/<([a-z][a-z0-9+.-]{1,20}:[^<>\s]{1,4096})>/gi, (_m, target: string) => ` ${target} `);
  if (rest.includes('[')) {
    rest = rest.replace(/\[ ?(https?:\/\/[^\s[\]]{1,4096}) ?\]/gi, (_m, target: string) => {
      redirects.push(target);
      return ' ';
    });
  }
  let label = rest;
  if (/\/\/|(?:javascript|vbscript|data|file|command|vscode[a-z-]*|ftp|blob|about):/i.test(rest)) {
    const words: string[] = [];
    for (const token of rest.split(/\s+/)) {
      const bare = token.replace(/^[("'“‘]+/, '');
      if (/^(?:https?:\/\/|(?:javascript|vbscript|data|file|command|vscode|vscode-insiders|ftp|blob|about):)/i.test(bare)) urls.push(trimUrlPunctuationReference(bare));
      else if (token.length > 0) words.push(token);
    }
    label = words.join(' ');
  } else if (urls.length === 0 && redirects.length === 0) {
    return { display: tidyReference(rest), urls, isLinkLine: false };
  }
  if (urls.length === 0) urls.push(...redirects);
  const short = (l: string) => {
    const words = stripLeadingSymbols(l);
    return words.length === 0 || (words.length <= 40 && words.split(' ').length <= 4);
  };
  return { display: tidyReference(rest), urls, isLinkLine: urls.length > 0 && short(tidyReference(label)) };
}

function splitHighlightReference(text: string, line: number, titleHint: string | null): ReturnType<typeof splitHighlight> {
  const lower = text.toLowerCase();
  let at = lower.lastIndexOf(', from ');
  let width = ', from '.length;
  if (lower.endsWith(', from')) {
    at = lower.length - ', from'.length;
    width = ', from'.length;
  }
  if (at <= 0) return { title: text, org: null, titleHint, line };
  const org = text.slice(at + width).trim();
  return { title: text.slice(0, at).trim(), org: org || null, titleHint, line };
}

function sectionHeadingReference(text: string): { number: number; title: string } | null {
  const match = /^\[(\d{1,3})\]\s*(.*)$/.exec(text);
  if (!match || match[1] === undefined) return null;
  return { number: Number(match[1]), title: match[2] ?? '' };
}

/** The arXiv id of an arXiv path, as ARXIV_PATH and parseArxivIdentifier read it (no fast path for `/abs/<new id>`). */
function arxivRefFromPathReference(path: string): unknown {
  const match = /^\/(abs|pdf|html)\/(.+?)(?:\.pdf)?\/?$/.exec(path);
  return match?.[2] !== undefined ? parseArxivIdentifier(match[2]) : null;
}

/** Whether a Hugging Face path has two parts, as `split('/')` counts them. */
function hasTwoPartsReference(path: string): boolean {
  return path.split('/').filter((part) => part.length > 0).length >= 2;
}

// ---------------------------------------------------------------------------------------------
// Generators

const piece = fc.constantFrom(
  ' ', '  ', '\t', '\u00a0', '\u2009', '\u3000', '\u200b', '\ufeff', '\u00ad', '\f', '\u2028',
  '*', '**', '_', '__', '\\', '\\*', '`', '[', ']', '(', ')', '<', '>', '"', '“', '‘', "'",
  ':', ': ', '.', ',', '!', '?', ';', '#', '# ', '- ', '1. ', '> ',
  'https://', 'http://', 'HTTPS://', 'javascript:', 'data:', '//', 'github.com/a_b', 'arxiv.org/abs/2511.18659',
  '](', '[x](https://x.org/a)', '[ https://substack.com/redirect/1 ]', '<https://x.org>',
  'word', 'Word', 'a', 'Z', '1', '📚', '🤗', 'é', '\u0301', '\u212a', '\u0130', '\u017f',
  'Vol.1 for', 'This post is for paid subscribers', 'from: ', 'Extras', '[1] ', '---', 'Thanks for reading',
);
const text = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));

const RUNS = { numRuns: 3000 };

describe('fast paths read exactly what the plain code read', () => {
  it('collapseSpaces', () => {
    fc.assert(fc.property(text, (t) => assert.equal(collapseSpaces(t), collapseSpacesReference(t))), RUNS);
  });

  it('trimUrlPunctuation', () => {
    const url = fc.array(fc.constantFrom('a', '(', ')', '.', ',', ';', ':', '!', '?', '/', '📚'), { maxLength: 14 }).map((p) => `https://x.org/${p.join('')}`);
    fc.assert(fc.property(url, (u) => assert.equal(trimUrlPunctuation(u), trimUrlPunctuationReference(u))), RUNS);
  });

  it('stripMarkup', () => {
    fc.assert(fc.property(text, (t) => assert.equal(stripMarkup(t), stripMarkupReference(t))), RUNS);
  });

  it('readLineContent (and its display text)', () => {
    fc.assert(
      fc.property(text, (t) => {
        const content = readLineContent(t);
        assert.deepEqual({ display: displayText(content), urls: content.urls, isLinkLine: content.isLinkLine }, readLineContentReference(t));
      }),
      RUNS,
    );
  });

  it('a line that starts with a marker always starts like one (so no check is skipped)', () => {
    const prefixes = [
      'keep reading with a', 'this post is for paying subscribers', 'upgrade to paid', 'subscribe to ', 'unsubscribe', '©', '(c) 20',
      'you’re currently a', 'like comment restack', 'i hope this', 'thanks for reading', 'that’s all for', 'happy reading',
      'stay ahead of the curve', '---', 'begin forwarded message', '[', 'extras', 'vol',
    ];
    const variant = fc.tuple(fc.constantFrom(...prefixes), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 40, maxLength: 40 }), fc.constantFrom('', '**', '__ ', '* ', '# ', '> ', '- '), text)
      .map(([prefix, cases, lead, tail]) => {
        // Any mix of cases, and the two characters that lowercase to ASCII letters (K, İ).
        const written = [...prefix].map((ch, i) => {
          const pick = cases[i] ?? 0;
          if (ch === 'k' && pick === 3) return '\u212a';
          if (ch === 'i' && pick === 3) return '\u0130';
          return pick % 2 ? ch.toUpperCase() : ch;
        });
        return lead + written.join('') + tail;
      });
    fc.assert(
      fc.property(variant, (raw) => {
        const line = readLine(raw, 1);
        if (prefixes.some((prefix) => headOf(line).startsWith(prefix))) assert.ok(line.startsLikeMarker, JSON.stringify(raw));
      }),
      RUNS,
    );
  });

  it('a plain line has no address in it, and a line read alone has the head the parser computes', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const line = readLine(raw, 1);
        if (line.plain) assert.ok(!line.text.includes('://'), JSON.stringify(raw));
        // The head as its definition says: leading emphasis marks off, 48 characters, lowercase.
        const head = line.text.replace(/^[*_]+\s*/, '').slice(0, 48).toLowerCase();
        assert.equal(headOf(line), head, JSON.stringify(raw));
        assert.equal(readSourceLine(raw, 1).head, head, JSON.stringify(raw));
      }),
      RUNS,
    );
  });

  it('splitHighlight', () => {
    const highlight = fc
      .array(fc.constantFrom(', from ', ', FROM ', ', From', ', from', ',from ', ', fro', 'from ', ', ', ',', ' ', 'Apple', 'Title', '\u0130', '\u212a', 'É', '📚', 'x'), { maxLength: 12 })
      .map((parts) => parts.join(''));
    fc.assert(fc.property(highlight, (t) => assert.deepEqual(splitHighlight(t, 3, null), splitHighlightReference(t, 3, null))), RUNS);
    fc.assert(fc.property(text, (t) => assert.deepEqual(splitHighlight(t, 3, 'hint'), splitHighlightReference(t, 3, 'hint'))), RUNS);
  });

  it('sectionHeading', () => {
    const heading = fc
      .array(fc.constantFrom('[', ']', '1', '12', '123', '1234', '0', ' ', '\t', '\u00a0', '\u2028', '\n', '\r', 'Title', '**', 'x'), { maxLength: 10 })
      .map((parts) => parts.join(''));
    for (const generated of [heading, text]) {
      fc.assert(fc.property(generated, (t) => assert.deepEqual(sectionHeading(t), sectionHeadingReference(t))), RUNS);
    }
  });

  it('the arXiv id of an /abs/ or /pdf/ path, and whether a Hugging Face path has two parts', () => {
    const path = fc
      .array(fc.constantFrom('/', '/abs/', '/pdf/', '/html/', 'abs', '2511', '.', '18659', '1865', '186590', 'v', 'v2', 'v12', 'v1234', '.pdf', 'cs', '0112017', 'x', '//', 'papers'), { maxLength: 8 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(path, (p) => {
        const url = new URL(`https://arxiv.org${p.startsWith('/') ? p : `/${p}`}`);
        assert.deepEqual(arxivRefFromUrl(url), arxivRefFromPathReference(url.pathname), url.pathname);
        assert.equal(targetOf('huggingface.co', p).kind === 'huggingface', hasTwoPartsReference(p), p);
      }),
      RUNS,
    );
  });
});
