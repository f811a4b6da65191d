// "Copy BibTeX": an arXiv-style @misc entry built from arXiv's metadata when it has been fetched,
// else only from what the issue says. Nothing is invented: no authors unless arXiv lists them or
// the issue names one ("from Liu et al."), no category unless arXiv or the arXiv id gives it.

/** What an entry is built from: a paper as the issue knows it. */
export interface BibtexSource {
  /** The paper's key in the library (used only to break ties between identical titles). */
  readonly key: string;
  readonly title: string;
  readonly arxivId: string | null;
  /** The organisation the issue names ("Apple", "Liu et al."). */
  readonly org: string | null;
  /** The week start (`2025-11-24`), for the year when the arXiv id does not give it. */
  readonly weekStart: string | null;
  /** The paper's address when it has no arXiv id. */
  readonly url: string | null;
  /** What arXiv says of the paper, when it has been fetched: it wins over the issue. */
  readonly arxiv?: BibtexArxiv | null;
}

/** The parts of arXiv's metadata an entry uses. */
export interface BibtexArxiv {
  readonly title: string;
  readonly authors: readonly string[];
  /** The first version's date (ISO): the entry's year. */
  readonly published: string;
  readonly primaryCategory: string | null;
  readonly doi: string | null;
}

/** Words a citation key never starts with. */
const SKIPPED_FIRST_WORDS = new Set(['a', 'an', 'the']);

/**
 * The year of an arXiv id: `2511.18659` -> 2025 (YYMM), `cs/0112017` -> 2001; null for anything
 * else. New-style ids began in 2007 (`0704.0001`).
 */
export function arxivYear(arxivId: string): number | null {
  const modern = /^(\d{2})(\d{2})\.\d{4,5}$/.exec(arxivId);
  if (modern) return 2000 + Number(modern[1]);
  const old = /^[a-z-]+(?:\.[A-Za-z-]+)?\/(\d{2})(\d{2})\d{3}$/.exec(arxivId);
  if (old) {
    const yy = Number(old[1]);
    return yy >= 91 ? 1900 + yy : 2000 + yy;
  }
  return null;
}

/** The archive an old-style id names (`math.GT/0309136` -> `math.GT`); null for new-style ids. */
export function arxivPrimaryClass(arxivId: string): string | null {
  return /^([a-z-]+(?:\.[A-Za-z-]+)?)\/\d{7}$/.exec(arxivId)?.[1] ?? null;
}

/** The entry's year: from the arXiv id, else the week; null when neither says. */
export function bibtexYear(source: Pick<BibtexSource, 'arxivId' | 'weekStart' | 'arxiv'>): number | null {
  const published = source.arxiv ? /^(\d{4})-/.exec(source.arxiv.published) : null;
  if (published) return Number(published[1]);
  const fromId = source.arxivId ? arxivYear(source.arxivId) : null;
  if (fromId !== null) return fromId;
  const fromWeek = source.weekStart ? /^(\d{4})-/.exec(source.weekStart) : null;
  return fromWeek ? Number(fromWeek[1]) : null;
}

/** Lowercase ASCII words of a title, accents folded (`Über` -> `uber`, `R²R` -> `r2r`). */
function keyWords(title: string): string[] {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .map((word) => word.replace(/[^a-z0-9]/g, ''))
    .filter((word) => word.length > 0);
  while (words.length > 1 && SKIPPED_FIRST_WORDS.has(words[0] as string)) words.shift();
  return words;
}

/**
 * A readable citation key, unique among `others`: the first word of the title and the year
 * (`clara2025`); where another paper would get the same key, more words of the title
 * (`generativeearly2025`), and for identical titles a letter in the order of the papers' keys.
 * The same paper gets the same key whichever of the colliding papers is copied.
 */
export function citationKey(source: BibtexSource, others: readonly BibtexSource[]): string {
  return new KeyRivals(others).keyOf(keyCandidate(source));
}

/** What a citation key is made of, read once per paper. */
interface KeyCandidate {
  readonly key: string;
  readonly year: number | null;
  readonly words: readonly string[];
  /** `prefixes[n]`: the first n words joined; filled as far as asked for. */
  readonly prefixes: string[];
}

function keyCandidate(source: BibtexSource): KeyCandidate {
  return { key: source.key, year: bibtexYear(source), words: keyWords(entryTitle(source)), prefixes: [''] };
}

/** The key's base from the first `count` words (all of them for a shorter title), `paper` for none. */
function baseOf(candidate: KeyCandidate, count: number): string {
  const n = Math.min(count, candidate.words.length);
  const { prefixes, words } = candidate;
  for (let i = prefixes.length; i <= n; i++) prefixes.push((prefixes[i - 1] as string) + (words[i - 1] as string));
  return (prefixes[n] as string) || 'paper';
}

function keyFrom(base: string, year: number | null): string {
  return `${base}${year ?? ''}`;
}

/** A year and a base as one map key: a base may end in digits, so the year is set apart. */
function slot(year: number | null, base: string): string {
  return `${year ?? ''}|${base}`;
}

/**
 * The papers a key must differ from, indexed by the key each would get from its first n words,
 * so that finding a paper's rivals costs the size of the answer, not a pass over every paper
 * (which made a .bib of n papers take n² steps: 14 s for 2,000).
 */
class KeyRivals {
  private readonly candidates: KeyCandidate[];
  /** For each word count asked for: slot -> keys of the papers with at least that many words. */
  private readonly byCount = new Map<number, Map<string, string[]>>();
  /** Slot of the whole title -> the papers, with their word counts (for counts past their length). */
  private readonly whole = new Map<string, Array<{ key: string; length: number }>>();

  constructor(others: readonly BibtexSource[]) {
    this.candidates = others.map(keyCandidate);
    for (const other of this.candidates) {
      append(this.whole, slot(other.year, baseOf(other, other.words.length)), { key: other.key, length: other.words.length });
    }
  }

  keyOf(source: KeyCandidate): string {
    const { words, year } = source;
    for (let count = 1; count <= Math.max(words.length, 1); count++) {
      const base = baseOf(source, count);
      const at = slot(year, base);
      if (count < words.length) {
        // Before the last word only whether there is a rival matters: `some` stops at the first.
        if (!this.rivalsAt(at, count).some((keys) => keys.some((key) => key !== source.key))) return keyFrom(base, year);
        continue;
      }
      const clashing = this.rivalsAt(at, count).flat().filter((key) => key !== source.key);
      if (clashing.length === 0) return keyFrom(base, year);
      // Every word used and still the same key: the papers' own keys decide the order.
      const order = [source.key, ...clashing].sort();
      return `${keyFrom(base, year)}${letterSuffix(order.indexOf(source.key))}`;
    }
    return keyFrom(baseOf(source, words.length), year);
  }

  /**
   * Keys of the papers whose key from `count` words falls in `at`: those with that many words
   * or more, and those with fewer whose whole title does. The paper itself may be among them.
   */
  private rivalsAt(at: string, count: number): [string[], string[]] {
    let index = this.byCount.get(count);
    if (!index) {
      index = new Map();
      for (const other of this.candidates) {
        if (other.words.length >= count) append(index, slot(other.year, baseOf(other, count)), other.key);
      }
      this.byCount.set(count, index);
    }
    const shorter = (this.whole.get(at) ?? []).filter((other) => other.length < count).map((other) => other.key);
    return [index.get(at) ?? [], shorter];
  }
}

function append<T>(map: Map<string, T[]>, at: string, value: T): void {
  const list = map.get(at);
  if (list) list.push(value);
  else map.set(at, [value]);
}

/** a, b, …, z, aa, ab, … */
function letterSuffix(index: number): string {
  let suffix = '';
  let n = index;
  do {
    suffix = String.fromCharCode(97 + (n % 26)) + suffix;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return suffix;
}

/**
 * BibTeX counts every brace, escaped or not: `\{` in a field opens a group, and a title ending in
 * `\}` would close the field early (`x}, note={…` would add a field). So braces become commands
 * whose own braces pair up.
 */
const LATEX_SPECIALS: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text safe inside a braced BibTeX field: LaTeX specials escaped, whitespace collapsed. */
export function escapeBibtex(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\{}&%$#_~^]/g, (char) => LATEX_SPECIALS[char] ?? char);
}

/**
 * A title for BibTeX: escaped, and with words whose capitals are not only the first letter
 * (`CLaRa`, `RAG`, `LLMs`) wrapped in braces so bibliography styles keep their case.
 */
export function bibtexTitle(title: string): string {
  const collapsed = title.replace(/\s+/g, ' ').trim();
  let out = '';
  for (const match of collapsed.matchAll(/([\p{L}\p{N}]+)|([^\p{L}\p{N}]+)/gu)) {
    const [, word, other] = match;
    if (word !== undefined) out += /^.[\s\S]*\p{Lu}/u.test(word) ? `{${word}}` : word;
    else if (other !== undefined) out += escapeSegment(other);
  }
  return out;
}

/** Escapes a run of non-word characters, keeping its (already collapsed) spaces. */
function escapeSegment(segment: string): string {
  return segment.replace(/[\\{}&%$#_~^]/g, (char) => LATEX_SPECIALS[char] ?? char);
}

/** A URL inside `url={…}`: braces and backslashes percent-encoded, so the field stays balanced. */
function bibtexUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `Liu et al.` -> `Liu and others`; null for organisations, which are not authors. */
export function authorFromOrg(org: string | null): string | null {
  const match = org ? /^\s*([\p{L}][\p{L}'’ -]*?)\s+et\s+al\.?\s*$/u.exec(org) : null;
  return match ? `${escapeBibtex(match[1] as string)} and others` : null;
}

/** The title an entry carries: arXiv's when fetched (the may differ), else the issue's. */
function entryTitle(source: Pick<BibtexSource, 'title' | 'arxiv'>): string {
  return source.arxiv?.title || source.title;
}

/** `A and B and C`, each name escaped; null when arXiv lists nobody. */
function authorList(names: readonly string[]): string | null {
  const escaped = names.map(escapeBibtex).filter((name) => name.length > 0);
  return escaped.length > 0 ? escaped.join(' and ') : null;
}

/** The entry, arXiv's layout: one field a line, the fields arXiv would give that are known here. */
export function bibtexEntry(source: BibtexSource, others: readonly BibtexSource[] = []): string {
  return bibtexEntryWithKey(source, citationKey(source, others));
}

/** The entry under a key chosen by the caller (see `bibtexFile`). */
function bibtexEntryWithKey(source: BibtexSource, key: string): string {
  const arxiv = source.arxivId ? (source.arxiv ?? null) : null;
  const year = bibtexYear(source);
  const author = (arxiv ? authorList(arxiv.authors) : null) ?? authorFromOrg(source.org);
  const url = source.arxivId ? `https://arxiv.org/abs/${source.arxivId}` : source.url;
  const primaryClass = arxiv?.primaryCategory ?? (source.arxivId ? arxivPrimaryClass(source.arxivId) : null);
  const fields: Array<[string, string]> = [['title', bibtexTitle(entryTitle({ title: source.title, arxiv }))]];
  if (author) fields.push(['author', author]);
  if (year !== null) fields.push(['year', String(year)]);
  if (source.arxivId) {
    fields.push(['eprint', escapeBibtex(source.arxivId)], ['archivePrefix', 'arXiv']);
    if (primaryClass) fields.push(['primaryClass', escapeBibtex(primaryClass)]);
  }
  if (arxiv?.doi) fields.push(['doi', escapeBibtex(arxiv.doi)]);
  if (url) fields.push(['url', bibtexUrl(url)]);
  const body = fields.map(([name, value]) => `  ${name}={${value}}`).join(',\n');
  return `@misc{${key},\n${body}\n}\n`;
}

/**
 * A .bib file: one entry per source (in order, each paper once), keys unique within the file and
 * among `rivals` (the library's papers: a paper gets the key citationKey gives it against them,
 * whatever is exported with it). A final pass adds a letter to any key that still repeats.
 */
export function bibtexFile(sources: readonly BibtexSource[], rivals: readonly BibtexSource[] = []): string {
  const distinct = [...new Map(sources.map((source) => [source.key, source])).values()];
  const everyone = new Map(rivals.map((rival) => [rival.key, rival]));
  for (const source of distinct) everyone.set(source.key, source);
  const keyRivals = new KeyRivals([...everyone.values()]);
  const used = new Set<string>();
  const entries = distinct.map((source) => {
    const base = keyRivals.keyOf(keyCandidate(source));
    let key = base;
    for (let index = 0; used.has(key); index++) key = `${base}${letterSuffix(index)}`;
    used.add(key);
    return bibtexEntryWithKey(source, key);
  });
  return entries.join('\n');
}
