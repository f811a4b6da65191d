// The library's papers, searchable: the index is rebuilt in slices of idle time after the
// library changes, so that neither "Open Paper..." nor the extension host waits for it.
import type { IssueLibrary, PaperEntry } from '../model/library';
import { issueLabel } from '../model/format';
import { summaryToText } from '../parse/summary';
import { PaperSearchIndex, PaperSearchIndexBuilder, type SearchablePaper } from './paperSearchIndex';

/** What the search sees of one library entry. */
export function searchablePaper(entry: PaperEntry): SearchablePaper {
  const { paper } = entry;
  // The contents line's title (the editor rewrites it) and the arXiv record's find the paper too.
  const titles = [paper.title];
  if ('shortTitle' in paper && paper.shortTitle && paper.shortTitle !== paper.title) titles.push(paper.shortTitle);
  if ('arxivMatch' in paper && paper.arxivMatch?.title) titles.push(paper.arxivMatch.title);
  return {
    key: paper.key,
    title: titles.join('\n'),
    org: 'org' in paper ? paper.org : paper.section,
    issueLabel: issueLabel(entry.entry.issue),
    summary: summaryToText(paper.summary),
  };
}

export interface LibrarySearchTiming {
  /** How long the library must be quiet before the index is rebuilt ahead of use. */
  readonly rebuildAfterMs: number;
  /** How long one slice of the idle-time build may run before it lets other work in. */
  readonly sliceMs: number;
}

const TIMING: LibrarySearchTiming = { rebuildAfterMs: 500, sliceMs: 10 };

interface Build {
  readonly builder: PaperSearchIndexBuilder;
  /** Every key's entries (newest issue first), as the library held them when the build began. */
  readonly papers: readonly (readonly PaperEntry[])[];
  next: number;
  /** Time spent building so far, and in the longest slice. */
  spentMs: number;
  longestMs: number;
}

/**
 * The library's papers (each key once, from its newest issue), searchable. Rebuilt in idle time
 * shortly after the library changes, a slice at a time; on first use, if that comes sooner, the
 * rest is built at once.
 */
export class LibrarySearch {
  private index: PaperSearchIndex | null = null;
  private build: Build | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly stop: () => void;
  /** How long the last build took (ms, the sum of its slices), for the output channel and the benchmark. */
  lastBuildMs = 0;
  /** The longest the last build kept the extension host busy at once (ms). */
  lastBuildLongestSliceMs = 0;
  /** How many builds have finished: the benchmark waits for the one after loading. */
  builds = 0;

  constructor(
    private readonly library: IssueLibrary,
    private readonly timing = TIMING,
  ) {
    this.stop = library.onDidChange(() => {
      this.index = null;
      this.build = null;
      // A folder of issues being read changes the library once a file: each change notes its
      // time, and one timer waits for the quiet (not a timer cleared and set again per file).
      this.changedAt = Date.now();
      if (!this.awaitingQuiet) this.awaitQuiet(timing.rebuildAfterMs);
    });
  }

  private changedAt = 0;
  /** The timer set waits for the library to be quiet (not for the next slice of a build). */
  private awaitingQuiet = false;

  /** True while an idle-time build is part way through. */
  get building(): boolean {
    return this.build !== null;
  }

  dispose(): void {
    this.stop();
    clearTimeout(this.timer);
    this.build = null;
  }

  search(query: string): string[] {
    return this.current().search(query);
  }

  private later(ms: number, run: () => void): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(run, ms);
    // Never keep a process alive for this (plain Node tests).
    (this.timer as { unref?: () => void }).unref?.();
  }

  /** Starts the idle-time build once the library has not changed for `rebuildAfterMs`. */
  private awaitQuiet(ms: number): void {
    this.awaitingQuiet = true;
    this.later(ms, () => {
      const left = this.changedAt + this.timing.rebuildAfterMs - Date.now();
      if (left > 0) return this.awaitQuiet(left);
      this.awaitingQuiet = false;
      this.step();
    });
  }

  /** One slice of the idle-time build; schedules the next, or finishes. */
  private step(): void {
    if (this.index === null && this.work((this.build ??= this.begin()), this.timing.sliceMs) === null) this.later(0, () => this.step());
  }

  private current(): PaperSearchIndex {
    const index = this.index ?? this.work((this.build ??= this.begin()), Infinity);
    if (index === null) throw new Error('the search index was not built'); // cannot be: the build had no time limit
    return index;
  }

  private begin(): Build {
    return { builder: new PaperSearchIndexBuilder(), papers: [...this.library.paperIndex().values()], next: 0, spentMs: 0, longestMs: 0 };
  }

  /** Adds papers for up to `budgetMs`; the index once every paper is in, else null. */
  private work(build: Build, budgetMs: number): PaperSearchIndex | null {
    const started = performance.now();
    const end = started + budgetMs;
    while (build.next < build.papers.length) {
      const newest = build.papers[build.next++]?.[0];
      if (newest) build.builder.add(searchablePaper(newest));
      // Looking at the clock every paper would cost more than the papers.
      if (build.next % 32 === 0 && performance.now() > end) break;
    }
    const done = build.next >= build.papers.length;
    if (done) this.index = build.builder.build();
    const spent = performance.now() - started;
    build.spentMs += spent;
    build.longestMs = Math.max(build.longestMs, spent);
    if (done) {
      this.build = null;
      this.lastBuildMs = build.spentMs;
      this.lastBuildLongestSliceMs = build.longestMs;
      this.builds++;
    }
    return this.index;
  }
}
