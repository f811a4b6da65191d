// The "Issues" tree: issues newest first, their papers, and an Extras group. It only presents
// the library; it holds no state of its own.
import * as vscode from 'vscode';
import type { IssueLibrary, SourcedIssue } from '../core/library';
import type { Extra, Paper } from '../core/model';
import { issueLabel } from '../core/format';
import { summaryExcerpt } from '../core/summary';

export type IssuesNode =
  | { readonly kind: 'issue'; readonly entry: SourcedIssue }
  | { readonly kind: 'paper'; readonly entry: SourcedIssue; readonly paper: Paper }
  | { readonly kind: 'extras'; readonly entry: SourcedIssue }
  | { readonly kind: 'extra'; readonly entry: SourcedIssue; readonly extra: Extra };

const TOOLTIP_SUMMARY_CHARS = 400;

export class IssuesTreeProvider implements vscode.TreeDataProvider<IssuesNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<IssuesNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly stopListening: () => void;

  constructor(private readonly library: IssueLibrary) {
    this.stopListening = library.onDidChange(() => this.changeEmitter.fire(undefined));
  }

  dispose(): void {
    this.stopListening();
    this.changeEmitter.dispose();
  }

  getChildren(node?: IssuesNode): IssuesNode[] {
    if (!node) return this.library.issues().map((entry) => ({ kind: 'issue', entry }));
    switch (node.kind) {
      case 'issue': {
        const papers: IssuesNode[] = node.entry.issue.papers.map((paper) => ({ kind: 'paper', entry: node.entry, paper }));
        return node.entry.issue.extras.length > 0 ? [...papers, { kind: 'extras', entry: node.entry }] : papers;
      }
      case 'extras':
        return node.entry.issue.extras.map((extra) => ({ kind: 'extra', entry: node.entry, extra }));
      default:
        return [];
    }
  }

  getTreeItem(node: IssuesNode): vscode.TreeItem {
    switch (node.kind) {
      case 'issue':
        return issueItem(node.entry);
      case 'paper':
        return paperItem(node.paper.title, node.paper.org, node.paper.summary, `${issueId(node.entry)}/${node.paper.key}`, 'paper');
      case 'extras': {
        const item = new vscode.TreeItem('Extras', vscode.TreeItemCollapsibleState.Collapsed);
        const sections = [...new Set(node.entry.issue.extras.map((extra) => extra.section))];
        item.description = sections.join(', ');
        item.iconPath = new vscode.ThemeIcon('sparkle');
        item.contextValue = 'extras';
        item.id = `${issueId(node.entry)}/extras`;
        return item;
      }
      case 'extra':
        return paperItem(node.extra.title, node.extra.section, node.extra.summary, `${issueId(node.entry)}/extra/${node.extra.key}`, 'extra');
    }
  }
}

function issueItem(entry: SourcedIssue): vscode.TreeItem {
  const { issue, source } = entry;
  const item = new vscode.TreeItem(issueLabel(issue), vscode.TreeItemCollapsibleState.Collapsed);
  const count = `${issue.papers.length} ${issue.papers.length === 1 ? 'paper' : 'papers'}`;
  item.description = issue.cutOff ? `${count} · cut off` : source.bundled ? `${count} · sample` : count;
  // Plain-text tooltips: newsletter text is never rendered as Markdown.
  item.tooltip = `${issue.title ?? issueLabel(issue)}\n${source.label}`;
  item.iconPath = new vscode.ThemeIcon(issue.cutOff ? 'warning' : 'mail');
  item.contextValue = issue.cutOff ? 'issue:cutOff' : 'issue';
  item.id = issueId(entry);
  return item;
}

function paperItem(title: string, description: string | null, summary: Paper['summary'], id: string, kind: 'paper' | 'extra'): vscode.TreeItem {
  const item = new vscode.TreeItem(title, vscode.TreeItemCollapsibleState.None);
  item.description = description ?? undefined;
  item.tooltip = summaryExcerpt(summary, TOOLTIP_SUMMARY_CHARS);
  item.iconPath = new vscode.ThemeIcon(kind === 'paper' ? 'file-text' : 'beaker');
  item.contextValue = kind;
  item.id = id;
  return item;
}

/** Tree ids must be unique across the tree: the same paper can be in two issues. */
function issueId({ issue, source }: SourcedIssue): string {
  return `issue:${source.id}#${issue.range.startLine}`;
}
