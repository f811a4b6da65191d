// The reader's note in the summary panel, on the extension's side: the draft being typed (a
// NoteDraft, saved after a pause, on blur, on hide, before another paper is shown and on close),
// written to the store with what the store keeps of the paper, a failed save told to the reader,
// and text appended elsewhere (a language-model tool) joined to the draft and to the page.
import * as vscode from 'vscode';
import type { NoteAppended, PaperStateStore } from '../storage/paperStateStore';
import type { ExtensionMessage } from './messages';
import { NoteAppends } from './noteAppends';
import { NoteDraft, type DraftNote } from './noteDraft';
import type { PanelSections } from './panelSections';

export interface PanelNoteOptions {
  readonly store: PaperStateStore;
  readonly sections: PanelSections;
  readonly log: vscode.LogOutputChannel;
  /** The key of the paper on show; undefined when the panel is closed. */
  readonly shownKey: () => string | undefined;
  /** Never rejects. */
  readonly post: (message: ExtensionMessage) => Promise<void>;
}

export class PanelNote implements vscode.Disposable {
  readonly draft: NoteDraft;
  /** Appends (a language-model tool) to the note on show that its page may not have yet. */
  readonly appends = new NoteAppends();

  constructor(private readonly options: PanelNoteOptions) {
    this.draft = new NoteDraft({ save: (draft) => this.save(draft), saved: (draft) => this.saved(draft), failed: (error) => this.failed(error) });
  }

  /** Saves what is left of the draft; a failure is reported to the reader. */
  dispose(): void {
    void this.draft.dispose();
  }

  /** The note as the reader last typed it, saved or not. */
  current(key: string): string {
    return this.draft.noteOf(key) ?? this.options.store.note(key);
  }

  /**
   * Text was appended to the note of `append.key`. A draft of it not saved yet gets the text too
   * (its save must not drop it); the page on show (`shownKey`, asked after that) adds it to what
   * the reader is typing, or shows the note with it.
   */
  appended(append: NoteAppended, shownKey: () => string | undefined): void {
    const drafted = this.draft.key;
    if (drafted !== undefined && this.options.sections.resolve(drafted) === append.key) this.draft.append(drafted, append.text);
    if (shownKey() !== append.key) return;
    this.appends.add(append);
    void this.options.post({ type: 'noteAppended', id: append.id, text: append.text, note: this.current(append.key) });
  }

  private async save(draft: DraftNote): Promise<void> {
    const store = this.options.store;
    if (store.note(draft.key) !== draft.note) await store.setNote(draft.key, draft.note, this.options.sections.snapshot(draft.key));
  }

  private async saved(draft: DraftNote): Promise<void> {
    if (draft.key === this.options.shownKey()) await this.options.post({ type: 'noteSaved', seq: draft.seq });
  }

  private failed(error: unknown): void {
    this.options.log.error(`Summary panel: saving the note failed: ${String(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Weekly Papers could not save your note; it is kept in the panel and will be saved with your next change.'));
  }
}
