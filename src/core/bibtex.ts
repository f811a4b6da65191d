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

function keyFrom(words: readonly string[], count: number, year: number | null): string {
  const base = words.slice(0, count).join('') || 'paper';
  return `${base}${year ?? ''}`;
}

/**
 * A readable citation key, unique among `others`: the first word of the title and the year
 * (`clara2025`); where another paper would get the same key, more words of the title
 * (`generativeearly2025`), and for identical titles a letter in the order of the papers' keys.
 * The same paper gets the same key whichever of the colliding papers is copied.
 */
export function citationKey(source: BibtexSource, others: readonly BibtexSource[]): string {
  const year = bibtexYear(source);
  const words = keyWords(entryTitle(source));
  const rivals = others
    .filter((other) => other.key !== source.key)
    .map((other) => ({ key: other.key, year: bibtexYear(other), words: keyWords(entryTitle(other)) }))
    .filter((other) => other.year === year);
  for (let count = 1; count <= Math.max(words.length, 1); count++) {
    const candidate = keyFrom(words, count, year);
    const clashing = rivals.filter((other) => keyFrom(other.words, count, other.year) === candidate);
    if (clashing.length === 0) return candidate;
    if (count >= words.length) {
      // Every word used and still the same key: the papers' own keys decide the order.
      const order = [source.key, ...clashing.map((other) => other.key)].sort();
      return `${candidate}${letterSuffix(order.indexOf(source.key))}`;
    }
  }
  return keyFrom(words, words.length, year);
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

const LATEX_SPECIALS: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
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
 * A .bib file: one entry per source (in order, each paper once), keys unique within the file.
 * `citationKey` already separates different papers; a final pass adds a letter to any key that
 * still repeats, so the file never holds two entries under one key.
 */
export function bibtexFile(sources: readonly BibtexSource[]): string {
  const distinct = [...new Map(sources.map((source) => [source.key, source])).values()];
  const used = new Set<string>();
  const entries = distinct.map((source) => {
    const base = citationKey(source, distinct);
    let key = base;
    for (let index = 0; used.has(key); index++) key = `${base}${letterSuffix(index)}`;
    used.add(key);
    return bibtexEntryWithKey(source, key);
  });
  return entries.join('\n');
}
