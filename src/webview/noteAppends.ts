// Text appended to the note on show (a language-model tool) that the panel's page may not have
// yet. The page keeps what the reader is typing and sends it whole, so a draft it sent before it
// heard of an append lacks the appended text: the text is added back to such a draft, and
// forgotten once the page says it has it (each draft names the last append the page applied).
import { appendToNote } from '../core/model/paperState';
import type { NoteAppended } from '../storage/paperStateStore';

export class NoteAppends {
  private unseen: NoteAppended[] = [];

  /** An append to `key`'s note the page has not applied yet. */
  add(append: NoteAppended): void {
    this.unseen.push(append);
  }

  /** The page on show was rebuilt (its HTML holds the note as it is now): it has seen them all. */
  clear(): void {
    this.unseen = [];
  }

  /**
   * The draft the page sent, with every append it had not applied when it sent it (`seen`: the
   * id of the last one it had) added back, unless the draft already holds that text.
   */
  complete(key: string, draft: string, seen: number | undefined): string {
    this.unseen = this.unseen.filter((append) => append.id > (seen ?? 0));
    let note = draft;
    for (const append of this.unseen) if (append.key === key && !note.includes(append.text)) note = appendToNote(note, append.text);
    return note;
  }
}
