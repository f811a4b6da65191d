// A reading status as the reader sees it, in the display language and with its codicon: in the
// trees, the quick picks and the summary panel. It takes `vscode.l10n` as an argument (the import is for its type only),
// so the summary page, which the unit tests build in plain Node, uses it too.
import type * as vscode from 'vscode';
import type { ReadingStatus } from '../core/model/paperState';

export function statusLabel(status: ReadingStatus, l10n: Pick<typeof vscode.l10n, 't'>): string {
  switch (status) {
    case 'toRead':
      return l10n.t('To Read');
    case 'reading':
      return l10n.t('Reading');
    case 'read':
      return l10n.t('Read');
  }
}

/** The codicon of each status, the same wherever a status is shown. */
export const STATUS_CODICONS: Readonly<Record<ReadingStatus, string>> = {
  toRead: 'bookmark',
  reading: 'eye',
  read: 'pass-filled',
};
