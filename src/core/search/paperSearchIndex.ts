// The search index behind "Open Paper..." and the Issues filter: every paper's words, each
// distinct word of the library stored once. Pure: built and searched without vscode.
import { IdListWriter, anyMarked } from './idLists';
import { normalizeForSearch, queryWords } from './normalize';

/** What the search sees of a paper. */
export interface SearchablePaper {
  readonly key: string;
  readonly title: string;
  readonly org: string | null;
  readonly issueLabel: string | null;
  readonly summary: string;
}

/** Whitespace: query words never hold any, so a word found in a paper's text lies inside one of its words. */
const WHITESPACE = /\s+/;

/** Collects papers one at a time, so a large library can be indexed in slices of idle time. */
export class PaperSearchIndexBuilder {
  private readonly keys: string[] = [];
  private readonly ids = new Map<string, number>();
  /** For each word id, the last paper it was added to: a paper lists a word once. */
  private readonly addedTo: number[] = [];
  private readonly lists = new IdListWriter();
  private readonly paperStarts: number[] = [];
  private readonly headEnds: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  add(paper: SearchablePaper): void {
    const position = this.keys.length;
    this.keys.push(paper.key);
    this.paperStarts.push(this.lists.offset);
    this.lists.write(this.newWords(`${paper.title}\n${paper.org ?? ''}\n${paper.issueLabel ?? ''}`, position));
    this.headEnds.push(this.lists.offset);
    this.lists.write(this.newWords(paper.summary, position));
  }

  build(): PaperSearchIndex {
    const vocabulary = [...this.ids.keys()];
    const wordStarts = new Uint32Array(vocabulary.length + 1);
    let offset = 0;
    vocabulary.forEach((word, id) => {
      wordStarts[id] = offset;
      offset += word.length + 1;
    });
    wordStarts[vocabulary.length] = offset;
    return new PaperSearchIndex({
      keys: [...this.keys],
      vocabulary: compactString(vocabulary.join('\n') + '\n'),
      wordStarts,
      paperWords: this.lists.finish(),
      paperStarts: Uint32Array.from([...this.paperStarts, this.lists.offset]),
      headEnds: Uint32Array.from(this.headEnds),
    });
  }

  /** The ids of the text's words that this paper does not list yet. */
  private newWords(text: string, paper: number): number[] {
    const found: number[] = [];
    for (const word of normalizeForSearch(text).split(WHITESPACE)) {
      if (word.length === 0) continue;
      let id = this.ids.get(word);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(word, id);
        this.addedTo.push(-1);
      }
      if (this.addedTo[id] === paper) continue;
      this.addedTo[id] = paper;
      found.push(id);
    }
    return found;
  }
}

interface IndexParts {
  readonly keys: readonly string[];
  readonly vocabulary: string;
  readonly wordStarts: Uint32Array;
  readonly paperWords: Uint8Array;
  readonly paperStarts: Uint32Array;
  readonly headEnds: Uint32Array;
}

/**
 * Every paper's words, each distinct word of the library stored once. A query word matches a
 * paper when it is part of one of the paper's words (after normalizeForSearch), which is the
 * same as being found anywhere in its text: query words hold no whitespace. Keeping packed word
 * ids instead of a copy of each summary takes a fraction of the memory, and a search scans the
 * vocabulary once per query word and then each paper's ids, not every summary's characters.
 */
export class PaperSearchIndex {
  private readonly keys: readonly string[];
  /** Every distinct word, each followed by a line break (words hold none). */
  private readonly vocabulary: string;
  /** Where each word starts in `vocabulary`, and where the last one ends. */
  private readonly wordStarts: Uint32Array;
  /**
   * Each paper's distinct words, as two packed id lists (idLists.ts): its head's (title,
   * organisation, issue label), then its summary's not in the head.
   */
  private readonly paperWords: Uint8Array;
  /** Where paper i's lists start in `paperWords` (and end, at i + 1). */
  private readonly paperStarts: Uint32Array;
  /** Where paper i's head list ends and its summary list starts: a match in the head ranks first. */
  private readonly headEnds: Uint32Array;
  /** The last query and its matches (paper positions): typing on narrows them instead of rescanning. */
  private last: { words: string[]; matches: readonly number[] } | null = null;
  /** The vocabulary words each word of the last query marked. */
  private lastMarks = new Map<string, Uint8Array | null>();

  constructor(parts: IndexParts) {
    this.keys = parts.keys;
    this.vocabulary = parts.vocabulary;
    this.wordStarts = parts.wordStarts;
    this.paperWords = parts.paperWords;
    this.paperStarts = parts.paperStarts;
    this.headEnds = parts.headEnds;
  }

  /** The index of these papers, in this order. */
  static of(papers: Iterable<SearchablePaper>): PaperSearchIndex {
    const builder = new PaperSearchIndexBuilder();
    for (const paper of papers) builder.add(paper);
    return builder.build();
  }

  get size(): number {
    return this.keys.length;
  }

  /** How many distinct words the papers have (for the benchmark). */
  get vocabularySize(): number {
    return this.wordStarts.length - 1;
  }

  /**
   * Keys of the papers that contain every word of the query (anywhere in a word), those whose
   * title, organisation or issue has them all first; each group in the order given. An empty
   * query matches every paper.
   */
  search(query: string): string[] {
    const words = queryWords(query);
    if (words.length === 0) return [...this.keys];
    // Words the last query had too (the ones before the one being typed) are not looked up again.
    const marksOf = new Map<string, Uint8Array | null>();
    for (const word of words) marksOf.set(word, this.lastMarks.get(word) ?? this.wordsContaining(word));
    this.lastMarks = marksOf;
    const found = words.map((word) => marksOf.get(word) ?? null);
    if (found.includes(null)) {
      // A word no paper has anywhere: nothing to scan.
      this.last = { words, matches: [] };
      return [];
    }
    const marks = found as Uint8Array[];
    const inHead: string[] = [];
    const inSummary: string[] = [];
    for (const paper of this.matching(words, marks)) {
      const key = this.keys[paper] as string;
      const start = this.paperStarts[paper] as number;
      const headEnd = this.headEnds[paper] as number;
      (marks.every((marked) => this.hasAny(marked, start, headEnd)) ? inHead : inSummary).push(key);
    }
    return [...inHead, ...inSummary];
  }

  /** Marks (1) the ids of the vocabulary words that contain `word`; null when none does. */
  private wordsContaining(word: string): Uint8Array | null {
    const marked = new Uint8Array(this.wordStarts.length - 1);
    let from = 0;
    for (;;) {
      const at = this.vocabulary.indexOf(word, from);
      if (at < 0) return from === 0 ? null : marked;
      const id = this.wordAt(at);
      marked[id] = 1;
      from = this.wordStarts[id + 1] as number;
    }
  }

  /** The id of the word that the vocabulary's character `offset` is in. */
  private wordAt(offset: number): number {
    let low = 0;
    let high = this.wordStarts.length - 2;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((this.wordStarts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** Whether the packed id list at [start, end) holds a marked word. */
  private hasAny(marked: Uint8Array, start: number, end: number): boolean {
    return anyMarked(this.paperWords, start, end, marked);
  }

  private matching(words: string[], found: readonly Uint8Array[]): readonly number[] {
    // Each word of the last query is inside a word of this one: this one's matches are among the last's.
    const narrows = this.last !== null && this.last.words.every((old) => words.some((word) => word.includes(old)));
    const matches: number[] = [];
    const test = (paper: number): void => {
      const start = this.paperStarts[paper] as number;
      const headEnd = this.headEnds[paper] as number;
      const end = this.paperStarts[paper + 1] as number;
      if (found.every((marked) => this.hasAny(marked, start, headEnd) || this.hasAny(marked, headEnd, end))) matches.push(paper);
    };
    if (narrows && this.last) for (const paper of this.last.matches) test(paper);
    else for (let paper = 0; paper < this.keys.length; paper++) test(paper);
    this.last = { words, matches };
    return matches;
  }
}

/**
 * The same text as a fresh, flat string: one byte a character where it fits (V8 keeps a string
 * two bytes a character if any string it was built from was, whatever its characters).
 */
function compactString(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
