// What a paper's row looks like in every tree (Issues, Reading List): the reading-status icon,
// the "note" mark, the context value menus match, and the click that shows the summary.
import * as vscode from 'vscode';
import { Command } from '../constants';
import type { ReadingStatus } from '../core/model/paperState';
import type { PaperLinks } from '../core/model/paperLinks';
import type { Extra, Issue, Paper } from '../core/model/model';
import { STATUS_CODICONS, statusLabel } from '../util/statusLabel';

const STATUS_COLORS: Readonly<Record<ReadingStatus, string>> = {
  toRead: 'charts.blue',
  reading: 'charts.yellow',
  read: 'charts.green',
};

export function statusIcon(status: ReadingStatus | null, kind: 'paper' | 'extra', complete = true): vscode.ThemeIcon {
  if (status === null) return new vscode.ThemeIcon(kind === 'extra' ? 'beaker' : complete ? 'file-text' : 'lock');
  return new vscode.ThemeIcon(STATUS_CODICONS[status], new vscode.ThemeColor(STATUS_COLORS[status]));
}

export interface PaperRowFacts {
  readonly kind: 'paper' | 'extra';
  readonly links: Pick<PaperLinks, 'arxiv' | 'pdf' | 'code' | 'huggingface'> & { readonly any: boolean };
  readonly status: ReadingStatus | null;
  readonly hasNote: boolean;
  /** An issue in the library still has the paper (so its file can be revealed). */
  readonly inIssue: boolean;
  /** The newsletter gave no arXiv id: the reader may choose one (Choose arXiv Match...). */
  readonly matchable?: boolean;
  /** It has an arXiv id from a search or the reader's choice (Remove arXiv Match). */
  readonly matched?: boolean;
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
  if (facts.matchable) parts.push('matchable');
  if (facts.matched) parts.push('matched');
  return parts.join(':');
}

/** What a paper row says about how much of the paper the issue holds and where its arXiv id came from. */
export function paperMarks(paper: Paper | Extra, issue: Pick<Issue, 'cutOff'>): { readonly marks: string[]; readonly tooltip: string[] } {
  const marks: string[] = [];
  const tooltip: string[] = [];
  if ('complete' in paper && !paper.complete) {
    marks.push(issue.cutOff ? vscode.l10n.t('paywalled') : vscode.l10n.t('no summary'));
    tooltip.push(
      issue.cutOff
        ? vscode.l10n.t('Only the start of this paper is here: the rest of the issue is behind the paywall.')
        : vscode.l10n.t('This copy of the issue has only the paper’s line in the contents, not its section.'),
    );
  }
  if ('arxivMatch' in paper && paper.arxivMatch) {
    if (paper.arxivId === null) tooltip.push(vscode.l10n.t('Not on arXiv (chosen by you).'));
    else tooltip.push(paper.arxivMatch.origin === 'reader' ? vscode.l10n.t('arXiv {0}, chosen by you.', paper.arxivId) : paper.arxivMatch.byAffiliation ? vscode.l10n.t('arXiv {0}, found on arXiv by its title and its authors’ affiliations.', paper.arxivId) : vscode.l10n.t('arXiv {0}, found on arXiv by its title.', paper.arxivId));
  } else if ('complete' in paper && paper.arxivId === null && !paper.complete) {
    tooltip.push(vscode.l10n.t('Not matched to arXiv yet.'));
  }
  return { marks, tooltip };
}

/** A click on a paper row shows its summary. */
export function showSummaryCommand(key: string): vscode.Command {
  return { command: Command.showSummary, title: vscode.l10n.t('Show Summary'), arguments: [key] };
}

/** What a screen reader says for a row: the label, then what the icon and marks show. */
export function paperAccessibilityLabel(title: string, description: string | null, status: ReadingStatus | null, hasNote: boolean): string {
  return [title, description, status ? statusLabel(status, vscode.l10n) : null, hasNote ? vscode.l10n.t('has a note') : null].filter((part) => !!part).join(', ');
}
