// All issues the reader has, from every source, newest first. Pure: the VS Code layer feeds it
// and listens to it; views only present it.
import type { ArxivMatchOrigin, Diagnostic, Extra, Issue, Paper } from './model';
import { earlierKeys, paperSlot } from './paperIdentity';
import { withBorrowedTitleHints } from './titleHints';

/** Where issues were read from: a file in the workspace, the bundled sample, an import. */
export interface IssueSource {
  /** A stable id: the file's URI, or `sample:` for the bundled issue. */
  readonly id: string;
  readonly label: string;
  readonly bundled: boolean;
}

export interface SourcedIssue {
  readonly issue: Issue;
  readonly source: IssueSource;
}

/** A paper or an extra, with the issue it was found in. Extras are papers too: they get notes. */
export interface PaperEntry {
  readonly paper: Paper | Extra;
  readonly kind: 'paper' | 'extra';
  readonly entry: SourcedIssue;
}

export interface SourceContents {
  readonly source: IssueSource;
  readonly issues: readonly Issue[];
  readonly diagnostics: readonly Diagnostic[];
}

type Listener = () => void;

/** An arXiv id for a paper the newsletter gave none: found by a search, or chosen by the reader (null: "not on arXiv"). */
export interface ArxivResolution {
  readonly arxivId: string | null;
  /** The arXiv record's title, where known. */
  readonly title: string | null;
  readonly origin: ArxivMatchOrigin;
  /** A search's match that its authors' affiliations decided. */
  readonly byAffiliation?: boolean;
}

/** The resolution for a paper by its slot (`vol132:#2`), if there is one. */
export type ArxivResolver = (slot: string, paper: Paper) => ArxivResolution | undefined;

/** The real titles of a volume's contents lines from its web page, if known (see pageTitles.ts). */
export type PageTitleSource = (volume: number) => ReadonlyMap<string, string> | undefined;

/** The code repository known for an arXiv id from elsewhere (Hugging Face's paper page), if any. */
export type CodeLinkSource = (arxivId: string) => string | null;

export class IssueLibrary {
  private readonly sources = new Map<string, SourceContents>();
  private readonly listeners = new Set<Listener>();
  private sorted: SourcedIssue[] | null = null;
  private index: Map<string, PaperEntry[]> | null = null;
  /** Earlier keys of the papers shown (see paperIdentity), to the key each paper has now. */
  private earlier: Map<string, string> | null = null;
  private bundledVisible = true;
  private resolver: ArxivResolver | null = null;
  private codeLinks: CodeLinkSource | null = null;
  private pageTitles: PageTitleSource | null = null;

  /** Adds or replaces what one source holds. */
  set(contents: SourceContents): void {
    this.sources.set(contents.source.id, contents);
    this.changed();
  }

  /** The parser's warnings and errors on the issue's lines of its source: what the Problems panel shows for it. */
  problemCount({ issue, source }: SourcedIssue): number {
    let count = 0;
    for (const diagnostic of this.sources.get(source.id)?.diagnostics ?? []) {
      if (diagnostic.severity !== 'info' && diagnostic.line >= issue.range.startLine && diagnostic.line <= issue.range.endLine) count++;
    }
    return count;
  }

  /** True when a source with this id has been read (its file is an issue file). */
  hasSource(sourceId: string): boolean {
    return this.sources.has(sourceId);
  }

  delete(sourceId: string): void {
    if (this.sources.delete(sourceId)) this.changed();
  }

  /**
   * Shows or hides what bundled sources hold (the sample issue). Hidden issues stay in the
   * library, so showing them again needs no reload.
   */
  setBundledVisible(visible: boolean): void {
    if (visible === this.bundledVisible) return;
    this.bundledVisible = visible;
    this.changed();
  }

  /**
   * Gives papers the newsletter gave no arXiv id the one a search found or the reader chose: such
   * a paper is then keyed by that id. Call `resolutionsChanged` when what it answers changes.
   */
  setResolver(resolver: ArxivResolver | null): void {
    this.resolver = resolver;
    this.changed();
  }

  /** Gives papers with an arXiv id and no code link from the newsletter the repository `source` knows. */
  setCodeLinks(source: CodeLinkSource | null): void {
    this.codeLinks = source;
    this.changed();
  }

  /**
   * Lends papers without a title hint the real titles their issue's web page gives (looked up
   * without saving a copy of the page). Call again (or `resolutionsChanged`) when it answers more.
   */
  setPageTitles(source: PageTitleSource | null): void {
    this.pageTitles = source;
    this.changed();
  }

  /** What the resolver or the code-link source answers changed: papers are resolved again. */
  resolutionsChanged(): void {
    if (this.resolver || this.codeLinks || this.pageTitles) this.changed();
  }

  /**
   * Every issue, newest first (by week, then volume); issues without either come last. An issue
   * (a volume) held by several sources is listed once: see `preferredCopy`; its papers take the
   * real titles' hints the other copies' contents lines have (titleHints.ts). Papers carry their
   * resolved arXiv ids (see setResolver).
   */
  issues(): readonly SourcedIssue[] {
    if (this.sorted === null) {
      const byVolume = new Map<number, SourcedIssue[]>();
      const unnumbered: SourcedIssue[] = [];
      for (const contents of this.sources.values()) {
        if (contents.source.bundled && !this.bundledVisible) continue;
        for (const issue of contents.issues) {
          const entry: SourcedIssue = { issue, source: contents.source };
          if (issue.volume === null) {
            unnumbered.push(entry);
            continue;
          }
          const copies = byVolume.get(issue.volume);
          if (copies) copies.push(entry);
          else byVolume.set(issue.volume, [entry]);
        }
      }
      const sorted = [...[...byVolume.values()].map((copies) => shownCopy(copies, this.pageTitles)), ...unnumbered].sort(newestFirst);
      const { resolver, codeLinks } = this;
      this.sorted = resolver || codeLinks ? sorted.map((entry) => resolveIssue(entry, resolver, codeLinks)) : sorted;
    }
    return this.sorted;
  }

  /**
   * Where a paper is, newest issue first; empty when no issue has it. A key the paper had before
   * (its slot, before it was matched) finds it too: ask the entry's `paper.key` for its key now.
   */
  findPaper(key: string): readonly PaperEntry[] {
    const index = this.paperIndex();
    const found = index.get(key);
    if (found) return found;
    const now = this.earlierKeys().get(key);
    return now === undefined ? [] : (index.get(now) ?? []);
  }

  /** The key the paper once keyed by `key` has now; `key` itself when it is current or unknown. */
  currentKey(key: string): string {
    return this.paperIndex().has(key) ? key : (this.earlierKeys().get(key) ?? key);
  }

  /**
   * Every distinct paper and extra by key, each with the issues it appears in (newest first).
   * Built from `issues()`: a paper in two copies of one issue is found once, in the copy shown.
   */
  paperIndex(): ReadonlyMap<string, readonly PaperEntry[]> {
    if (this.index === null) {
      const index = new Map<string, PaperEntry[]>();
      const add = (key: string, item: PaperEntry) => {
        const list = index.get(key);
        if (list) list.push(item);
        else index.set(key, [item]);
      };
      for (const entry of this.issues()) {
        for (const paper of entry.issue.papers) add(paper.key, { paper, kind: 'paper', entry });
        for (const extra of entry.issue.extras) add(extra.key, { paper: extra, kind: 'extra', entry });
      }
      this.index = index;
    }
    return this.index;
  }

  /**
   * Earlier keys of the papers shown, to each paper's key now. Built only when a key is not found
   * (a note kept under a slot, a panel restored on one): it slugs every title, so no look-up of
   * a current key, and no library change, pays for it.
   */
  private earlierKeys(): ReadonlyMap<string, string> {
    if (this.earlier === null) {
      const index = this.paperIndex();
      const earlier = new Map<string, string>();
      for (const entry of this.issues()) {
        for (const paper of entry.issue.papers) {
          // A key that is some paper's own is never another's earlier one.
          for (const key of earlierKeys(entry.issue, paper)) if (!earlier.has(key) && !index.has(key)) earlier.set(key, paper.key);
        }
      }
      this.earlier = earlier;
    }
    return this.earlier;
  }

  /** Calls `listener` after every change; returns a function that stops it. */
  onDidChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.sorted = null;
    this.index = null;
    this.earlier = null;
    for (const listener of [...this.listeners]) listener();
  }
}

/**
 * The issue with resolved arXiv ids for its papers that had none, and code links from Hugging
 * Face for those without one; the same object when nothing changes.
 */
function resolveIssue(entry: SourcedIssue, resolver: ArxivResolver | null, codeLinks: CodeLinkSource | null): SourcedIssue {
  const { issue } = entry;
  let papers: Paper[] | null = null;
  issue.papers.forEach((original, index) => {
    let paper = original;
    const slot = resolver && paper.arxivId === null ? paperSlot(issue, paper) : null;
    const resolution = slot === null ? undefined : resolver?.(slot, paper);
    const id = resolution?.arxivId ?? null;
    // An id another paper of the issue already has is no match for this one.
    if (resolution && !(id !== null && (papers ?? issue.papers).some((other) => other.key === id || other.arxivId === id))) {
      paper = { ...paper, arxivId: id, arxivVersion: null, key: id ?? paper.key, arxivMatch: { origin: resolution.origin, title: resolution.title, ...(resolution.byAffiliation ? { byAffiliation: true } : {}) } };
    }
    const code = codeLinks && paper.arxivId !== null && !paper.links.some((link) => link.kind === 'code') ? codeLinks(paper.arxivId) : null;
    if (code !== null) paper = { ...paper, links: [...paper.links, { kind: 'code', url: code, line: paper.range.startLine }], codeFrom: 'huggingface' };
    if (paper === original) return;
    papers ??= issue.papers.slice();
    papers[index] = paper;
  });
  return papers === null ? entry : { issue: { ...issue, papers }, source: entry.source };
}

/** How many papers of the issue have their section (not only a contents line). */
function completePapers(issue: Issue): number {
  let count = 0;
  for (const paper of issue.papers) if (paper.complete) count++;
  return count;
}

/** The copy of an issue to show (see preferredCopy), with the title hints the other copies and its web page give (see titleHints.ts). */
function shownCopy(copies: readonly SourcedIssue[], pageTitles: PageTitleSource | null): SourcedIssue {
  let shown = copies[0] as SourcedIssue;
  for (const copy of copies) if (preferredCopy(copy, shown) < 0) shown = copy;
  const page = shown.issue.volume === null ? undefined : pageTitles?.(shown.issue.volume);
  if (copies.length === 1 && !page) return shown;
  const issue = withBorrowedTitleHints(
    shown.issue,
    copies.filter((copy) => copy !== shown).map((copy) => copy.issue),
    page,
  );
  return issue === shown.issue ? shown : { issue, source: shown.source };
}

/**
 * Which of two copies of one issue to show (negative: `a`). A file in the workspace beats the
 * bundled sample; a complete copy beats one cut off by the paywall; more complete papers beat fewer; then
 * the source id decides, so the choice never depends on the order sources arrived in.
 */
function preferredCopy(a: SourcedIssue, b: SourcedIssue): number {
  if (a.source.bundled !== b.source.bundled) return a.source.bundled ? 1 : -1;
  if ((a.issue.cutOff === null) !== (b.issue.cutOff === null)) return a.issue.cutOff === null ? -1 : 1;
  const complete = completePapers(b.issue) - completePapers(a.issue);
  if (complete !== 0) return complete;
  if (a.issue.papers.length !== b.issue.papers.length) return b.issue.papers.length - a.issue.papers.length;
  if (a.source.id !== b.source.id) return a.source.id < b.source.id ? -1 : 1;
  return a.issue.range.startLine - b.issue.range.startLine;
}

function newestFirst(a: SourcedIssue, b: SourcedIssue): number {
  // ISO dates (digits and `-`): compared as plain strings, they sort as localeCompare sorts them,
  // without asking the collator ten thousand times for a thousand issues.
  const weekA = a.issue.week.start ?? '';
  const weekB = b.issue.week.start ?? '';
  if (weekA !== weekB) return weekB > weekA ? 1 : -1;
  return (b.issue.volume ?? -1) - (a.issue.volume ?? -1);
}
