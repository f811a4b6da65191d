// A note over the store's bound is refused like any message that does not parse; unlike them, it
// is the reader's own typing, so the reader is told (once, until a note fits again) that it is
// not being saved. The text stays in the panel: nothing is cut.
import * as vscode from 'vscode';
import { MAX_NOTE_LENGTH, overlongNote } from './messages';

export class NoteLengthWarning {
  private shown = false;

  /** For a `setNote` refused only for its note's length: tells the reader (once) and returns true. */
  refused(message: unknown): boolean {
    const length = overlongNote(message);
    if (length === null) return false;
    if (!this.shown) {
      this.shown = true;
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'This note is {0} characters long, and a note is at most {1}, so your latest changes are not being saved. The text is still in the panel: shorten it, or keep the long text in a file of its own.',
          length,
          MAX_NOTE_LENGTH,
        ),
      );
    }
    return true;
  }

  /** A note that fits was received: the next one over the bound is told again. */
  accepted(): void {
    this.shown = false;
  }
}
