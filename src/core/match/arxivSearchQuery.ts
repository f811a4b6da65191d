// What to ask arXiv's search for one paper of an issue, when all we have is the contents line
// ("<rewritten title>, from <org>"), maybe the slug of the real title, and the issue's week.
// Pure: no vscode import, no network. Only forms arXiv's API manual documents are written:
// field prefixes ti: abs: au: all:, quoted phrases, AND / OR between every pair of terms,
// parentheses around every group, and submittedDate:[YYYYMMDDHHMM TO YYYYMMDDHHMM].
import { STOP_WORDS, organisationWords, stem, stemWeight, words } from './words';
import { apiAddress } from '../net/localAddress';
import type { Issue, Paper } from '../model/model';

export interface MatchRequest {
  /** The rewritten title from the contents line. */
  readonly contentsTitle: string;
  /** The slug words of the real title (lower case, punctuation dropped, digits maybe lost), or null. */
  readonly titleHint: string | null;
  /** "Apple", "Liu et al.", "the University of Waterloo", or null. */
  readonly org: string | null;
  /** ISO yyyy-mm-dd of the issue's week, or null. */
  readonly weekStart: string | null;
  readonly weekEnd: string | null;
}

/**
 * How far back the search reaches: the newsletter features papers of the week and of the weeks
 * just before it (the sample's ten are 0-10 days older than its week). Six weeks leaves room for
 * a paper the editor read late without letting a year of look-alikes in.
 */
export const WEEKS_BEFORE = 6;
/**
 * How far past the week's last day: arXiv dates submissions in UTC, so a paper sent late on the
 * Sunday in America is Monday on arXiv. One day.
 */
export const DAYS_AFTER = 1;

/** The most topic words a query asks for (each as ti: and abs:): beyond that a title's words add noise. */
const MAX_TITLE_TERMS = 8;
/** The most words of a title hint a query asks for. */
const MAX_HINT_TERMS = 12;

const DAY_MS = 86_400_000;

/** `2025-11-24` -> that day at 00:00 UTC; null for anything else (and for impossible dates). */
export function isoDay(text: string | null): Date | null {
  if (text === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text.trim() ? date : null;
}

/**
 * The submission dates searched, [from 00:00, to 23:59] UTC: from six weeks before the week's first
 * day to the day after its last. With one end of the week unknown, the other stands for both;
 * null when neither is known (then no date limit is used).
 */
export function searchWindow(request: Pick<MatchRequest, 'weekStart' | 'weekEnd'>): { readonly from: Date; readonly to: Date } | null {
  const start = isoDay(request.weekStart) ?? isoDay(request.weekEnd);
  const end = isoDay(request.weekEnd) ?? start;
  if (!start || !end) return null;
  const first = start.getTime() <= end.getTime() ? start : end;
  const last = start.getTime() <= end.getTime() ? end : start;
  return {
    from: new Date(first.getTime() - WEEKS_BEFORE * 7 * DAY_MS),
    to: new Date(last.getTime() + (DAYS_AFTER + 1) * DAY_MS - 60_000),
  };
}

function stamp(date: Date): string {
  return date.toISOString().slice(0, 16).replace(/[-T:]/g, '');
}

/** `submittedDate:[202510130000 TO 202512012359]`, or null when the week is unknown. */
export function dateClause(request: Pick<MatchRequest, 'weekStart' | 'weekEnd'>): string | null {
  const window = searchWindow(request);
  return window ? `submittedDate:[${stamp(window.from)} TO ${stamp(window.to)}]` : null;
}

/** Particles that belong to a surname: "van der Berg", "de la Cruz". */
const SURNAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'du', 'la', 'le', 'ter', 'ten', 'bin', 'al', 'el']);
const NAME_WORD = /^[\p{Lu}][\p{L}'’-]*$/u;

function isSurname(text: string): boolean {
  const parts = text.trim().split(/\s+/);
  const last = parts[parts.length - 1];
  if (!last || !NAME_WORD.test(last)) return false;
  return parts.length <= 4 && parts.slice(0, -1).every((part) => SURNAME_PARTICLES.has(part.toLowerCase()));
}

/** The surname in "Liu et al." / "Liu and Wang" / "van der Berg et al." style orgs, else null. */
export function authorSurname(org: string | null): string | null {
  if (!org) return null;
  const text = org.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const etAl = /^(.+?),?\s+et\.?\s+al\.?$/iu.exec(text);
  if (etAl?.[1]) {
    if (isSurname(etAl[1])) return etAl[1];
    // A full name ("Ahmed Karim et al."): its last word.
    const parts = etAl[1].split(' ');
    if (parts.length <= 3 && parts.every((part) => NAME_WORD.test(part))) return parts[parts.length - 1]!;
  }
  const pair = /^(.+?)\s+(?:and|&)\s+(.+)$/u.exec(text);
  if (pair?.[1] && pair[2] && isSurname(pair[1]) && isSurname(pair[2]) && !/^the\b/i.test(pair[1])) return pair[1];
  return null;
}

/** A term as arXiv's search takes it: one word, or a quoted phrase of words. Only letters and digits. */
interface Term {
  /** `word` or `"two words"`. */
  readonly text: string;
  /** Other spellings asked for alongside (the singular of a plural). */
  readonly variants: readonly string[];
  readonly weight: number;
  readonly position: number;
}

function quoted(parts: readonly string[]): string {
  return parts.length === 1 ? parts[0]! : `"${parts.join(' ')}"`;
}

function singular(word: string): string | null {
  if (word.length <= 3 || stem(word) === word) return null;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return null;
}

/**
 * The topic terms of a title: each whitespace-separated piece, folded and split where arXiv
 * splits (`End-to-End` becomes the phrase "end to end", `R²R` the word r2r); stop words and bare
 * numbers dropped; each once; the `max` weightiest kept, in title order.
 */
export function titleTerms(title: string, max = MAX_TITLE_TERMS): Term[] {
  const terms: Term[] = [];
  const seen = new Set<string>();
  for (const piece of title.split(/\s+/)) {
    const parts = words(piece);
    const topical = parts.filter((part) => !STOP_WORDS.has(part) && !/^\p{N}+$/u.test(part) && part.length >= 2);
    if (topical.length === 0) continue;
    const text = quoted(parts.length > 1 ? parts : topical);
    const key = parts.map(stem).join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const variant = parts.length === 1 ? singular(parts[0]!) : null;
    terms.push({ text, variants: variant ? [variant] : [], weight: Math.max(...topical.map((part) => stemWeight(stem(part)))), position: terms.length });
  }
  const kept = [...terms].sort((a, b) => b.weight - a.weight || b.text.length - a.text.length || a.position - b.position).slice(0, max);
  return kept.sort((a, b) => a.position - b.position);
}

/** The words of a title hint worth asking for in titles: no stop words, no bare digits, no single letters. */
export function hintWords(hint: string, max = MAX_HINT_TERMS): string[] {
  const out: string[] = [];
  for (const word of words(hint)) {
    if (STOP_WORDS.has(word) || word.length < 2 || /^\p{N}+$/u.test(word) || out.includes(word)) continue;
    out.push(word);
  }
  return out.slice(0, max);
}

function anyOf(clauses: readonly string[]): string {
  return clauses.length === 1 ? clauses[0]! : `(${clauses.join(' OR ')})`;
}

function allOf(clauses: readonly (string | null)[]): string {
  const present = clauses.filter((clause): clause is string => clause !== null && clause.length > 0);
  return present.join(' AND ');
}

/** `ti:x OR abs:x` for every term and its variants. */
function titleAndAbstract(terms: readonly Term[]): string[] {
  return terms.flatMap((term) => [term.text, ...term.variants].flatMap((text) => [`ti:${text}`, `abs:${text}`]));
}

/** One query of a search, and the earlier query it only narrows (its answers are a subset of that one's), if any. */
export interface PlannedQuery {
  readonly query: string;
  readonly narrows: number | null;
}

/** The arXiv `search_query` values to try for one paper, most promising first (at most 2). */
export function searchQueries(request: MatchRequest): string[] {
  return searchPlan(request).map((planned) => planned.query);
}

/**
 * searchQueries, with what each narrows: a query that adds a required clause to an earlier one
 * finds nothing new once that one's whole answer is in hand (it returned fewer than it was asked
 * for), so it need not be asked.
 */
export function searchPlan(request: MatchRequest): PlannedQuery[] {
  const date = dateClause(request);
  const surname = authorSurname(request.org);
  const surnameWords = surname ? words(surname) : [];
  const author = surnameWords.length > 0 ? `au:${quoted(surnameWords)}` : null;
  const orgWords = surname ? [] : organisationWords(request.org);
  const contents = titleAndAbstract(titleTerms(request.contentsTitle));
  const hint = request.titleHint ? hintWords(request.titleHint).map((word) => `ti:${word}`) : [];

  const queries: PlannedQuery[] = [];
  const add = (query: string | null, narrows: number | null = null) => {
    if (query && !queries.some((planned) => planned.query === query) && queries.length < 2) queries.push({ query, narrows });
  };
  // The organisation is asked for beside the title's words, never required: most abstracts do
  // not name it, but one that does rises to the top.
  const contentsOrOrg = contents.length > 0 ? anyOf([...contents, ...orgWords.map((word) => `all:${word}`)]) : null;

  if (hint.length > 0) {
    // The hint is the real title, lossy: its words in titles are the strongest search there is.
    add(allOf([anyOf(hint), date]));
    // If the hint lost too much, the contents line: with the author when there is one.
    if (contentsOrOrg) add(allOf([author, contentsOrOrg, date]));
  } else if (contentsOrOrg) {
    if (author) {
      // A surname narrows the search a lot, but a wrong one must not hide the paper: the second
      // query is the same without it.
      add(allOf([author, contentsOrOrg, date]));
      add(allOf([contentsOrOrg, date]));
    } else {
      add(allOf([contentsOrOrg, date]));
      // Papers that name the organisation (abstract, comment, authors), when the words alone
      // bring too many look-alikes.
      // It requires the organisation and one of the words, where the first asked for either: a subset.
      if (orgWords.length > 0 && contents.length > 0) add(allOf([anyOf(orgWords.map((word) => `all:${word}`)), anyOf(contents), date]), 0);
    }
  }
  return queries;
}

/** The most results one search asks for. */
export const MAX_SEARCH_RESULTS = 50;

/** arXiv's manual writes spaces as `+`, quotes and parentheses percent-encoded, colons as they are. */
function encodeQuery(query: string): string {
  return encodeURIComponent(query).replace(/%20/g, '+').replace(/%3A/gi, ':').replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** `<apiUrl>?search_query=...&sortBy=relevance&max_results=N` (N<=50), or null when apiUrl is not http(s). */
export function arxivSearchUrl(apiUrl: string, searchQuery: string, maxResults: number): string | null {
  const url = apiAddress(apiUrl);
  if (url === null) return null;
  const count = Number.isFinite(maxResults) ? Math.min(MAX_SEARCH_RESULTS, Math.max(1, Math.floor(maxResults))) : 1;
  url.search = `?search_query=${encodeQuery(searchQuery)}&sortBy=relevance&max_results=${count}`;
  return url.toString();
}

/** What is searched for a paper: its contents title, the real title where known, its organisation and week. */
export function matchRequestOf(issue: Pick<Issue, 'week'>, paper: Pick<Paper, 'title' | 'shortTitle' | 'titleHint' | 'org'>): MatchRequest {
  const contentsTitle = paper.shortTitle ?? paper.title;
  const realTitle = paper.shortTitle !== null && paper.title !== paper.shortTitle ? paper.title : null;
  return { contentsTitle, titleHint: realTitle ?? paper.titleHint, org: paper.org, weekStart: issue.week.start, weekEnd: issue.week.end };
}
