import * as vscode from 'vscode';
import { Command } from '../constants';
import { PaperCommand } from './paperCommand';
import type { PickOptions } from './paperPicker';
import { showUntilHidden } from './quickInput';
import { snapshotOf, type PaperTarget } from '../papers/paperTarget';

/**
 * "Edit Note". A short note is typed in an input box (prefilled, Enter saves, empty removes
 * it); its button moves what was typed into an editor for a longer note. A note that already
 * has several lines opens straight in the editor, since an input box would flatten it.
 * `(paper, text)` sets the note without asking.
 */
export class EditNoteCommand extends PaperCommand {
  readonly id = Command.editNote;

  protected pickOptions(): PickOptions {
    return { title: vscode.l10n.t('Edit Note') };
  }

  protected async run(target: PaperTarget, text?: unknown): Promise<void> {
    if (typeof text === 'string') {
      await this.services.store.setNote(target.key, text, snapshotOf(target));
      return;
    }
    const current = this.services.store.note(target.key);
    if (current.includes('\n')) {
      await this.services.notes.open(target);
      return;
    }
    const typed = await askForNote(target, current);
    if (typed === undefined) return;
    if (typed.inEditor) await this.services.notes.open(target, typed.text);
    else await this.services.store.setNote(target.key, typed.text, snapshotOf(target));
  }
}

function askForNote(target: PaperTarget, current: string): Promise<{ text: string; inEditor: boolean } | undefined> {
  const input = vscode.window.createInputBox();
  input.title = vscode.l10n.t('Note: {0}', target.title);
  input.value = current;
  input.prompt = vscode.l10n.t('Enter saves the note; an empty note is removed. For several lines, use the editor button.');
  input.placeholder = vscode.l10n.t('Your thoughts on this paper');
  input.buttons = [{ iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: vscode.l10n.t('Write a longer note in an editor (save to keep it)') }];
  return showUntilHidden<{ text: string; inEditor: boolean }>(input, (choose) => [
    input.onDidAccept(() => choose({ text: input.value, inEditor: false })),
    input.onDidTriggerButton(() => choose({ text: input.value, inEditor: true })),
  ]);
}
