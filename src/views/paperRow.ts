// What a paper's row looks like in every tree (Issues, Reading List): the reading-status icon,
// the "note" mark, the context value menus match, and the click that shows the summary.
import * as vscode from 'vscode';
import { Command } from '../constants';
import type { ReadingStatus } from '../core/paperState';
import type { PaperLinks } from '../core/paperLinks';
import { STATUS_CODICONS, statusLabel } from '../util/statusLabel';

const STATUS_COLORS: Readonly<Record<ReadingStatus, string>> = {
  toRead: 'charts.blue',
  reading: 'charts.yellow',
  read: 'charts.green',
};

export function statusIcon(status: ReadingStatus | null, kind: 'paper' | 'extra'): vscode.ThemeIcon {
  if (status === null) return new vscode.ThemeIcon(kind === 'paper' ? 'file-text' : 'beaker');
  return new vscode.ThemeIcon(STATUS_CODICONS[status], new vscode.ThemeColor(STATUS_COLORS[status]));
}

export interface PaperRowFacts {
  readonly kind: 'paper' | 'extra';
  readonly links: Pick<PaperLinks, 'arxiv' | 'pdf' | 'code' | 'huggingface'> & { readonly any: boolean };
  readonly status: ReadingStatus | null;
  readonly hasNote: boolean;
  /** An issue in the library still has the paper (so its file can be revealed). */
  readonly inIssue: boolean;
}

/**
 * `paper:extra:hasArxiv:hasPdf:hasCode:hasHuggingFace:hasLink:toRead:hasNote:inIssue`, only the
 * parts that hold: package.json matches them with regexes (`viewItem =~ /:hasCode\b/`).
 */
export function paperContextValue(facts: PaperRowFacts): string {
  const parts = ['paper'];
  if (facts.kind === 'extra') parts.push('extra');
  if (facts.links.arxiv) parts.push('hasArxiv');
  if (facts.links.pdf) parts.push('hasPdf');
  if (facts.links.code) parts.push('hasCode');
  if (facts.links.huggingface) parts.push('hasHuggingFace');
  if (facts.links.any) parts.push('hasLink');
  if (facts.status) parts.push(facts.status);
  if (facts.hasNote) parts.push('hasNote');
  if (facts.inIssue) parts.push('inIssue');
  return parts.join(':');
}

/** A click on a paper row shows its summary. */
export function showSummaryCommand(key: string): vscode.Command {
  return { command: Command.showSummary, title: vscode.l10n.t('Show Summary'), arguments: [key] };
}

/** What a screen reader says for a row: the label, then what the icon and marks show. */
export function paperAccessibilityLabel(title: string, description: string | null, status: ReadingStatus | null, hasNote: boolean): string {
  return [title, description, status ? statusLabel(status, vscode.l10n) : null, hasNote ? vscode.l10n.t('has a note') : null].filter((part) => !!part).join(', ');
}
