// All issues the reader has, from every source, newest first. Pure: the VS Code layer feeds it
// and listens to it; views only present it.
import type { Diagnostic, Extra, Issue, Paper } from './model';

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

export class IssueLibrary {
  private readonly sources = new Map<string, SourceContents>();
  private readonly listeners = new Set<Listener>();
  private sorted: SourcedIssue[] | null = null;
  private index: Map<string, PaperEntry[]> | null = null;
  private bundledVisible = true;

  /** Adds or replaces what one source holds. */
  set(contents: SourceContents): void {
    this.sources.set(contents.source.id, contents);
    this.changed();
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
   * Every issue, newest first (by week, then volume); issues without either come last. An issue
   * (a volume) held by several sources is listed once: see `preferredCopy`.
   */
  issues(): readonly SourcedIssue[] {
    if (this.sorted === null) {
      const byVolume = new Map<number, SourcedIssue>();
      const unnumbered: SourcedIssue[] = [];
      for (const contents of this.sources.values()) {
        if (contents.source.bundled && !this.bundledVisible) continue;
        for (const issue of contents.issues) {
          const entry: SourcedIssue = { issue, source: contents.source };
          if (issue.volume === null) {
            unnumbered.push(entry);
            continue;
          }
          const kept = byVolume.get(issue.volume);
          if (!kept || preferredCopy(entry, kept) < 0) byVolume.set(issue.volume, entry);
        }
      }
      this.sorted = [...byVolume.values(), ...unnumbered].sort(newestFirst);
    }
    return this.sorted;
  }

  /** Where a paper (by key) is, newest issue first; empty when no issue has it. */
  findPaper(key: string): readonly PaperEntry[] {
    return this.paperIndex().get(key) ?? [];
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

  /** Calls `listener` after every change; returns a function that stops it. */
  onDidChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.sorted = null;
    this.index = null;
    for (const listener of [...this.listeners]) listener();
  }
}

/**
 * Which of two copies of one issue to show (negative: `a`). A file in the workspace beats the
 * bundled sample; a complete copy beats one cut off by the paywall; more papers beat fewer; then
 * the source id decides, so the choice never depends on the order sources arrived in.
 */
function preferredCopy(a: SourcedIssue, b: SourcedIssue): number {
  if (a.source.bundled !== b.source.bundled) return a.source.bundled ? 1 : -1;
  if ((a.issue.cutOff === null) !== (b.issue.cutOff === null)) return a.issue.cutOff === null ? -1 : 1;
  if (a.issue.papers.length !== b.issue.papers.length) return b.issue.papers.length - a.issue.papers.length;
  if (a.source.id !== b.source.id) return a.source.id < b.source.id ? -1 : 1;
  return a.issue.range.startLine - b.issue.range.startLine;
}

function newestFirst(a: SourcedIssue, b: SourcedIssue): number {
  const byWeek = (b.issue.week.start ?? '').localeCompare(a.issue.week.start ?? '');
  if (byWeek !== 0) return byWeek;
  return (b.issue.volume ?? -1) - (a.issue.volume ?? -1);
}
