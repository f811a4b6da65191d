// What the reader is asked before a tool changes their data: the paper, and exactly what will
// change (old -> new status; the text to be appended). Markdown, every newsletter or model text
// escaped or fenced. The vscode import is for types only: unit tests build these in plain Node.
import type * as vscode from 'vscode';
import { markdownFence, markdownLine } from '../core/chat/markdown';
import type { ReadingStatus } from '../core/model/paperState';
import { statusLabel } from '../util/statusLabel';

export type L10n = Pick<typeof vscode.l10n, 't'>;

export interface Confirmation {
  readonly title: string;
  /** Markdown. */
  readonly message: string;
}

function statusName(status: ReadingStatus | null, l10n: L10n): string {
  return status === null ? l10n.t('None') : statusLabel(status, l10n);
}

export function statusConfirmation(title: string, from: ReadingStatus | null, to: ReadingStatus | null, l10n: L10n): Confirmation {
  return {
    title: l10n.t('Set Reading Status'),
    message: [l10n.t('Change the reading status of this paper?'), '', `**${markdownLine(title)}**`, '', `${statusName(from, l10n)} → **${statusName(to, l10n)}**`].join('\n'),
  };
}

export function appendConfirmation(title: string, text: string, hasNote: boolean, l10n: L10n): Confirmation {
  return {
    title: l10n.t('Add to Note'),
    message: [
      hasNote ? l10n.t('Add this text at the end of your note on this paper? The note’s text stays as it is.') : l10n.t('Start your note on this paper with this text?'),
      '',
      `**${markdownLine(title)}**`,
      '',
      markdownFence(text),
    ].join('\n'),
  };
}
