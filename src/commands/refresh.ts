import * as vscode from 'vscode';
import { Command, View } from '../constants';
import type { WeeklyPapersCommand } from './commandManager';
import type { CommandServices } from './services';

/**
 * "Refresh": every source reads its issues again, with progress shown on the Issues view, and
 * papers whose search of arXiv failed are searched again now.
 */
export class RefreshCommand implements WeeklyPapersCommand {
  readonly id = Command.refresh;

  constructor(private readonly services: CommandServices) {}

  async execute(): Promise<void> {
    this.services.matcher?.retryNow();
    await vscode.window.withProgress({ location: { viewId: View.issues } }, () =>
      Promise.all(this.services.sources.map((source) => source.refresh())),
    );
  }
}
