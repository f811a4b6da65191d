// Over 300 lines: every kind of evidence and the acceptance rule are read together, and the
// benchmark's sensitivity table needs them in one place (MATCH_RULE).
// Which of arXiv's search results is the paper a contents line stands for. Every entry is scored
// on the evidence a careful reader would weigh: the title hint against the title, the contents
// line's words against title and abstract, the organisation named in the paper, the first
// author's surname, and the submission date against the week. A paper is taken only when
// it leads the runner-up clearly AND more than a paraphrase's words support it (the title hint,
// the organisation named in an on-topic paper, the surname as first author), or its words cover
// nearly all of the line; otherwise the best few are offered for the reader to choose. Pure: no
// vscode import, deterministic (ties broken by id).
import type { ArxivEntry } from '../formats/arxivAtom';
import { authorSurname, isoDay, searchWindow, type MatchRequest } from './arxivSearchQuery';
import { STOP_WORDS, organisationWords, similarity, stem, stemWeight, topicPairs, topicSequence, withoutDigits, words } from './words';

export interface MatchCandidate {
  readonly id: string;
  readonly title: string;
  readonly score: number;
  readonly published: string;
  /** Its organisation was found only among its authors' affiliations (read from its page). */
  readonly byAffiliation?: boolean;
}

export type MatchDecision =
  /** Confident: use it. `candidates` holds it first, then the runners-up with evidence. */
  | { readonly kind: 'accepted'; readonly best: MatchCandidate; readonly candidates: readonly MatchCandidate[] }
  /** Up to five, best first, for the reader to choose. */
  | { readonly kind: 'possible'; readonly candidates: readonly MatchCandidate[] }
  | { readonly kind: 'none' };

/** The rule's numbers, in one place. Scores are sums of the parts in `Evidence`. */
export const MATCH_RULE = {
  /**
   * The best paper is accepted when its title matches the title hint this well (F1 of their
   * words) and this much better than any other title does; otherwise only this far ahead of the
   * runner-up (total scores), when the week is known, and when...
   */
  acceptMargin: 0.2,
  acceptHint: 0.8,
  /**
   * ...it names the organisation and its title and abstract cover this much of the contents line
   * (the organisation then counts in full), or has the surname as first author; or...
   */
  onTopic: 0.35,
  /**
   * ...its words alone score this much, it names no other organisation, and no other paper names
   * the organisation or has the surname. A rewritten title is a paraphrase: a paper on the same
   * topic easily covers two thirds of its words, so words alone must cover nearly all of them.
   */
  acceptWords: 0.75,
  /**
   * The organisation found only among the authors' affiliations (arXiv's or the paper's page)
   * corroborates a paper whose title and abstract cover at least this much of the contents line:
   * an organisation publishes several papers on a topic in a few weeks, and a line whose paper is
   * not on arXiv must not be given its sibling. Named in the paper's own prose, `onTopic` is enough.
   */
  affiliationOnTopic: 0.5,
  /** A paper is offered to the reader when its words score at least this much... */
  possibleWords: 0.2,
  /** ...or this much with some sign of the organisation or the surname. */
  possibleCorroboratedWords: 0.1,
  /** How many are offered. */
  possibleCount: 5,
  /** The organisation named in the paper adds up to this much: nothing when its text covers less than 0.15 of the contents line, in full from `onTopic`. */
  organisation: 0.5,
  /** The paper names organisations (affiliations), and not this one: taken off. */
  otherOrganisation: 0.15,
  /** The surname is the first author's (last name, or any part of the name), or another author's. */
  firstAuthor: 0.35,
  firstAuthorAnyPart: 0.28,
  otherAuthor: 0.12,
  /** First submitted within two weeks before the week, or during it. */
  recent: 0.05,
  /** Before the six weeks searched, or after the week (the newsletter cannot have read it yet). */
  tooOld: -0.25,
  tooNew: -0.6,
  /** How much a pair of the contents line's words found side by side counts, beside the two words themselves (times the pair's rarity). */
  pair: 0.5,
} as const;

/** The rule's numbers: MATCH_RULE, or variations of it (the benchmark measures how much the results depend on them). */
export type MatchRule = { readonly [K in keyof typeof MATCH_RULE]: number };

/** What an entry scored, part by part (for the benchmark's report and for tests). */
export interface Evidence {
  readonly id: string;
  /** 0..1: the title hint against the title (F1 of their words); null without a hint. */
  readonly hint: number | null;
  /** 0..1: the contents line's words found in the title. */
  readonly contentsInTitle: number;
  /** 0..1: the contents line's words found in the title or the abstract. */
  readonly contentsInText: number;
  /** 0..1: the title's words found in the contents line. */
  readonly titleInContents: number;
  /** 0..1: the words' score (hint and contents line together). */
  readonly words: number;
  /** 0..1: how much the paper is on the contents line's topic: the better of hint and contents in text. */
  readonly topical: number;
  /** 0..1: the share of the organisation's words the paper names; null when the org names no organisation. */
  readonly organisation: number | null;
  /** What the organisation added to the score. */
  readonly organisationAdded: number;
  readonly otherOrganisation: boolean;
  /** The organisation is named only among the authors' affiliations, not in the paper's title, abstract or comments. */
  readonly organisationByAffiliation: boolean;
  /** The author evidence added (0 without a surname). */
  readonly author: number;
  /** The date evidence added. */
  readonly date: number;
  readonly score: number;
}

interface Prepared {
  readonly entry: ArxivEntry;
  readonly titleSequence: readonly string[];
  readonly abstractSequence: readonly string[];
  readonly titleStems: readonly string[];
  readonly textStems: ReadonlySet<string>;
}

/** One word of the contents line, or two side by side in it (nothing but a space or a hyphen between them). */
type Unit = readonly [string] | readonly [string, string];

const DAY_MS = 86_400_000;
const RECENT_DAYS = 14;

/** The best similarity of a stem to any of `stems`. */
function best(target: string, stems: Iterable<string>): number {
  let top = 0;
  for (const candidate of stems) {
    const value = similarity(target, candidate);
    if (value > top) top = value;
    if (top === 1) break;
  }
  return top;
}

/** How many candidates `has` holds for, turned into a weight: ln(1 + (n+1)/(df+0.5)), a df of 0 taken as 1. */
function inverseFrequency(prepared: readonly Prepared[], has: (p: Prepared) => boolean): number {
  let df = 0;
  for (const p of prepared) if (has(p)) df++;
  return Math.log(1 + (prepared.length + 1) / (Math.max(df, 1) + 0.5));
}

/**
 * How much each unit tells, from the entries at hand: a word most candidates share says little
 * about which one is meant (inverse document frequency over the candidates), and words common to
 * every topic count half (see `stemWeight`). A word no candidate has tells nothing about which one
 * is meant either: it counts as a word one of them has. A pair is weighed by how many candidates
 * have the two words side by side, times rule.pair.
 */
function weigher(prepared: readonly Prepared[], rule: MatchRule): (unit: Unit) => number {
  const cache = new Map<string, number>();
  return (unit) => {
    const key = unit.join(' ');
    let weight = cache.get(key);
    if (weight === undefined) {
      if (unit.length === 1) {
        weight = stemWeight(unit[0]) * inverseFrequency(prepared, (p) => best(unit[0], p.textStems) > 0);
      } else {
        const [a, b] = unit;
        const has = (p: Prepared) => pairIn(a, b, p.titleSequence) > 0 || pairIn(a, b, p.abstractSequence) > 0;
        weight = rule.pair * Math.max(stemWeight(a), stemWeight(b)) * inverseFrequency(prepared, has);
      }
      cache.set(key, weight);
    }
    return weight;
  };
}

/** The contents line's units: each topic word once, and each pair of words side by side in it once. */
function unitsOf(text: string): Unit[] {
  const units: Unit[] = [];
  const seen = new Set<string>();
  const add = (unit: Unit) => {
    const key = unit.join(' ');
    if (!seen.has(key)) {
      seen.add(key);
      units.push(unit);
    }
  };
  for (const stemmed of topicSequence(text)) add([stemmed]);
  for (const pair of topicPairs(text)) add(pair);
  return units;
}

/** How well a pair of words is found side by side (either order) in a sequence: the weaker word's similarity. */
function pairIn(first: string, second: string, sequence: readonly string[]): number {
  let top = 0;
  for (let i = 0; i + 1 < sequence.length && top < 1; i++) {
    const a = sequence[i]!;
    const b = sequence[i + 1]!;
    top = Math.max(top, Math.min(similarity(first, a), similarity(second, b)), Math.min(similarity(first, b), similarity(second, a)));
  }
  return top;
}

/** Σ weight·match / Σ weight over `items`; 0 when there are none. */
function coverage<T>(items: readonly T[], match: (item: T) => number, weight: (item: T) => number): number {
  let found = 0;
  let total = 0;
  for (const item of items) {
    const w = weight(item);
    total += w;
    found += w * match(item);
  }
  return total > 0 ? found / total : 0;
}

/** Words of a title or hint for comparing the two: no stop words, no bare numbers, no single letters. */
function hintStems(text: string): string[] {
  return [...new Set(words(text).filter((word) => !STOP_WORDS.has(word) && !/^\p{N}+$/u.test(word)).map(stem))].filter((word) => word.length >= 2);
}

/** The title hint against a title: F1 of their words; a title word also matches without its digits (`r2r` ~ `rr`). */
function hintScore(hint: string, title: string): number {
  const hintWords = hintStems(hint);
  const titleWords = hintStems(title).filter((word) => withoutDigits(word).length >= 2 || word === withoutDigits(word));
  if (hintWords.length === 0 || titleWords.length === 0) return 0;
  const pair = (h: string, t: string) => {
    const bare = withoutDigits(t);
    return bare === t ? similarity(h, t) : Math.max(similarity(h, t), h === bare ? 1 : similarity(h, stem(bare)));
  };
  const recall = hintWords.reduce((sum, h) => sum + Math.max(...titleWords.map((t) => pair(h, t))), 0) / hintWords.length;
  const precision = titleWords.reduce((sum, t) => sum + Math.max(...hintWords.map((h) => pair(h, t))), 0) / titleWords.length;
  return recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;
}

const URLISH = /(?:https?:\/\/|www\.|github\.com|huggingface\.co)\S*/giu;

/**
 * Whether a text names the organisation word: a word of its own (`Apple`, `NVIDIA`, not `apple`
 * or `Meta-learning`), anywhere in an affiliation, or inside a web address (`github.com/apple/...`).
 */
function names(text: string, word: string, anyCase: boolean): boolean {
  const plain = text.normalize('NFKD').replace(/\p{M}/gu, '');
  const urls = [...plain.matchAll(URLISH)].map((m) => [m.index, m.index + m[0].length] as const);
  for (const match of plain.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (match[0].toLowerCase() !== word) continue;
    const at = match.index;
    const end = at + match[0].length;
    if (anyCase || urls.some(([from, to]) => at >= from && end <= to)) return true;
    const capitalised = /^\p{Lu}/u.test(match[0]);
    const compound = plain[end] === '-' && /\p{L}/u.test(plain[end + 1] ?? '');
    if (capitalised && !compound) return true;
  }
  return false;
}

/**
 * The organisation in the paper: in its title, abstract or comments (a word of its own), or
 * anywhere in its authors' affiliations (arXiv's, or the author block of its page). `other`: its
 * affiliations are known and none names it.
 */
function organisationEvidence(entry: ArxivEntry, orgWords: readonly string[], authorBlock: string | undefined): { share: number | null; other: boolean; byAffiliation: boolean } {
  if (orgWords.length === 0) return { share: null, other: false, byAffiliation: false };
  const affiliations = entry.authors.map((author) => author.affiliation ?? '').filter((text) => text.length > 0);
  if (authorBlock) affiliations.push(authorBlock);
  const prose = [entry.title, entry.summary, entry.comment ?? '', entry.journalRef ?? ''];
  const inProse = orgWords.filter((word) => prose.some((text) => names(text, word, false)));
  const found = orgWords.filter((word) => inProse.includes(word) || affiliations.some((text) => names(text, word, true))).length;
  const share = found / orgWords.length;
  return { share, other: share === 0 && affiliations.length > 0, byAffiliation: found > 0 && inProse.length === 0 };
}

/** Author evidence: the surname as the first author's last name (or any part of it), or as another author's. */
function authorEvidence(entry: ArxivEntry, surname: string | null, rule: MatchRule): number {
  if (!surname) return 0;
  const wanted = words(surname);
  if (wanted.length === 0) return 0;
  const endsWith = (name: string) => {
    const parts = words(name);
    return parts.length >= wanted.length && wanted.every((word, i) => parts[parts.length - wanted.length + i] === word);
  };
  const contains = (name: string) => {
    const parts = words(name);
    return parts.some((_, i) => wanted.every((word, j) => parts[i + j] === word));
  };
  const [first, ...others] = entry.authors;
  if (first && endsWith(first.name)) return rule.firstAuthor;
  if (first && contains(first.name)) return rule.firstAuthorAnyPart;
  if (others.some((author) => endsWith(author.name))) return rule.otherAuthor;
  return 0;
}

function dateEvidence(request: MatchRequest, published: string, rule: MatchRule): number {
  const window = searchWindow(request);
  const when = Date.parse(published);
  if (!window || Number.isNaN(when)) return 0;
  if (when > window.to.getTime()) return rule.tooNew;
  if (when < window.from.getTime()) return rule.tooOld;
  const weekStart = isoDay(request.weekStart) ?? isoDay(request.weekEnd);
  if (weekStart && when >= weekStart.getTime() - RECENT_DAYS * DAY_MS) return rule.recent;
  return 0;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

function prepare(entry: ArxivEntry): Prepared {
  const titleSequence = topicSequence(entry.title);
  const abstractSequence = topicSequence(entry.summary);
  return { entry, titleSequence, abstractSequence, titleStems: [...new Set(titleSequence)], textStems: new Set([...titleSequence, ...abstractSequence]) };
}

/** The author blocks of papers' pages (see authorBlock.ts), by arXiv id: what is known of their affiliations beyond arXiv's API. */
export type AuthorBlocks = ReadonlyMap<string, string>;

const NO_BLOCKS: AuthorBlocks = new Map();

/** Every distinct entry (first of each id), scored, best first; ties broken by id. */
export function scoreEntries(request: MatchRequest, entries: readonly ArxivEntry[], rule: MatchRule = MATCH_RULE, authorBlocks: AuthorBlocks = NO_BLOCKS): Evidence[] {
  const seen = new Set<string>();
  const prepared = entries.filter((entry) => !seen.has(entry.id) && seen.add(entry.id)).map(prepare);
  const weight = weigher(prepared, rule);
  const units = unitsOf(request.contentsTitle);
  const contents = units.filter((unit) => unit.length === 1).map((unit) => unit[0]);
  const hint = request.titleHint && hintStems(request.titleHint).length > 0 ? request.titleHint : null;
  const surname = authorSurname(request.org);
  const orgWords = surname ? [] : organisationWords(request.org);
  const evidence = prepared.map(({ entry, titleSequence, abstractSequence, titleStems, textStems }): Evidence => {
    const inTitle = (unit: Unit) => (unit.length === 1 ? best(unit[0], titleStems) : pairIn(unit[0], unit[1], titleSequence));
    const inText = (unit: Unit) =>
      unit.length === 1 ? best(unit[0], textStems) : Math.max(pairIn(unit[0], unit[1], titleSequence), pairIn(unit[0], unit[1], abstractSequence));
    const contentsInTitle = coverage(units, inTitle, weight);
    const contentsInText = coverage(units, inText, weight);
    const titleInContents = coverage(titleStems, (stemmed) => best(stemmed, contents), (stemmed) => weight([stemmed]));
    const contentsScore = 0.25 * contentsInTitle + 0.55 * contentsInText + 0.2 * titleInContents;
    const hintValue = hint ? hintScore(hint, entry.title) : null;
    const wordsScore = hintValue === null ? contentsScore : 0.7 * hintValue + 0.3 * contentsScore;
    const org = organisationEvidence(entry, orgWords, authorBlocks.get(entry.id));
    // An organisation counts once the paper is on the topic: in full when its text covers
    // `onTopic` of the contents line, not at all at 0.15 or less (a search that asks for the
    // organisation brings its other papers too).
    const topical = Math.max(contentsInText, hintValue ?? 0);
    const onTopic = Math.min(1, Math.max(0, (topical - 0.15) / (rule.onTopic - 0.15)));
    const organisation = org.share === null ? 0 : rule.organisation * org.share * onTopic;
    const author = authorEvidence(entry, surname, rule);
    const date = dateEvidence(request, entry.published, rule);
    const score = wordsScore + organisation - (org.other ? rule.otherOrganisation : 0) + author + date;
    return {
      id: entry.id,
      hint: hintValue === null ? null : round(hintValue),
      contentsInTitle: round(contentsInTitle),
      contentsInText: round(contentsInText),
      titleInContents: round(titleInContents),
      words: round(wordsScore),
      topical: round(topical),
      organisation: org.share === null ? null : round(org.share),
      organisationAdded: round(organisation),
      otherOrganisation: org.other,
      organisationByAffiliation: org.byAffiliation,
      author: round(author),
      date: round(date),
      score: round(score),
    };
  });
  return evidence.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Independent evidence for a paper: the organisation named in its on-topic text, or the surname as its first author. */
function corroborated(e: Evidence, rule: MatchRule): boolean {
  // By affiliation, the contents line's own words must be covered: a title hint that only
  // resembles the paper's title (the hint rule did not take it) says it is another paper.
  const organisation =
    e.organisation !== null && e.organisation >= 0.5 && (e.organisationByAffiliation ? e.contentsInText >= rule.affiliationOnTopic : e.topical >= rule.onTopic);
  const author = e.author >= rule.firstAuthorAnyPart && e.words >= rule.possibleWords;
  return organisation || author;
}

/** Any sign beyond words: the organisation named in text that touches the topic, or the surname among the authors. */
function supported(e: Evidence): boolean {
  return e.organisationAdded > 0 || e.author > 0;
}

/** Whether the best paper may be taken without asking the reader (see MATCH_RULE). */
function confident(top: Evidence, others: readonly Evidence[], weekKnown: boolean, rule: MatchRule): boolean {
  // The hint is the real title: a title it spells, clearly better than any other title it
  // resembles, is the paper, whatever the rewritten line's words say of others.
  if (top.hint !== null && top.hint >= rule.acceptHint && top.hint - Math.max(0, ...others.map((e) => e.hint ?? 0)) >= rule.acceptMargin) return true;
  if (top.score - (others[0]?.score ?? 0) < rule.acceptMargin) return false;
  // Without the week, a look-alike from another year cannot be told apart: only the hint accepts.
  if (!weekKnown) return false;
  if (corroborated(top, rule)) return true;
  // Words alone, when nothing points elsewhere: a paper naming the organisation (or with the
  // surname) that lost on words means the two kinds of evidence disagree, and the reader decides.
  return top.words >= rule.acceptWords && !top.otherOrganisation && !others.some(supported);
}

function hasEvidence(e: Evidence, rule: MatchRule): boolean {
  return e.words >= rule.possibleWords || (supported(e) && e.words >= rule.possibleCorroboratedWords);
}

export function rankCandidates(request: MatchRequest, entries: readonly ArxivEntry[], rule: MatchRule = MATCH_RULE, authorBlocks: AuthorBlocks = NO_BLOCKS): MatchDecision {
  const scored = scoreEntries(request, entries, rule, authorBlocks);
  const byId = new Map<string, ArxivEntry>();
  for (const entry of entries) if (!byId.has(entry.id)) byId.set(entry.id, entry);
  const candidate = (evidence: Evidence): MatchCandidate => {
    const entry = byId.get(evidence.id)!;
    const byAffiliation = evidence.organisationByAffiliation && evidence.organisation !== null && evidence.organisation >= 0.5;
    return { id: entry.id, title: entry.title, score: evidence.score, published: entry.published, ...(byAffiliation ? { byAffiliation } : {}) };
  };
  const withEvidence = scored.filter((e) => hasEvidence(e, rule));
  const top = scored[0];
  if (!top) return { kind: 'none' };
  if (hasEvidence(top, rule) && confident(top, scored.slice(1), searchWindow(request) !== null, rule)) {
    const candidates = [top, ...withEvidence.filter((e) => e.id !== top.id)].slice(0, rule.possibleCount).map(candidate);
    return { kind: 'accepted', best: candidate(top), candidates };
  }
  if (withEvidence.length === 0) return { kind: 'none' };
  return { kind: 'possible', candidates: withEvidence.slice(0, rule.possibleCount).map(candidate) };
}
