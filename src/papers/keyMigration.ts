// Notes and statuses follow their paper to its new key: a paper listed from its contents line
// (keyed `vol132:#2`) gets an arXiv id from a match, from the full issue arriving, or from the
// reader, and what the reader wrote moves with it. Run after every burst of library changes.
import * as vscode from 'vscode';
import type { IssueLibrary } from '../core/model/library';
import { planKeyMoves } from '../core/model/paperIdentity';
import type { PaperStateStore } from '../storage/paperStateStore';
import { Debouncer } from '../util/coalesce';

export class PaperKeyMigration implements vscode.Disposable {
  /** Once the library is quiet: each run looks up every stored key in the whole library. */
  private readonly coalescer = new Debouncer(() => void this.run(), 100);
  private readonly stopListening: () => void;
  private readonly migratedEmitter = new vscode.EventEmitter<readonly string[]>();
  /** Fires with the keys moved from and to, after each move has been written. */
  readonly onDidMigrate = this.migratedEmitter.event;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly library: IssueLibrary,
    private readonly store: PaperStateStore,
    private readonly log?: vscode.LogOutputChannel,
  ) {
    this.stopListening = library.onDidChange(() => this.coalescer.schedule());
    this.coalescer.schedule();
  }

  dispose(): void {
    this.stopListening();
    this.coalescer.dispose();
    this.migratedEmitter.dispose();
  }

  /** Moves every state whose paper has a new key; settles when the move is stored. */
  run(): Promise<void> {
    this.running = this.running.then(async () => {
      // Nothing stored, nothing to move: a library loading its issues does not build the index for this.
      if (this.store.all().size === 0) return;
      const index = this.library.paperIndex();
      const moves = planKeyMoves(this.store.all().keys(), (key) => this.library.currentKey(key), (key) => index.has(key));
      if (moves.length === 0) return;
      try {
        const moved = await this.store.move(moves);
        this.log?.info(`Moved notes to their papers' new keys: ${moves.map(({ from, to }) => `${from} → ${to}`).join(', ')}`);
        this.migratedEmitter.fire(moved);
      } catch (error) {
        // The states are moved in memory and shown under their new keys; the write is retried with the next change.
        this.log?.error(`Could not store notes moved to their papers' new keys: ${String(error)}`);
      }
    });
    return this.running;
  }
}
