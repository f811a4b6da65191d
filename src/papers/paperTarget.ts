// The paper a command, the panel or a tool acts on, whatever it was invoked with: a row of the Issues tree or of the
// Reading List, a paper key (the summary panel, other extensions, tests), or nothing (the
// palette: then the reader is asked, see paperPicker.ts).
import * as vscode from 'vscode';
import type { IssueLibrary, PaperEntry } from '../core/model/library';
import type { Link } from '../core/model/model';
import { issueLabel } from '../core/model/format';
import type { PaperSnapshot, PaperStateStore } from '../storage/paperStateStore';

export interface PaperTarget {
  readonly key: string;
  readonly title: string;
  /** The organisation, or an extra's section (`Benchmarks`). */
  readonly org: string | null;
  readonly kind: 'paper' | 'extra';
  readonly arxivId: string | null;
  // Mutable in type only, as `paperLinks` takes it: never changed.
  readonly links: Link[];
  readonly issueLabel: string | null;
  readonly weekStart: string | null;
  /** Where the paper is; null when no issue holds it any more and only the store's snapshot is left. */
  readonly found: PaperEntry | null;
}

/** The paper with that key, from its newest issue, else from what the store remembers of it. */
export function findPaperTarget(library: IssueLibrary, store: PaperStateStore, key: string): PaperTarget | undefined {
  const found = library.findPaper(key)[0];
  if (found) {
    const { paper, kind, entry } = found;
    return {
      // The paper's key now: `key` may be one it had before (its slot, before it was matched).
      key: paper.key,
      title: paper.title,
      org: 'org' in paper ? paper.org : paper.section,
      kind,
      arxivId: paper.arxivId,
      links: paper.links,
      issueLabel: issueLabel(entry.issue),
      weekStart: entry.issue.week.start,
      found,
    };
  }
  const state = store.get(key);
  if (!state) return undefined;
  return { key: store.currentKey(key), title: state.title || key, org: null, kind: 'paper', arxivId: state.arxivId, links: [], issueLabel: state.issueLabel, weekStart: null, found: null };
}

/** What the store keeps of a paper with every change, so the Reading List can show it after its issue is gone. */
export function snapshotOf(target: PaperTarget): PaperSnapshot {
  return { title: target.title, issueLabel: target.issueLabel, arxivId: target.arxivId };
}

/** The snapshot of the paper with that key; a key nothing knows gets itself as its title. */
export function paperSnapshot(library: IssueLibrary, store: PaperStateStore, key: string): PaperSnapshot {
  const target = findPaperTarget(library, store, key);
  return target ? snapshotOf(target) : { title: key, issueLabel: null, arxivId: null };
}

/** A row of the Issues tree or the Reading List, as far as naming its paper goes (the views' node types have these shapes). */
type TreeNode =
  | { readonly kind: 'paper'; readonly paper: { readonly key: string } }
  | { readonly kind: 'extra'; readonly extra: { readonly key: string } }
  | { readonly kind: 'savedPaper'; readonly key: string }
  | { readonly kind: 'issue' | 'extras' | 'statusGroup' };

function isTreeNode(arg: unknown): arg is TreeNode {
  return typeof arg === 'object' && arg !== null && 'kind' in arg && typeof arg.kind === 'string';
}

/** The description of a paper whose issue no source holds any more. */
export function issueGone(): string {
  return vscode.l10n.t('issue no longer available');
}

/** The paper key an argument names, if it names one. */
export function paperKeyOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg.length > 0 ? arg : undefined;
  if (!isTreeNode(arg)) return undefined;
  switch (arg.kind) {
    case 'paper':
      return arg.paper.key;
    case 'extra':
      return arg.extra.key;
    case 'savedPaper':
      return arg.key;
    default:
      return undefined;
  }
}
