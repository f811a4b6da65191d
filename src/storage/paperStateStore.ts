// Notes and reading status in workspace state. Never loses a note: a value that does not
// validate is copied aside under its own key (never overwritten), once however often it is
// found, and the reader is told once.
import * as vscode from 'vscode';
import { asideKeyFor, isEmptyState, loadStates, saveStates, type PaperState, type ReadingStatus } from '../core/paperState';
import { StorageKey } from '../constants';

/** What the store remembers about a paper besides the reader's own words. */
export type PaperSnapshot = Pick<PaperState, 'title' | 'issueLabel' | 'arxivId'>;

export class PaperStateStore implements vscode.Disposable {
  private readonly states: Map<string, PaperState>;
  private readonly changeEmitter = new vscode.EventEmitter<readonly string[]>();
  /** Fires with the keys whose state changed. */
  readonly onDidChange = this.changeEmitter.event;
  /** Set when damaged stored values could not be copied aside: nothing is written over them. */
  private asideFailed = false;
  /** Writes are chained so they land in order. */
  private writing: Thenable<void> = Promise.resolve();

  /** Loads synchronously from workspace state; damaged values are set aside first. */
  constructor(readonly memento: vscode.Memento, onDamaged: (count: number) => void = () => undefined) {
    const loaded = loadStates(memento.get(StorageKey.paperStates));
    this.states = loaded.states;
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
  }

  get(key: string): PaperState | undefined {
    return this.states.get(key);
  }

  all(): ReadonlyMap<string, PaperState> {
    return this.states;
  }

  status(key: string): ReadingStatus | null {
    return this.states.get(key)?.status ?? null;
  }

  note(key: string): string {
    return this.states.get(key)?.note ?? '';
  }

  setStatus(key: string, status: ReadingStatus | null, snapshot: PaperSnapshot): Promise<void> {
    return this.update(key, snapshot, (state) => ({ ...state, status }));
  }

  setNote(key: string, note: string, snapshot: PaperSnapshot): Promise<void> {
    return this.update(key, snapshot, (state) => ({ ...state, note }));
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

  private update(key: string, snapshot: PaperSnapshot, change: (state: PaperState) => PaperState): Promise<void> {
    const current = this.states.get(key) ?? { status: null, note: '', updatedAt: '', ...snapshot };
    const next = { ...change({ ...current, ...snapshot }), updatedAt: new Date().toISOString() };
    if (isEmptyState(next)) this.states.delete(key);
    else this.states.set(key, next);
    return this.persist([key]);
  }

  private persist(keys: readonly string[]): Promise<void> {
    const value = saveStates(this.states);
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
