import * as vscode from 'vscode';
import { Command } from '../constants';
import type { WeeklyPapersCommand } from './commandManager';
import { pickPaper } from './paperPicker';
import type { CommandServices } from './services';

/** "Open Paper…": find any paper by the words you remember, and show its summary. */
export class OpenPaperCommand implements WeeklyPapersCommand {
  readonly id = Command.openPaper;

  constructor(private readonly services: CommandServices) {}

  async execute(): Promise<void> {
    const target = await pickPaper(this.services, { title: vscode.l10n.t('Open Paper') });
    if (target) await vscode.commands.executeCommand(Command.showSummary, target.key);
  }
}
