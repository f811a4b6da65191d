// The part of arXiv's `search_query` language its API manual documents, for the local stand-in
// (test/support/arxivSearchServer.ts): field prefixes ti: abs: au: all: cat:, a word or a quoted
// phrase after each, AND / OR / ANDNOT, parentheses, submittedDate:[YYYYMMDDHHMM TO YYYYMMDDHHMM].
// Stricter than arXiv on purpose, so that a query the manual does not vouch for is caught: two
// terms with no operator between them, different operators mixed without parentheses, a bare
// word, another prefix, a lower-case operator, punctuation inside a word, a malformed date, all
// fail with a message. Relevance is a plain tf-idf sum, not arXiv's Lucene scoring.

export type Field = 'ti' | 'abs' | 'au' | 'all' | 'cat';
const FIELDS: ReadonlySet<string> = new Set(['ti', 'abs', 'au', 'all', 'cat']);

export type QueryNode =
  | { readonly kind: 'term'; readonly field: Field; readonly words: readonly string[] }
  | { readonly kind: 'date'; readonly from: string; readonly to: string }
  | { readonly kind: 'and' | 'or' | 'andnot'; readonly left: QueryNode; readonly right: QueryNode };

export class QuerySyntaxError extends Error {}

type Token =
  | { readonly kind: '(' | ')'; readonly at: number }
  | { readonly kind: 'op'; readonly op: 'AND' | 'OR' | 'ANDNOT'; readonly at: number }
  | { readonly kind: 'operand'; readonly node: QueryNode; readonly at: number };

/** Folded like the stand-in's index: compatibility forms, accents and case. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Words as the stand-in indexes them: split on anything but letters and digits. */
export function indexWords(text: string): string[] {
  return foldText(text).split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

const WORD = /^[\p{L}\p{N}]+$/u;
const CATEGORY = /^[A-Za-z-]+(?:\.[A-Za-z-]+)?$/;

function fail(message: string, at: number): never {
  throw new QuerySyntaxError(`${message} (at character ${at + 1})`);
}

/** `YYYYMMDDHHMM` that names a real minute. */
function validStamp(stamp: string): boolean {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(stamp);
  if (!m) return false;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60;
}

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    if (c === ' ') {
      i++;
      continue;
    }
    if (c === '(' || c === ')') {
      tokens.push({ kind: c, at: i });
      i++;
      continue;
    }
    const rest = query.slice(i);
    const op = /^(ANDNOT|AND|OR)(?=[ ()]|$)/.exec(rest);
    if (op) {
      tokens.push({ kind: 'op', op: op[1] as 'AND' | 'OR' | 'ANDNOT', at: i });
      i += op[1]!.length;
      continue;
    }
    const date = /^submittedDate:\[(\d{12}) TO (\d{12})\](?=[ )]|$)/.exec(rest);
    if (date) {
      const [, from, to] = date as unknown as [string, string, string];
      if (!validStamp(from) || !validStamp(to)) fail('submittedDate needs real dates, YYYYMMDDHHMM', i);
      if (from > to) fail('submittedDate range ends before it starts', i);
      tokens.push({ kind: 'operand', node: { kind: 'date', from, to }, at: i });
      i += date[0].length;
      continue;
    }
    if (rest.startsWith('submittedDate')) fail('submittedDate must be written submittedDate:[YYYYMMDDHHMM TO YYYYMMDDHHMM]', i);
    const prefix = /^([A-Za-z]+):/.exec(rest);
    if (!prefix) fail(`expected a field prefix (ti: abs: au: all: cat:), an operator or a parenthesis, found ${JSON.stringify(rest.slice(0, 20))}`, i);
    const field = prefix[1]!;
    if (!FIELDS.has(field)) fail(`unsupported field prefix ${field}:`, i);
    let j = i + prefix[0].length;
    if (query[j] === '"') {
      const close = query.indexOf('"', j + 1);
      if (close < 0) fail('unterminated phrase', j);
      const inside = query.slice(j + 1, close).trim();
      const parts = inside.length > 0 ? inside.split(/ +/) : [];
      if (parts.length === 0) fail('empty phrase', j);
      if (!parts.every((part) => (field === 'cat' ? CATEGORY : WORD).test(part))) fail(`a phrase holds only words of letters and digits: ${JSON.stringify(inside)}`, j);
      j = close + 1;
      if (j < query.length && query[j] !== ' ' && query[j] !== ')') fail('a phrase must be followed by a space or a parenthesis', j);
      tokens.push({ kind: 'operand', node: { kind: 'term', field: field as Field, words: field === 'cat' ? parts : parts.map(foldText) }, at: i });
      i = j;
      continue;
    }
    const end = /^[^ ()]*/.exec(query.slice(j))![0];
    if (end.length === 0) fail(`nothing after ${field}:`, j);
    if (!(field === 'cat' ? CATEGORY : WORD).test(end)) fail(`a term is letters and digits only (quote a phrase): ${JSON.stringify(end)}`, j);
    tokens.push({ kind: 'operand', node: { kind: 'term', field: field as Field, words: [field === 'cat' ? end : foldText(end)] }, at: i });
    i = j + end.length;
  }
  return tokens;
}

/**
 * Parses a `search_query` value (already URL-decoded). Throws QuerySyntaxError for anything the
 * manual does not document, or documents but this stand-in refuses as ambiguous.
 */
export function parseSearchQuery(query: string): QueryNode {
  if (query.trim().length === 0) throw new QuerySyntaxError('empty search_query');
  if (/[^\S ]/.test(query)) throw new QuerySyntaxError('only plain spaces may separate terms');
  const tokens = tokenize(query);
  let at = 0;
  const peek = () => tokens[at];
  const expression = (): QueryNode => {
    let left = operand();
    let op: 'AND' | 'OR' | 'ANDNOT' | null = null;
    for (;;) {
      const next = peek();
      if (!next || next.kind === ')') return left;
      if (next.kind !== 'op') fail('two terms with no operator between them: write AND, OR or ANDNOT', next.at);
      if (op !== null && next.op !== op) fail(`${op} and ${next.op} mixed without parentheses`, next.at);
      op = next.op;
      at++;
      const right = operand();
      left = { kind: op === 'AND' ? 'and' : op === 'OR' ? 'or' : 'andnot', left, right };
    }
  };
  const operand = (): QueryNode => {
    const next = peek();
    if (!next) fail('the query ends where a term was expected', query.length);
    if (next.kind === 'operand') {
      at++;
      return next.node;
    }
    if (next.kind === '(') {
      at++;
      const inner = expression();
      const close = peek();
      if (!close || close.kind !== ')') fail('unbalanced parenthesis', next.at);
      at++;
      return inner;
    }
    return fail(next.kind === 'op' ? `${next.op} where a term was expected` : 'unbalanced parenthesis', next.at);
  };
  const node = expression();
  const left = peek();
  if (left) fail(left.kind === ')' ? 'unbalanced parenthesis' : 'unexpected text after the query', left.at);
  return node;
}

/** What the stand-in knows of a paper. */
export interface SearchableEntry {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly authors: readonly { readonly name: string }[];
  readonly comment?: string;
  readonly journalRef?: string;
  readonly categories: readonly string[];
  /** ISO date and time of the first version. */
  readonly published: string;
}

interface IndexedEntry {
  readonly entry: SearchableEntry;
  readonly fields: Readonly<Record<Exclude<Field, 'cat'>, readonly string[]>>;
  readonly stamp: string;
}

/** The corpus, tokenised per field, with document frequencies for the tf-idf score. */
export class SearchIndex {
  private readonly docs: IndexedEntry[];
  private readonly df = new Map<string, number>();

  constructor(entries: readonly SearchableEntry[]) {
    this.docs = entries.map((entry) => {
      const ti = indexWords(entry.title);
      const abs = indexWords(entry.summary);
      const au = entry.authors.flatMap((author) => [...indexWords(author.name), '\u0000']);
      const extra = indexWords(`${entry.comment ?? ''} ${entry.journalRef ?? ''}`);
      const fields = { ti, abs, au, all: [...ti, '\u0000', ...abs, '\u0000', ...au, '\u0000', ...extra] };
      return { entry, fields, stamp: entry.published.slice(0, 16).replace(/[-T:]/g, '') };
    });
    for (const doc of this.docs) {
      for (const field of ['ti', 'abs', 'au', 'all'] as const) {
        for (const word of new Set(doc.fields[field])) this.df.set(`${field}:${word}`, (this.df.get(`${field}:${word}`) ?? 0) + 1);
      }
    }
  }

  get size(): number {
    return this.docs.length;
  }

  private idf(field: string, word: string): number {
    return Math.log(1 + this.docs.length / ((this.df.get(`${field}:${word}`) ?? 0) + 1));
  }

  /** Matches of a node in one document, and its tf-idf score (0 for date filters). */
  private evaluate(node: QueryNode, doc: IndexedEntry): { match: boolean; score: number } {
    switch (node.kind) {
      case 'date':
        return { match: doc.stamp >= node.from && doc.stamp <= node.to, score: 0 };
      case 'term': {
        if (node.field === 'cat') {
          const wanted = node.words.join(' ').toLowerCase();
          return { match: doc.entry.categories.some((category) => category.toLowerCase() === wanted), score: 0.5 };
        }
        const tokens = doc.fields[node.field];
        let count = 0;
        for (let i = 0; i + node.words.length <= tokens.length; i++) {
          if (node.words.every((word, j) => tokens[i + j] === word)) count++;
        }
        if (count === 0) return { match: false, score: 0 };
        const idf = node.words.reduce((sum, word) => sum + this.idf(node.field, word), 0);
        return { match: true, score: idf * (1 + Math.log(count)) };
      }
      case 'and': {
        const left = this.evaluate(node.left, doc);
        if (!left.match) return left;
        const right = this.evaluate(node.right, doc);
        return right.match ? { match: true, score: left.score + right.score } : right;
      }
      case 'or': {
        const left = this.evaluate(node.left, doc);
        const right = this.evaluate(node.right, doc);
        return { match: left.match || right.match, score: (left.match ? left.score : 0) + (right.match ? right.score : 0) };
      }
      case 'andnot': {
        const left = this.evaluate(node.left, doc);
        if (!left.match) return left;
        return this.evaluate(node.right, doc).match ? { match: false, score: 0 } : left;
      }
    }
  }

  /** Every matching entry, ordered as `sortBy` asks (relevance: score, then newest, then id; lastUpdatedDate sorts as submittedDate here). */
  search(node: QueryNode, sortBy: 'relevance' | 'submittedDate' | 'lastUpdatedDate' = 'relevance', order: 'descending' | 'ascending' = 'descending'): SearchableEntry[] {
    const hits = this.docs
      .map((doc) => ({ doc, result: this.evaluate(node, doc) }))
      .filter((hit) => hit.result.match)
      .sort((a, b) => {
        const byDate = a.doc.entry.published < b.doc.entry.published ? -1 : a.doc.entry.published > b.doc.entry.published ? 1 : 0;
        const byId = a.doc.entry.id < b.doc.entry.id ? -1 : a.doc.entry.id > b.doc.entry.id ? 1 : 0;
        const primary = sortBy === 'relevance' ? a.result.score - b.result.score : byDate;
        const sign = order === 'descending' ? -1 : 1;
        return sign * primary || -byDate || byId;
      });
    return hits.map((hit) => hit.doc.entry);
  }
}
