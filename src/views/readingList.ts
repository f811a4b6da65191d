// The "Reading List" view: every paper the reader marked, across all issues, grouped by status
// (Reading, To Read, then Read, collapsed). Built from the store, not the library, so a paper
// whose issue is gone stays listed from the snapshot the store kept of it.
import * as vscode from 'vscode';
import { Disposable } from '../util/dispose';
import { Coalescer } from '../util/coalesce';
import type { IssueLibrary, PaperEntry } from '../core/model/library';
import { paperLinks } from '../core/model/paperLinks';
import type { PaperState, ReadingStatus } from '../core/model/paperState';
import { summaryExcerpt } from '../core/parse/summary';
import { View } from '../constants';
import type { PaperStateStore } from '../storage/paperStateStore';
import { statusLabel } from '../util/statusLabel';
import { paperAccessibilityLabel, paperContextValue, paperMarks, showSummaryCommand, statusIcon } from './paperRow';
import { issueGone } from '../papers/paperTarget';
import { arxivChoosable, arxivMatched } from '../core/model/paperIdentity';

export type ReadingListNode =
  | { readonly kind: 'statusGroup'; readonly status: ReadingStatus }
  | { readonly kind: 'savedPaper'; readonly key: string; readonly status: ReadingStatus };

const GROUP_ORDER: readonly ReadingStatus[] = ['reading', 'toRead', 'read'];
const TOOLTIP_SUMMARY_CHARS = 400;

export class ReadingListProvider extends Disposable implements vscode.TreeDataProvider<ReadingListNode> {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<ReadingListNode | undefined>());
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly redraw = this.register(new Coalescer(() => this.changeEmitter.fire(undefined)));
  /** papersWith's answers until the store changes. */
  private grouped: Map<ReadingStatus, string[]> | null = null;

  constructor(
    private readonly library: IssueLibrary,
    private readonly store: PaperStateStore,
  ) {
    super();
    this.registerStop(library.onDidChange(() => this.refresh()));
    this.register(
      store.onDidChange(() => {
        this.grouped = null;
        this.refresh();
      }),
    );
  }

  /** Asks the view to redraw; a burst of changes redraws once. */
  refresh(): void {
    this.redraw.schedule();
  }

  /** Keys by status, most recently changed first. */
  papersWith(status: ReadingStatus): readonly string[] {
    // Grouped once per store change: a redraw asks for each group several times.
    if (this.grouped === null) {
      const entries = [...this.store.all()].filter(([, state]) => state.status !== null);
      entries.sort(([, a], [, b]) => b.updatedAt.localeCompare(a.updatedAt));
      this.grouped = new Map(GROUP_ORDER.map((group) => [group, entries.filter(([, state]) => state.status === group).map(([key]) => key)]));
    }
    return this.grouped.get(status) ?? [];
  }

  getChildren(node?: ReadingListNode): ReadingListNode[] {
    if (!node) return GROUP_ORDER.filter((status) => this.papersWith(status).length > 0).map((status) => ({ kind: 'statusGroup', status }));
    if (node.kind === 'statusGroup') return this.papersWith(node.status).map((key) => ({ kind: 'savedPaper', key, status: node.status }));
    return [];
  }

  getParent(node: ReadingListNode): ReadingListNode | undefined {
    return node.kind === 'savedPaper' ? { kind: 'statusGroup', status: node.status } : undefined;
  }

  getTreeItem(node: ReadingListNode): vscode.TreeItem {
    if (node.kind === 'statusGroup') {
      const count = this.papersWith(node.status).length;
      const item = new vscode.TreeItem(
        statusLabel(node.status, vscode.l10n),
        node.status === 'read' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded,
      );
      item.description = String(count);
      item.iconPath = statusIcon(node.status, 'paper');
      item.contextValue = `statusGroup:${node.status}`;
      item.id = `status:${node.status}`;
      return item;
    }
    const state = this.store.get(node.key);
    const found = this.library.findPaper(node.key)[0];
    return found ? this.presentItem(node.key, found, state) : this.goneItem(node.key, state);
  }

  private presentItem(key: string, found: PaperEntry, state: PaperState | undefined): vscode.TreeItem {
    const { paper, kind, entry } = found;
    const org = 'org' in paper ? paper.org : paper.section;
    const issue = entry.issue.volume !== null ? `Vol.${entry.issue.volume}` : null;
    const links = paperLinks(paper);
    const { marks, tooltip } = paperMarks(paper, entry.issue);
    return this.item(key, state, {
      title: paper.title,
      kind,
      description: [org, issue, ...marks].filter(Boolean).join(' · ') || null,
      tooltip: [...tooltip, summaryExcerpt(paper.summary, TOOLTIP_SUMMARY_CHARS)].filter(Boolean).join('\n\n'),
      links: { ...links, any: !!(links.arxiv ?? links.code ?? links.huggingface ?? links.web) },
      inIssue: true,
      complete: !('complete' in paper) || paper.complete,
      matchable: arxivChoosable(paper),
      matched: arxivMatched(paper),
    });
  }

  private goneItem(key: string, state: PaperState | undefined): vscode.TreeItem {
    const links = paperLinks({ links: [], arxivId: state?.arxivId ?? null });
    return this.item(key, state, {
      title: state?.title || key,
      kind: 'paper',
      description: issueGone(),
      tooltip: state?.issueLabel
        ? vscode.l10n.t('It was in {0}, which no source holds any more. Your note and reading status are kept.', state.issueLabel)
        : vscode.l10n.t('Its issue, which no source holds any more. Your note and reading status are kept.'),
      links: { ...links, any: links.arxiv !== null },
      inIssue: false,
    });
  }

  private item(
    key: string,
    state: PaperState | undefined,
    row: {
      title: string;
      kind: 'paper' | 'extra';
      description: string | null;
      tooltip: string;
      links: Parameters<typeof paperContextValue>[0]['links'];
      inIssue: boolean;
      complete?: boolean;
      matchable?: boolean;
      matched?: boolean;
    },
  ): vscode.TreeItem {
    const status = state?.status ?? null;
    const hasNote = (state?.note ?? '').trim().length > 0;
    const item = new vscode.TreeItem(row.title, vscode.TreeItemCollapsibleState.None);
    item.description = [row.description, hasNote ? vscode.l10n.t('note') : null].filter(Boolean).join(' · ') || undefined;
    item.tooltip = row.tooltip;
    item.iconPath = statusIcon(status, row.kind, row.complete);
    item.contextValue = paperContextValue({ kind: row.kind, links: row.links, status, hasNote, inIssue: row.inIssue, matchable: row.matchable, matched: row.matched });
    item.accessibilityInformation = { label: paperAccessibilityLabel(row.title, row.description, status, hasNote) };
    item.command = showSummaryCommand(key);
    item.id = `saved:${key}`;
    return item;
  }
}

/** The view, with a badge counting what is left to read. */
export class ReadingListView extends Disposable {
  readonly treeView: vscode.TreeView<ReadingListNode>;

  constructor(private readonly provider: ReadingListProvider) {
    super();
    this.treeView = this.register(vscode.window.createTreeView(View.readingList, { treeDataProvider: provider, showCollapseAll: true }));
    this.register(provider.onDidChangeTreeData(() => this.showBadge()));
    this.showBadge();
  }

  private showBadge(): void {
    const toRead = this.provider.papersWith('toRead').length;
    const reading = this.provider.papersWith('reading').length;
    const parts = [toRead > 0 ? vscode.l10n.t('{0} to read', toRead) : null, reading > 0 ? vscode.l10n.t('{0} being read', reading) : null].filter(Boolean);
    this.treeView.badge = toRead + reading > 0 ? { value: toRead + reading, tooltip: parts.join(', ') } : undefined;
  }
}
