import * as vscode from 'vscode';
import { Command } from '../constants';
import type { WeeklyPapersCommand } from './commandManager';
import type { CommandServices } from './services';
import { showUntilHidden } from './quickInput';

/**
 * "Filter Papers…": the Issues view shows only papers with every word typed (title,
 * organisation or summary), live as you type; Escape puts back the filter there was.
 * `(text)` sets the filter without asking.
 */
export class FilterCommand implements WeeklyPapersCommand {
  readonly id = Command.filter;

  constructor(private readonly services: CommandServices) {}

  async execute(text?: unknown): Promise<void> {
    const { issues } = this.services;
    if (typeof text === 'string') {
      issues.setFilter(text);
      return;
    }
    const before = issues.filter;
    const input = vscode.window.createInputBox();
    input.title = vscode.l10n.t('Filter Papers');
    input.value = before;
    input.placeholder = vscode.l10n.t('Words of the title, organisation or summary, e.g. "rerank LLM"; has:code for papers with code');
    input.prompt = vscode.l10n.t('Enter keeps the filter; Escape puts back the one there was.');
    const accepted = await showUntilHidden<true>(input, (choose) => [
      input.onDidChangeValue((value) => issues.setFilter(value)),
      input.onDidAccept(() => choose(true)),
    ]);
    if (!accepted) issues.setFilter(before);
  }
}

/** "Clear Filter": the Issues view shows every paper again. */
export class ClearFilterCommand implements WeeklyPapersCommand {
  readonly id = Command.clearFilter;

  constructor(private readonly services: CommandServices) {}

  execute(): void {
    this.services.issues.setFilter('');
  }
}
