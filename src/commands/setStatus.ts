import * as vscode from 'vscode';
import { Command } from '../constants';
import { ReadingStatus } from '../core/model/paperState';
import { STATUS_CODICONS, statusLabel } from '../util/statusLabel';
import { PaperCommand } from './paperCommand';
import type { PickOptions } from './paperPicker';
import { snapshotOf, type PaperTarget } from '../papers/paperTarget';

interface StatusItem extends vscode.QuickPickItem {
  readonly status: ReadingStatus | null;
}

/**
 * "Set Reading Status": To Read, Reading, Read or None. `(paper, status)` sets it without
 * asking (`status` a ReadingStatus, or null / "none" to clear it).
 */
export class SetStatusCommand extends PaperCommand {
  readonly id = Command.setStatus;

  protected pickOptions(): PickOptions {
    return { title: vscode.l10n.t('Set Reading Status') };
  }

  protected async run(target: PaperTarget, statusArg?: unknown): Promise<void> {
    const current = this.services.store.status(target.key);
    const given = statusFromArgument(statusArg);
    const status = given !== undefined ? given : await pickStatus(target.title, current);
    if (status === undefined) return;
    await this.services.store.setStatus(target.key, status, snapshotOf(target));
  }
}

/** The status an argument names; undefined when it names none (a tree passes its selection there). */
function statusFromArgument(arg: unknown): ReadingStatus | null | undefined {
  if (arg === null || arg === 'none') return null;
  const parsed = ReadingStatus.safeParse(arg);
  return parsed.success ? parsed.data : undefined;
}

async function pickStatus(title: string, current: ReadingStatus | null): Promise<ReadingStatus | null | undefined> {
  const currentMark = vscode.l10n.t('current');
  const items: StatusItem[] = [
    ...ReadingStatus.options.map((status) => ({
      status,
      label: `$(${STATUS_CODICONS[status]}) ${statusLabel(status, vscode.l10n)}`,
      description: status === current ? currentMark : undefined,
    })),
    { status: null, label: `$(circle-slash) ${vscode.l10n.t('None')}`, description: current === null ? currentMark : vscode.l10n.t('off the reading list') },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Set Reading Status'), placeHolder: vscode.l10n.t('Reading status of “{0}”', title) });
  return picked ? picked.status : undefined;
}
