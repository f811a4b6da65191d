// The "Issues" tree: issues newest first, their papers, and an Extras group. It only presents
// the library and the reader's notes and statuses; the one state it holds is the filter.
import * as vscode from 'vscode';
import { Disposable } from '../util/dispose';
import { Coalescer } from '../util/coalesce';
import type { IssueLibrary, SourcedIssue } from '../core/model/library';
import type { Extra, Issue, Paper } from '../core/model/model';
import { issueLabel } from '../core/model/format';
import { arxivChoosable, arxivMatched, paperSlot } from '../core/model/paperIdentity';
import { paperLinks } from '../core/model/paperLinks';
import type { LibrarySearch } from '../core/search/librarySearch';
import { summaryExcerpt } from '../core/parse/summary';
import { ContextKey, View } from '../constants';
import type { UnreadIssueFile, UnreadIssueFiles } from '../sources/unreadIssueFiles';
import type { PaperStateStore } from '../storage/paperStateStore';
import { paperAccessibilityLabel, paperContextValue, paperMarks, showSummaryCommand, statusIcon } from './paperRow';

export type IssuesNode =
  | { readonly kind: 'issue'; readonly entry: SourcedIssue }
  | { readonly kind: 'paper'; readonly entry: SourcedIssue; readonly paper: Paper }
  | { readonly kind: 'extras'; readonly entry: SourcedIssue }
  | { readonly kind: 'extra'; readonly entry: SourcedIssue; readonly extra: Extra }
  /** An issue file too large to read (see UnreadIssueFiles). */
  | { readonly kind: 'unread'; readonly file: UnreadIssueFile };

const TOOLTIP_SUMMARY_CHARS = 400;
/** The filter word that keeps only papers with code. */
const HAS_CODE = 'has:code';

export class IssuesTreeProvider extends Disposable implements vscode.TreeDataProvider<IssuesNode> {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<IssuesNode | undefined>());
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly filterEmitter = this.register(new vscode.EventEmitter<void>());
  /** Fires when the filter is set or cleared. */
  readonly onDidChangeFilter = this.filterEmitter.event;
  private readonly redraw = this.register(new Coalescer(() => {
    // Matches are recomputed once a burst of changes is over (a folder of issues being read),
    // not once per file.
    if (this.matchingStale && this.filterText) this.matching = this.matches(this.filterText);
    this.matchingStale = false;
    this.changeEmitter.fire(undefined);
  }));
  private matchingStale = false;
  private filterText = '';
  /** Keys of the papers the filter lets through; null when there is no filter. */
  private matching: ReadonlySet<string> | null = null;

  constructor(
    private readonly library: IssueLibrary,
    private readonly store: PaperStateStore,
    private readonly search: LibrarySearch,
    private readonly unread?: UnreadIssueFiles,
  ) {
    super();
    this.registerStop(
      library.onDidChange(() => {
        this.matchingStale = true;
        this.refresh();
      }),
    );
    this.register(store.onDidChange(() => this.refresh()));
    if (unread) this.register(unread.onDidChange(() => this.refresh()));
  }

  /** Asks the view to redraw; a burst of changes (a folder of issues being read) redraws once. */
  refresh(): void {
    this.redraw.schedule();
  }

  /** The words papers are filtered by; empty when the view shows everything. */
  get filter(): string {
    return this.filterText;
  }

  /** How many distinct papers the filter lets through (null without a filter). */
  get matchCount(): number | null {
    return this.matching?.size ?? null;
  }

  setFilter(text: string): void {
    const trimmed = text.trim();
    if (trimmed === this.filterText) return;
    this.filterText = trimmed;
    this.matching = trimmed ? this.matches(trimmed) : null;
    this.filterEmitter.fire();
    this.refresh();
  }

  /** The papers with every word; `has:code` keeps only papers with a code link (the newsletter's or Hugging Face's). */
  private matches(filter: string): ReadonlySet<string> {
    const words = filter.split(/\s+/);
    const wantCode = words.some((word) => word.toLowerCase() === HAS_CODE);
    const query = words.filter((word) => word.toLowerCase() !== HAS_CODE).join(' ');
    const found = new Set(this.search.search(query));
    if (!wantCode) return found;
    const withCode = new Set<string>();
    for (const key of found) {
      const paper = this.library.findPaper(key)[0]?.paper;
      if (paper?.links.some((link) => link.kind === 'code')) withCode.add(key);
    }
    return withCode;
  }

  getChildren(node?: IssuesNode): IssuesNode[] {
    const shown = (key: string) => this.matching === null || this.matching.has(key);
    if (!node) {
      const issues = this.library.issues();
      const visible = this.matching === null ? issues : issues.filter(({ issue }) => [...issue.papers, ...issue.extras].some((paper) => shown(paper.key)));
      const issueRows: IssuesNode[] = visible.map((entry) => ({ kind: 'issue', entry }));
      // Files not read are no papers: a filter hides them.
      const unreadRows: IssuesNode[] = this.matching === null ? (this.unread?.list() ?? []).map((file) => ({ kind: 'unread', file })) : [];
      return [...issueRows, ...unreadRows];
    }
    switch (node.kind) {
      case 'issue': {
        const papers: IssuesNode[] = node.entry.issue.papers.filter((paper) => shown(paper.key)).map((paper) => ({ kind: 'paper', entry: node.entry, paper }));
        const hasExtras = node.entry.issue.extras.some((extra) => shown(extra.key));
        return hasExtras ? [...papers, { kind: 'extras', entry: node.entry }] : papers;
      }
      case 'extras':
        return node.entry.issue.extras.filter((extra) => shown(extra.key)).map((extra) => ({ kind: 'extra', entry: node.entry, extra }));
      default:
        return [];
    }
  }

  getTreeItem(node: IssuesNode): vscode.TreeItem {
    switch (node.kind) {
      case 'issue':
        return this.issueItem(node.entry);
      case 'paper':
        // By its place in the issue where it has one: a paper that gets its arXiv id (a new key)
        // stays the same row, selected and focused, instead of being replaced under the reader.
        return this.paperItem(node.paper, node.paper.org, `${this.issueId(node.entry)}/${paperSlot(node.entry.issue, node.paper) ?? node.paper.key}`, 'paper', node.entry.issue);
      case 'extras': {
        const item = new vscode.TreeItem(vscode.l10n.t('Extras'), this.matching ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        const sections = [...new Set(node.entry.issue.extras.map((extra) => extra.section))];
        item.description = sections.join(', ');
        item.iconPath = new vscode.ThemeIcon('sparkle');
        item.contextValue = 'extras';
        item.id = `${this.issueId(node.entry)}/extras`;
        return item;
      }
      case 'extra':
        return this.paperItem(node.extra, node.extra.section, `${this.issueId(node.entry)}/extra/${node.extra.key}`, 'extra', node.entry.issue);
      case 'unread': {
        const item = new vscode.TreeItem(node.file.label, vscode.TreeItemCollapsibleState.None);
        item.description = vscode.l10n.t('not read: too large');
        item.tooltip = node.file.message;
        item.accessibilityInformation = { label: `${node.file.label}, ${node.file.message}` };
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        item.contextValue = 'unreadIssueFile';
        item.id = `unread:${node.file.uri.toString()}`;
        return item;
      }
    }
  }

  private issueItem(entry: SourcedIssue): vscode.TreeItem {
    const { issue, source } = entry;
    // While filtering, issues open to show what matched.
    const item = new vscode.TreeItem(issueLabel(issue), this.matching ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    const problems = source.bundled ? 0 : this.library.problemCount(entry);
    const read = issue.papers.filter((paper) => this.store.status(paper.key) === 'read').length;
    // Reading progress once the reader has started the issue; before that, how many papers it has.
    const marks = [
      read > 0 ? vscode.l10n.t('{0}/{1} read', read, issue.papers.length) : issue.papers.length === 1 ? vscode.l10n.t('1 paper') : vscode.l10n.t('{0} papers', issue.papers.length),
    ];
    if (issue.cutOff) marks.push(vscode.l10n.t('cut off'));
    if (problems > 0) marks.push(problems === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', problems));
    if (source.bundled) marks.push(vscode.l10n.t('sample'));
    item.description = marks.join(' · ');
    // Without this a screen reader reads the tooltip, which does not name the volume.
    item.accessibilityInformation = { label: `${issueLabel(issue)}, ${marks.join(', ')}` };
    // Plain-text tooltips: newsletter text is never rendered as Markdown.
    const tooltip = [issue.title ?? issueLabel(issue), source.label];
    if (issue.cutOff) tooltip.push(vscode.l10n.t('Cut off at line {0}: {1}', issue.cutOff.line, issue.cutOff.reason));
    if (problems > 0) {
      tooltip.push(problems === 1 ? vscode.l10n.t('A problem in this issue: see the Problems panel.') : vscode.l10n.t('{0} problems in this issue: see the Problems panel.', problems));
    }
    item.tooltip = tooltip.join('\n');
    item.iconPath = issue.cutOff || problems > 0 ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('mail');
    item.contextValue = ['issue', issue.cutOff ? 'cutOff' : null, problems > 0 ? 'hasWarnings' : null, source.bundled ? 'sample' : null].filter(Boolean).join(':');
    item.id = this.issueId(entry);
    return item;
  }

  private paperItem(paper: Paper | Extra, description: string | null, id: string, kind: 'paper' | 'extra', issue: Issue): vscode.TreeItem {
    const item = new vscode.TreeItem(paper.title, vscode.TreeItemCollapsibleState.None);
    const status = this.store.status(paper.key);
    const hasNote = this.store.note(paper.key).trim().length > 0;
    const { marks, tooltip } = paperMarks(paper, issue);
    // The icon shows the status, so the note is a word beside the organisation.
    item.description = [description, ...marks, hasNote ? vscode.l10n.t('note') : null].filter(Boolean).join(' · ') || undefined;
    item.tooltip = [...tooltip, summaryExcerpt(paper.summary, TOOLTIP_SUMMARY_CHARS)].filter(Boolean).join('\n\n');
    const complete = !('complete' in paper) || paper.complete;
    item.iconPath = statusIcon(status, kind, complete);
    const links = paperLinks(paper);
    item.contextValue = paperContextValue({
      kind,
      links: { ...links, any: !!(links.arxiv ?? links.code ?? links.huggingface ?? links.web) },
      status,
      hasNote,
      inIssue: true,
      matchable: arxivChoosable(paper),
      matched: arxivMatched(paper),
    });
    item.accessibilityInformation = { label: paperAccessibilityLabel(paper.title, [description, ...marks].filter(Boolean).join(', '), status, hasNote) };
    item.command = showSummaryCommand(paper.key);
    item.id = id;
    return item;
  }

  /**
   * Tree ids must be unique across the tree: the same paper can be in two issues. While a
   * filter is on they change, so the workbench opens the issues afresh instead of restoring
   * how the reader had left them.
   */
  private issueId({ issue, source }: SourcedIssue): string {
    return `issue:${source.id}#${issue.range.startLine}${this.matching ? `?filter=${this.filterText}` : ''}`;
  }
}

/**
 * The Issues view: the tree, its "Filtered by" message and the context key that shows
 * "Clear Filter" while a filter is on.
 */
export class IssuesView extends Disposable {
  readonly treeView: vscode.TreeView<IssuesNode>;
  /** The value last given to the `issuesFiltered` context key. */
  private filtered = false;

  constructor(private readonly provider: IssuesTreeProvider) {
    super();
    this.treeView = this.register(vscode.window.createTreeView(View.issues, { treeDataProvider: provider, showCollapseAll: true }));
    this.register(provider.onDidChangeFilter(() => this.showFilter()));
    // The count changes when the library does.
    this.register(
      provider.onDidChangeTreeData(() => {
        if (provider.filter) this.showFilter();
      }),
    );
  }

  private showFilter(): void {
    const { filter, matchCount } = this.provider;
    this.treeView.message = !filter
      ? undefined
      : matchCount === 1
        ? vscode.l10n.t('Filtered by: {0} (1 paper)', filter)
        : vscode.l10n.t('Filtered by: {0} ({1} papers)', filter, matchCount ?? 0);
    // Shown again on every redraw while filtered: tell the workbench only when it changes.
    const filtered = filter.length > 0;
    if (filtered === this.filtered) return;
    this.filtered = filtered;
    void vscode.commands.executeCommand('setContext', ContextKey.issuesFiltered, filtered);
  }
}
