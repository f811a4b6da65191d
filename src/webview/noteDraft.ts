// The note the reader is typing in the summary panel, until it is in workspace state. The page
// sends the whole note with each edit: it is written once the reader pauses, at once when the
// page asks (the textarea lost focus), and whenever the panel hides, moves to another paper or
// closes. A save that fails keeps the text (it is saved again with the next edit or flush) and is
// reported to the reader by the draft itself, so no caller can drop the failure.
// No vscode import: plain mocha tests it with a hand-driven timer and store.
import { appendToNote } from '../core/model/noteAndStatus';

/** How long the reader may pause typing before the note is written to workspace state. */
export const NOTE_SAVE_DELAY_MS = 400;

/** The note as the page last sent it: `seq` numbers the page's edits. */
export interface DraftNote {
  readonly key: string;
  readonly note: string;
  readonly seq: number;
}

/** setTimeout and clearTimeout, unless a test drives the clock. */
export interface DraftTimer {
  set(action: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

const REAL_TIMER: DraftTimer = {
  set: (action, delayMs) => setTimeout(action, delayMs),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface NoteDraftOptions {
  /** Writes the note to workspace state (if it is not there already). */
  readonly save: (draft: DraftNote) => Promise<void>;
  /** The draft is in workspace state: tell the page. Must not reject. */
  readonly saved: (draft: DraftNote) => Promise<void>;
  /** A save failed (the draft is kept): tell the reader. */
  readonly failed: (error: unknown) => void;
  readonly timer?: DraftTimer;
  readonly delayMs?: number;
}

export class NoteDraft {
  private draft: DraftNote | undefined;
  private timer: unknown;
  /** Saves run one after another, so an older text never lands after a newer one. */
  private saving: Promise<void> = Promise.resolve();
  private readonly clock: DraftTimer;

  constructor(private readonly options: NoteDraftOptions) {
    this.clock = options.timer ?? REAL_TIMER;
  }

  /** The note being typed for `key`, if it is not saved yet. */
  noteOf(key: string): string | undefined {
    return this.draft?.key === key ? this.draft.note : undefined;
  }

  /** The key of the paper whose note is not saved yet. */
  get key(): string | undefined {
    return this.draft?.key;
  }

  /** A new text from the page: saved after a pause in typing, or now when `flush` says so. */
  async edit(draft: DraftNote, flush: boolean): Promise<void> {
    this.draft = draft;
    this.clearTimer();
    if (flush) {
      await this.flush();
    } else {
      this.timer = this.clock.set(() => {
        this.timer = undefined;
        void this.flush();
      }, this.options.delayMs ?? NOTE_SAVE_DELAY_MS);
    }
  }

  /** The paper got a new key (its arXiv id): its draft follows it. */
  rekey(from: string, to: string): void {
    if (this.draft?.key === from) this.draft = { ...this.draft, key: to };
  }

  /** Text appended to the note elsewhere joins a draft of it (whose save must not drop it). */
  append(key: string, text: string): void {
    if (this.draft?.key === key) this.draft = { ...this.draft, note: appendToNote(this.draft.note, text) };
  }

  /**
   * Saves the draft now, after any save under way. Never rejects: a failure is reported to the
   * reader through `failed`, and the text is kept for the next try.
   */
  flush(): Promise<void> {
    this.clearTimer();
    this.saving = this.saving.then(() => this.saveNow());
    return this.saving;
  }

  /** Stops the timer and saves what is left (the panel closes, the extension stops). */
  dispose(): Promise<void> {
    return this.flush();
  }

  private async saveNow(): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    this.draft = undefined;
    try {
      await this.options.save(draft);
    } catch (error) {
      // Kept to save again with the next keystroke or flush, unless the reader typed on meanwhile.
      this.draft ??= draft;
      this.options.failed(error);
      return;
    }
    await this.options.saved(draft);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.clock.clear(this.timer);
    this.timer = undefined;
  }
}
