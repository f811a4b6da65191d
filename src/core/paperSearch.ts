// Finding papers by the words a reader remembers: of the title, the organisation, the issue or
// anywhere in the summary. Used per keystroke (Open Paper, the Issues filter), so the text is
// normalised once per library change and a query only scans it.
import type { IssueLibrary, PaperEntry } from './library';
import { issueLabel } from './format';
import { summaryToText } from './summary';

export interface SearchablePaper {
  readonly key: string;
  readonly title: string;
  readonly org: string | null;
  readonly issueLabel: string | null;
  readonly summary: string;
}

/** Typographic punctuation and its plain form: `Netflix’s` is found by `netflix's`. */
const PLAIN_PUNCTUATION: ReadonlyArray<readonly [RegExp, string]> = [
  [/[‘’‚‛′]/g, "'"],
  [/[“”„‟″]/g, '"'],
  [/[‐‑‒–—―]/g, '-'],
  [/…/g, '...'],
];

/**
 * Lowercase, accents, compatibility forms and typographic punctuation folded (`Über` -> `uber`,
 * `R²R` -> `r2r`, `’` -> `'`). Besides matching more, this keeps most haystacks within Latin-1,
 * which V8 stores in one byte a character: the index takes half the memory.
 */
export function normalizeForSearch(text: string): string {
  // Plain ASCII has nothing to fold: skip the costly normalisation.
  if (!/[^\x00-\x7f]/.test(text)) return text.toLowerCase();
  let folded = text.normalize('NFKD').replace(/\p{M}/gu, '');
  for (const [pattern, plain] of PLAIN_PUNCTUATION) folded = folded.replace(pattern, plain);
  return folded.toLowerCase();
}

/** The words of a query, normalised; empty when there is nothing to look for. */
export function queryWords(query: string): string[] {
  return normalizeForSearch(query).split(/\s+/).filter((word) => word.length > 0);
}

interface Haystack {
  readonly key: string;
  /** Everything: title, organisation and issue label first, then the summary. */
  readonly all: string;
  /** Where the title, organisation and issue label end in `all`: a match there ranks first. */
  readonly headLength: number;
}

export class PaperSearchIndex {
  private readonly haystacks: readonly Haystack[];
  /** The last query and its matches: typing on narrows them instead of rescanning. */
  private last: { words: string[]; matches: readonly Haystack[] } | null = null;

  constructor(papers: Iterable<SearchablePaper>) {
    const haystacks: Haystack[] = [];
    for (const paper of papers) {
      const headText = [paper.title, paper.org ?? '', paper.issueLabel ?? ''].join('\n');
      // Normalised in one piece, so each haystack is one flat string, not a concatenation that
      // the first search would have to flatten.
      haystacks.push({ key: paper.key, all: normalizeForSearch(`${headText}\n${paper.summary}`), headLength: normalizeForSearch(headText).length });
    }
    this.haystacks = haystacks;
  }

  get size(): number {
    return this.haystacks.length;
  }

  /**
   * Keys of the papers that contain every word of the query (anywhere in a word), those whose
   * title, organisation or issue has them all first; each group in the order given. An empty
   * query matches every paper.
   */
  search(query: string): string[] {
    const words = queryWords(query);
    if (words.length === 0) return this.haystacks.map((haystack) => haystack.key);
    const matches = this.matching(words);
    const inHead: string[] = [];
    const inSummary: string[] = [];
    for (const haystack of matches) {
      // Words hold no line break, so a match that starts in the head ends there too.
      (words.every((word) => haystack.all.indexOf(word) < haystack.headLength) ? inHead : inSummary).push(haystack.key);
    }
    return [...inHead, ...inSummary];
  }

  private matching(words: string[]): readonly Haystack[] {
    // Each word of the last query is inside a word of this one: this one's matches are among the last's.
    const narrows = this.last !== null && this.last.words.every((old) => words.some((word) => word.includes(old)));
    const pool = narrows && this.last ? this.last.matches : this.haystacks;
    const matches = pool.filter((haystack) => words.every((word) => haystack.all.includes(word)));
    this.last = { words, matches };
    return matches;
  }
}

/** What the search sees of one library entry. */
export function searchablePaper(entry: PaperEntry): SearchablePaper {
  const { paper } = entry;
  return {
    key: paper.key,
    title: paper.title,
    org: 'org' in paper ? paper.org : paper.section,
    issueLabel: issueLabel(entry.entry.issue),
    summary: summaryToText(paper.summary),
  };
}

/** How long the library must be quiet before the index is rebuilt ahead of use. */
const REBUILD_AFTER_MS = 500;

/**
 * The library's papers (each key once, from its newest issue), searchable. Rebuilt in idle time
 * shortly after the library changes, so that "Open Paper..." does not pay for it; and on first
 * use, if that comes sooner.
 */
export class LibrarySearch {
  private index: PaperSearchIndex | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly stop: () => void;
  /** How long the last build took (ms), for the output channel and the benchmark. */
  lastBuildMs = 0;

  constructor(private readonly library: IssueLibrary) {
    this.stop = library.onDidChange(() => {
      this.index = null;
      this.schedule();
    });
  }

  dispose(): void {
    this.stop();
    clearTimeout(this.timer);
  }

  search(query: string): string[] {
    return this.current().search(query);
  }

  /** Builds the index now if it is not built. */
  warm(): void {
    this.current();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.warm(), REBUILD_AFTER_MS);
    // Never keep a process alive for this (plain Node tests).
    (this.timer as { unref?: () => void }).unref?.();
  }

  private current(): PaperSearchIndex {
    if (this.index === null) {
      const started = performance.now();
      const papers: SearchablePaper[] = [];
      for (const entries of this.library.paperIndex().values()) {
        const newest = entries[0];
        if (newest) papers.push(searchablePaper(newest));
      }
      this.index = new PaperSearchIndex(papers);
      this.lastBuildMs = performance.now() - started;
    }
    return this.index;
  }
}
