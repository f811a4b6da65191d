// What `@papers` answers without a language model (and for /week, /search, /notes): Markdown in
// the reader's language, every newsletter or note text escaped, each paper a link that opens its
// summary panel. The vscode import is for types only: unit tests build the answers in plain Node.
import type * as vscode from 'vscode';
import { Command } from '../constants';
import { markdownLine, paperLink } from '../core/chat/markdown';
import { TOOL_LIMITS } from '../core/chat/toolInput';
import type { IssueFacts, PaperFacts } from '../core/chat/toolText';
import { statusLabel } from '../util/statusLabel';

export type L10n = Pick<typeof vscode.l10n, 't'>;

/** The one command the answers' links run (and the only one their Markdown may run). */
export const PANEL_COMMAND = Command.showSummary;

/** A paper with the start of the reader's note, for /notes. */
export interface NotedPaper extends PaperFacts {
  readonly note: string;
}

function paperItem(paper: PaperFacts, l10n: L10n, showIssue: boolean): string {
  const details = [
    paper.org ? markdownLine(paper.org, 120) : null,
    showIssue ? (paper.issueLabel ? markdownLine(paper.issueLabel, 80) : l10n.t('issue no longer available')) : null,
    paper.status ? statusLabel(paper.status, l10n) : null,
    paper.hasNote ? l10n.t('note') : null,
  ].filter((part): part is string => part !== null);
  return `${paperLink(paper.title, paper.key, PANEL_COMMAND)}${details.length > 0 ? ` — ${details.join(' · ')}` : ''}`;
}

/** /week: the newest issue's papers, in the issue's order. */
export function weekAnswer(issue: IssueFacts | undefined, l10n: L10n): string {
  if (!issue) return l10n.t('Weekly Papers has no issues yet: open a folder with newsletter issues, or import one.');
  const read = issue.papers.filter((paper) => paper.status === 'read').length;
  const lines = [
    `**${markdownLine(issue.label, 120)}** — ${l10n.t('{0} papers, {1} read', issue.papers.length, read)}`,
    '',
    ...issue.papers.map((paper, index) => `${index + 1}. ${paperItem(paper, l10n, false)}`),
  ];
  if (!issue.complete) lines.push('', l10n.t('This issue is cut off (paywalled): some papers are known only by their contents line.'));
  if (issue.extras.length > 0) lines.push('', `**${l10n.t('Extras')}**`, '', ...issue.extras.map((paper) => `- ${paperItem(paper, l10n, false)}`));
  return lines.join('\n');
}

/** /search: the first papers that match, and how many more there were. */
export function searchAnswer(query: string, papers: readonly PaperFacts[], total: number, l10n: L10n): string {
  if (query.trim() === '') return l10n.t('Type words to search for after /search, e.g. `/search reranking`.');
  if (total === 0) return l10n.t('No paper matches “{0}”. Every word must appear in a title, organisation, issue or summary.', markdownLine(query, 100));
  const lines = [l10n.t('{0} papers match “{1}”:', total, markdownLine(query, 100)), '', ...papers.map((paper, index) => `${index + 1}. ${paperItem(paper, l10n, true)}`)];
  if (total > papers.length) lines.push('', l10n.t('…and {0} more: add words to narrow the search.', total - papers.length));
  return lines.join('\n');
}

/** /notes: the papers with notes, newest change first, each with the start of its note. */
export function notesAnswer(papers: readonly NotedPaper[], total: number, l10n: L10n): string {
  if (total === 0) return l10n.t('You have no notes yet. Write one in a paper’s summary panel, or with Edit Note.');
  const lines = [l10n.t('{0} papers have notes:', total), ''];
  for (const paper of papers) lines.push(`- ${paperItem(paper, l10n, true)}`, `  > ${markdownLine(paper.note, 200)}`);
  if (total > papers.length) lines.push('', l10n.t('…and {0} more: Export Notes writes them all to a file.', total - papers.length));
  return lines.join('\n');
}

/** What `@papers` says to a question it cannot answer without a language model. */
export function noModelPreface(l10n: L10n): string {
  return l10n.t('No language model is available to answer in words, so here are the papers that match your question. Try /week, /search or /notes.');
}

/** The part of a prompt `@papers` reads: its first TOOL_LIMITS.query characters (never half of one), and whether that cut it. */
export function readPrompt(prompt: string): { readonly text: string; readonly cut: boolean } {
  const trimmed = prompt.trim();
  if (trimmed.length <= TOOL_LIMITS.query) return { text: trimmed, cut: false };
  const start = trimmed.slice(0, TOOL_LIMITS.query);
  return { text: (/[\uD800-\uDBFF]$/.test(start) ? start.slice(0, -1) : start).trimEnd(), cut: true };
}

/** What `@papers` says first when it read only the start of a question. */
export function promptCutNotice(l10n: L10n): string {
  return l10n.t('Only the first {0} characters of your question were used.', TOOL_LIMITS.query);
}
