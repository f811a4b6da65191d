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

  /** Adds or replaces what one source holds. */
  set(contents: SourceContents): void {
    this.sources.set(contents.source.id, contents);
    this.changed();
  }

  delete(sourceId: string): void {
    if (this.sources.delete(sourceId)) this.changed();
  }

  /** Every issue, newest first (by week, then volume); issues without either come last. */
  issues(): readonly SourcedIssue[] {
    if (this.sorted === null) {
      const all: SourcedIssue[] = [];
      for (const contents of this.sources.values()) {
        for (const issue of contents.issues) all.push({ issue, source: contents.source });
      }
      this.sorted = all.sort(newestFirst);
    }
    return this.sorted;
  }

  /** Where a paper (by key) is, newest issue first; empty when no issue has it. */
  findPaper(key: string): readonly PaperEntry[] {
    return this.paperIndex().get(key) ?? [];
  }

  /** Every paper and extra by key, each with the issues it appears in (newest first). */
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

function newestFirst(a: SourcedIssue, b: SourcedIssue): number {
  const byWeek = (b.issue.week.start ?? '').localeCompare(a.issue.week.start ?? '');
  if (byWeek !== 0) return byWeek;
  return (b.issue.volume ?? -1) - (a.issue.volume ?? -1);
}
