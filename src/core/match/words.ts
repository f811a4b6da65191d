// Words as the matcher compares them: folded (compatibility forms, accents, case), split where
// arXiv's search splits them (on anything that is not a letter or a digit), and reduced by a light
// stemmer. One module for the query builder and the ranking, so that both see the same words.

/** Compatibility forms, accents and case folded: `R²R` -> `r2r`, `Über` -> `uber`, `ﬁne` -> `fine`. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase();
}

/** The words of a text, folded, split on everything but letters and digits. */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** Words that carry no topic: never searched for, never scored. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'about', 'across', 'after', 'against', 'all', 'along', 'also', 'among', 'an', 'and', 'andnot', 'any', 'are', 'as', 'at',
  'be', 'because', 'been', 'before', 'being', 'between', 'both', 'but', 'by', 'can', 'could', 'do', 'does', 'doing', 'each',
  'era', 'for', 'from', 'further', 'has', 'have', 'how', 'i', 'if', 'in', 'into', 'is', 'it', 'its', 'just', 'less', 'made',
  'make', 'many', 'may', 'more', 'most', 'much', 'must', 'new', 'no', 'nor', 'not', 'of', 'off', 'on', 'once', 'one', 'only',
  'or', 'other', 'our', 'out', 'over', 'own', 'per', 'same', 'should', 'so', 'some', 'such', 'than', 'that', 'the', 'their',
  'them', 'then', 'there', 'these', 'they', 'this', 'those', 'through', 'thus', 'to', 'too', 'toward', 'towards', 'two',
  'under', 'up', 'upon', 'us', 'using', 'versus', 'very', 'via', 'vs', 'was', 'we', 'were', 'what', 'when', 'where', 'whether',
  'which', 'while', 'who', 'why', 'will', 'with', 'within', 'without', 'would', 'you', 'your',
]);

/**
 * Words that appear in the titles of papers on any topic: they count half as much as the others.
 * Stemmed when the module loads (see `GENERIC_STEMS`).
 */
const GENERIC_WORDS = [
  'model', 'framework', 'approach', 'method', 'system', 'efficient', 'efficiency', 'effective', 'large', 'language', 'llm',
  'learning', 'improving', 'enhancing', 'novel', 'study', 'analysis', 'based', 'task', 'data', 'scale', 'scaling', 'scalable',
  'use', 'beyond', 'better', 'simple', 'fast', 'addressing', 'general', 'multi', 'end', 'paper', 'work', 'result', 'driven',
  'via',
];

/**
 * A light stemmer: plural and possessive `s`, `-ing`, `-ed`, a final `e`; `y`/`i` alike. Enough
 * for `Rerankers` ~ `reranker`, `indexing` ~ `index`, `unified` ~ `unifying`, and little more:
 * `generation` and `generative` stay apart (a prefix match in `similarity` relates them weakly).
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /^\d+$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length - 3 >= 4) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length - 2 >= 4) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  if (w.endsWith('i') && w.length > 4) w = `${w.slice(0, -1)}y`;
  return w;
}

/**
 * How alike two stems are: 1 when equal; when they share a long start (at least three quarters of
 * the shorter), 0.8 for seven letters or more (`heterogeneity` ~ `heterogeneous`, `recommender` ~
 * `recommendation`), 0.6 for five or six (`sparsity` ~ `sparse`); else 0.
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 5) return 0;
  let common = 0;
  while (common < shorter && a.charCodeAt(common) === b.charCodeAt(common)) common++;
  if (common < 0.75 * shorter) return 0;
  return common >= 7 ? 0.8 : common >= 5 ? 0.6 : 0;
}

/** A word without its digits (`r2r` -> `rr`), for hints whose digits were lost. */
export function withoutDigits(word: string): string {
  return word.replace(/\p{N}/gu, '');
}

/** The topic words of a text in order, repeats kept: folded, stop words, bare numbers and single letters dropped, stemmed. */
export function topicSequence(text: string): string[] {
  return words(text)
    .filter((word) => !STOP_WORDS.has(word) && !/^\p{N}+$/u.test(word) && word.length >= 2)
    .map(stem);
}

/** Pairs of topic words side by side in a text (nothing but a space or a hyphen between them), stemmed, in order. */
export function topicPairs(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  let previous: string | null = null;
  for (const word of words(text)) {
    const topical = !STOP_WORDS.has(word) && !/^\p{N}+$/u.test(word) && word.length >= 2;
    const stemmed = topical ? stem(word) : null;
    if (previous !== null && stemmed !== null && previous !== stemmed) pairs.push([previous, stemmed]);
    previous = stemmed;
  }
  return pairs;
}

/** The topic words of a text, each once, in order of first appearance. */
export function topicStems(text: string): string[] {
  return [...new Set(topicSequence(text))];
}

/** The stems of the generic words. */
export const GENERIC_STEMS: ReadonlySet<string> = new Set(GENERIC_WORDS.map(stem));

/** How much a stem counts: half for words common to every topic. */
export function stemWeight(stemmed: string): number {
  return GENERIC_STEMS.has(stemmed) ? 0.5 : 1;
}

/** Words of an organisation that say nothing about which one it is. */
const ORG_FILLER: ReadonlySet<string> = new Set([
  'the', 'of', 'and', 'at', 'for', 'de', 'du', 'der', 'la', 'le', 'university', 'universitat', 'universite', 'universidad', 'universita',
  'institute', 'institut', 'instituto', 'college', 'school', 'academy', 'lab', 'labs', 'laboratory', 'laboratories', 'research',
  'team', 'group', 'center', 'centre', 'department', 'dept', 'faculty', 'national', 'technology', 'technologies', 'science',
  'sciences', 'inc', 'corp', 'corporation', 'company', 'co', 'ltd', 'llc', 'gmbh', 'ai', 'ml', 'al', 'et',
]);

/** The words that name an organisation (`the University of Waterloo` -> `waterloo`); empty when none do. */
export function organisationWords(org: string | null): string[] {
  if (!org) return [];
  return [...new Set(words(org).filter((word) => word.length >= 2 && !ORG_FILLER.has(word) && !/^\p{N}+$/u.test(word)))];
}
