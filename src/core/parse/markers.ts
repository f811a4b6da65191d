// Lines that are not part of an issue's content: Substack's paywall, e-mail footers, the sign-off.
// Matched on the start of a lowercased, cleaned line (SourceLine.head).

const PAYWALL_PREFIXES = [
  'keep reading with a',
  'this post is for paid subscribers',
  'this post is for paying subscribers',
  'already a paid subscriber',
  'upgrade to paid',
  'continue reading this post',
  'start your free trial',
  'start a free trial',
];

const FOOTER_PREFIXES = [
  'unsubscribe',
  '©',
  '(c) 20',
  'start writing',
  'get the app',
  "you're currently a",
  'you’re currently a',
  'you are receiving this',
  'you received this',
  'like comment restack',
  'substack is the home',
  'read in app',
];

const SIGN_OFF_PREFIXES = [
  'i hope this',
  'i also blog about',
  'thanks for reading',
  'thank you for reading',
  "that's all for",
  'that’s all for',
  'see you next week',
  'until next week',
  'happy reading',
];

const TAGLINE_PREFIX = 'stay ahead of the curve';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One anchored regular expression per list: a line is tested once, not once per prefix. */
function prefixMatcher(prefixes: readonly string[]): RegExp {
  return new RegExp(`^(?:${prefixes.map(escape).join('|')})`);
}

const PAYWALL = prefixMatcher(PAYWALL_PREFIXES);
const FOOTER = prefixMatcher(FOOTER_PREFIXES);
const SIGN_OFF = prefixMatcher(SIGN_OFF_PREFIXES);

/**
 * Every start of a line that means something to the parser: the lists here, the other markers
 * below, the ones issue.ts and segment.ts test SourceLine's head for (`[1] ` paper headings,
 * `Extras`, `Vol.N` lines), and the e-mail headers parse.ts tests the text for. A check of a
 * line's start that is not covered here must not be guarded by SourceLine.startsLikeMarker.
 */
const LINE_START_PREFIXES = [
  ...PAYWALL_PREFIXES,
  'subscribe to ',
  ...FOOTER_PREFIXES,
  ...SIGN_OFF_PREFIXES,
  TAGLINE_PREFIX,
  '---',
  'begin forwarded message',
  '[',
  'extras',
  'vol',
  'from:',
  'subject:',
  'date:',
  'to:',
  'view ',
];

/**
 * A cheap test on a line's text that is true for every line whose text or head starts with one
 * of LINE_START_PREFIXES (and for a few more): case-insensitive, after any emphasis (which head
 * leaves out). `head` is lowercased with toLowerCase, which also turns U+212A KELVIN SIGN into
 * `k` and U+0130 into `i` (plus a combining dot); they are let in where those letters are. No
 * other character lowercases to ASCII.
 */
const LINE_START = new RegExp(
  `^(?:[*_]+\\s*)?(?:${LINE_START_PREFIXES.map((prefix) => escape(prefix).replace(/i/g, '[i\u0130]').replace(/k/g, '[k\u212a]')).join('|')})`,
  'i',
);

/** False when the line (its text) certainly starts with no marker: most lines, which then need no other check. */
export function mayStartWithMarker(text: string): boolean {
  return LINE_START.test(text);
}

/** Substack's own lines where the free part of a paid post ends. `text` is the whole line, for the long form. */
export function isPaywallLine(lower: string, text: string): boolean {
  return (
    PAYWALL.test(lower) ||
    (lower.startsWith('subscribe to ') && text.toLowerCase().includes('keep reading'))
  );
}

export function isFooterLine(lower: string): boolean {
  return FOOTER.test(lower);
}

export function isSignOffLine(lower: string): boolean {
  return SIGN_OFF.test(lower);
}

export function isTaglineLine(lower: string): boolean {
  return lower.startsWith(TAGLINE_PREFIX);
}

/** `This week’s newsletter highlights the following research:` and close variants. */
export function isHighlightsHeader(lower: string): boolean {
  return lower.includes('newsletter highlights') || lower.includes('this week’s highlights') || lower.includes("this week's highlights");
}

/** `---------- Forwarded message ---------` (Gmail), `-----Original Message-----`, `Begin forwarded message:`. */
export function isForwardHeader(lower: string): boolean {
  return (
    (lower.startsWith('---') && (lower.includes('forwarded message') || lower.includes('original message'))) ||
    lower.startsWith('begin forwarded message')
  );
}
