// Notes and reading status in workspace state. Never loses a note: a value that does not
// validate is copied aside under its own key (never overwritten), once however often it is
// found, and the reader is told once.
import * as vscode from 'vscode';
import { appendToNote, asideKeyFor, isEmptyState, loadChoices, loadStates, mergeStates, saveStates, type ArxivChoice, type PaperState, type ReadingStatus } from '../core/model/paperState';
import { StorageKey } from '../constants';

/** What the store remembers about a paper besides the reader's own words. */
export type PaperSnapshot = Pick<PaperState, 'title' | 'issueLabel' | 'arxivId'>;

/** Text appended to the note of `key`; `id` counts appends, so an editor can tell which it has seen. */
export interface NoteAppended {
  readonly key: string;
  readonly text: string;
  readonly id: number;
}

export class PaperStateStore implements vscode.Disposable {
  private readonly states: Map<string, PaperState>;
  /** The reader's arXiv matches, by slot (see ArxivChoice). */
  private readonly choices: Map<string, ArxivChoice>;
  private readonly choiceEmitter = new vscode.EventEmitter<readonly string[]>();
  /** Fires with the slots whose choice changed. */
  readonly onDidChangeChoice = this.choiceEmitter.event;
  private readonly changeEmitter = new vscode.EventEmitter<readonly string[]>();
  /** Fires with the keys whose state changed. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly appendEmitter = new vscode.EventEmitter<NoteAppended>();
  /**
   * Fires, before onDidChange, when text was appended to a note (a language-model tool): an
   * editor holding an unsaved draft of that note (the summary panel) adds the text to its draft,
   * so its next save keeps both.
   */
  readonly onDidAppendNote = this.appendEmitter.event;
  private appendCount = 0;
  /** Set when damaged stored values could not be copied aside: nothing is written over them. */
  private asideFailed = false;
  /** Writes are chained so they land in order. */
  private writing: Thenable<void> = Promise.resolve();
  /**
   * Keys whose state moved (see `move`), to where: a note still being typed under the old key
   * (the panel, an open note editor) lands on the new one, never beside it.
   */
  private readonly moved = new Map<string, string>();

  /** Loads synchronously from workspace state; damaged values are set aside first. */
  constructor(readonly memento: vscode.Memento, onDamaged: (count: number) => void = () => undefined) {
    const raw = memento.get(StorageKey.paperStates);
    const loaded = loadStates(raw);
    this.states = loaded.states;
    this.choices = loaded.damaged?.['*'] === undefined ? loadChoices(raw) : new Map<string, ArxivChoice>();
    if (loaded.damaged) {
      const prefix = StorageKey.damagedPrefix;
      const kept = new Map(memento.keys().filter((key) => key.startsWith(prefix)).map((key) => [key, memento.get<unknown>(key)]));
      const asideKey = asideKeyFor(loaded.damaged, kept, prefix, new Date());
      // Kept aside first (unless an earlier start already did); only then may the good entries be written back.
      const setAside = asideKey === null ? Promise.resolve() : memento.update(asideKey, loaded.damaged);
      this.writing = Promise.resolve(setAside).then(
        () => {
          if (!memento.get<boolean>(StorageKey.toldAboutDamage)) {
            onDamaged(Object.keys(loaded.damaged ?? {}).length);
            return memento.update(StorageKey.toldAboutDamage, true);
          }
          return undefined;
        },
        () => {
          // Not kept aside: then the stored value must not be overwritten either.
          this.asideFailed = true;
        },
      );
    }
  }

  dispose(): void {
    this.changeEmitter.dispose();
    this.choiceEmitter.dispose();
    this.appendEmitter.dispose();
  }

  /** The reader's choice of arXiv record for the paper in this slot, if they made one. */
  choice(slot: string): ArxivChoice | undefined {
    return this.choices.get(slot);
  }

  /** Keeps (or, with undefined, forgets) the reader's choice for a slot; written like a note. */
  setChoice(slot: string, choice: Omit<ArxivChoice, 'at'> | undefined): Promise<void> {
    if (choice === undefined) this.choices.delete(slot);
    else this.choices.set(slot, { ...choice, at: new Date().toISOString() });
    this.choiceEmitter.fire([slot]);
    return this.persist([]);
  }

  get(key: string): PaperState | undefined {
    return this.states.get(this.currentKey(key));
  }

  /** Where the state once kept under `key` is now (itself, unless it was moved this session). */
  currentKey(key: string): string {
    let current = key;
    // A chain of moves is short; the bound guards against a cycle all the same.
    for (let hops = 0; hops < 16; hops++) {
      const next = this.moved.get(current);
      if (next === undefined) return current;
      current = next;
    }
    return current;
  }

  /**
   * Moves states to the keys their papers have now (a paper known by its contents line got its
   * arXiv id): where the new key already has a state, the two are merged (mergeStates), so no
   * note is lost and none is kept twice. One write for all; returns the keys that moved.
   */
  move(moves: ReadonlyArray<{ readonly from: string; readonly to: string }>): Promise<readonly string[]> {
    const changed: string[] = [];
    for (const { from, to } of moves) {
      const state = this.states.get(from);
      if (from === to || state === undefined) continue;
      const existing = this.states.get(to);
      this.states.set(to, existing ? mergeStates(existing, state) : state);
      this.states.delete(from);
      this.moved.delete(to);
      this.moved.set(from, to);
      changed.push(from, to);
    }
    if (changed.length === 0) return Promise.resolve([]);
    return this.persist(changed).then(() => changed);
  }

  all(): ReadonlyMap<string, PaperState> {
    return this.states;
  }

  status(key: string): ReadingStatus | null {
    return this.get(key)?.status ?? null;
  }

  note(key: string): string {
    return this.get(key)?.note ?? '';
  }

  setStatus(key: string, status: ReadingStatus | null, snapshot: PaperSnapshot): Promise<void> {
    return this.update(key, snapshot, (state) => ({ ...state, status }));
  }

  setNote(key: string, note: string, snapshot: PaperSnapshot): Promise<void> {
    return this.update(key, snapshot, (state) => ({ ...state, note }));
  }

  /**
   * Adds `text` at the end of the note (after a blank line), keeping all there is: the one way a
   * note is added to rather than replaced. Resolves to the note as it is now.
   */
  async appendNote(key: string, text: string, snapshot: PaperSnapshot): Promise<string> {
    let appended = '';
    const write = this.update(key, snapshot, (state) => {
      appended = appendToNote(state.note, text);
      return { ...state, note: appended };
    }, () => this.appendEmitter.fire({ key: this.currentKey(key), text, id: ++this.appendCount }));
    await write;
    return appended;
  }

  /** Replaces several states at once (Import Notes); returns how many changed. */
  async merge(entries: ReadonlyMap<string, PaperState>): Promise<number> {
    const changed: string[] = [];
    for (const [key, state] of entries) {
      const current = this.states.get(key);
      if (current && current.note === state.note && current.status === state.status) continue;
      this.states.set(key, state);
      changed.push(key);
    }
    if (changed.length > 0) await this.persist(changed);
    return changed.length;
  }

  /** Settles when every write so far has reached storage. */
  flushed(): Thenable<void> {
    return this.writing;
  }

  private update(requestedKey: string, snapshot: PaperSnapshot, change: (state: PaperState) => PaperState, beforeChangeEvent?: () => void): Promise<void> {
    const key = this.currentKey(requestedKey);
    const current = this.states.get(key) ?? { status: null, note: '', updatedAt: '', ...snapshot };
    const next = { ...change({ ...current, ...snapshot }), updatedAt: new Date().toISOString() };
    if (isEmptyState(next)) this.states.delete(key);
    else this.states.set(key, next);
    beforeChangeEvent?.();
    return this.persist([key]);
  }

  private persist(keys: readonly string[]): Promise<void> {
    const value = saveStates(this.states, this.choices);
    const doWrite = () =>
      this.asideFailed
        ? Promise.reject(new Error('stored notes that could not be read were not set aside, so they are not overwritten'))
        : this.memento.update(StorageKey.paperStates, value);
    // Each write runs after the one before, whether that one succeeded or not: one failed write
    // must not stop every later one. The caller hears about its own failure.
    const write = Promise.resolve(this.writing).then(doWrite, doWrite);
    this.writing = write.then(undefined, () => undefined);
    this.changeEmitter.fire(keys);
    return write;
  }
}
