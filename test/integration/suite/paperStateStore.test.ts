// The store against the real workspace state (a Memento of the real extension host).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PaperStateStore } from '../../../src/storage/paperStateStore';
import { StorageKey } from '../../../src/constants';
import type { WeeklyPapersApi } from '../../../src/extension';

/** A real Memento, isolated from the extension's own keys by a prefix. */
class PrefixedMemento implements vscode.Memento {
  constructor(private readonly inner: vscode.Memento, private readonly prefix: string) {}
  keys(): readonly string[] {
    return this.inner.keys().filter((key) => key.startsWith(this.prefix)).map((key) => key.slice(this.prefix.length));
  }
  get<T>(key: string, defaultValue?: T): T | undefined {
    return this.inner.get<T>(this.prefix + key) ?? defaultValue;
  }
  update(key: string, value: unknown): Thenable<void> {
    return this.inner.update(this.prefix + key, value);
  }
}

const snapshot = { title: 'CLaRa', issueLabel: 'Vol.132 · Nov 24 – Nov 30, 2025', arxivId: '2511.18659' };

let testState: vscode.Memento;
const workspaceState = () => testState;

describe('notes and reading status (workspace state)', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension<WeeklyPapersApi>('weekly-papers.weekly-papers');
    assert.ok(extension);
    const api = await extension.activate();
    // The extension's store is backed by context.workspaceState; tests use that same state
    // through a prefix, so they never touch the reader's data.
    testState = new PrefixedMemento(api.store.memento, `test.${Date.now()}.`);
  });

  it('keeps a note and a status across a reload (a new store on the same state)', async () => {
    const memento = workspaceState();
    const first = new PaperStateStore(memento);
    await first.setNote('2511.18659', 'Compare with xRAG.', snapshot);
    await first.setStatus('2511.18659', 'reading', snapshot);
    first.dispose();
    const second = new PaperStateStore(memento);
    assert.equal(second.note('2511.18659'), 'Compare with xRAG.');
    assert.equal(second.status('2511.18659'), 'reading');
    assert.equal(second.get('2511.18659')?.title, 'CLaRa');
    second.dispose();
  });

  it('sets damaged entries aside, keeps the rest, and tells the reader once', async () => {
    const memento = workspaceState();
    const good = { status: 'read', note: 'good', updatedAt: '2026-01-01T00:00:00.000Z', ...snapshot };
    await memento.update(StorageKey.paperStates, { version: 1, papers: { ok: good, broken: { note: 7 } } });
    let told = 0;
    const store = new PaperStateStore(memento, () => told++);
    await store.flushed();
    assert.equal(store.note('ok'), 'good');
    const aside = memento.keys().filter((key) => key.startsWith(StorageKey.damagedPrefix));
    assert.equal(aside.length, 1);
    assert.deepEqual(memento.get(aside[0] as string), { broken: { note: 7 } });
    assert.equal(told, 1);

    // A later write keeps the good entry and never touches what was set aside.
    await store.setNote('ok', 'still good', snapshot);
    assert.deepEqual(memento.get(aside[0] as string), { broken: { note: 7 } });
    store.dispose();
    const again = new PaperStateStore(memento, () => told++);
    await again.flushed();
    assert.equal(again.note('ok'), 'still good');
    assert.equal(told, 1, 'the reader is told once');
    again.dispose();
  });

  it('forgets a paper whose note is cleared and status removed, and reports each change', async () => {
    const memento = workspaceState();
    const store = new PaperStateStore(memento);
    const changes: string[] = [];
    const listener = store.onDidChange((keys) => changes.push(...keys));
    await store.setNote('vol132:x', 'temp', snapshot);
    await store.setNote('vol132:x', '', snapshot);
    assert.equal(store.get('vol132:x'), undefined);
    assert.deepEqual(changes, ['vol132:x', 'vol132:x']);
    listener.dispose();
    store.dispose();
  });
});

describe('notes and reading status when storage fails', () => {
  /** A Memento whose next `failures` writes reject, like a full or broken storage. */
  class FailingMemento implements vscode.Memento {
    private readonly values = new Map<string, unknown>();
    constructor(public failures: number) {}
    keys(): readonly string[] {
      return [...this.values.keys()];
    }
    get<T>(key: string, defaultValue?: T): T | undefined {
      return (this.values.get(key) as T | undefined) ?? defaultValue;
    }
    update(key: string, value: unknown): Thenable<void> {
      if (this.failures > 0) {
        this.failures--;
        return Promise.reject(new Error('storage is full'));
      }
      this.values.set(key, value);
      return Promise.resolve();
    }
  }

  it('reports a failed write to its caller, and later writes still land', async () => {
    const memento = new FailingMemento(1);
    const store = new PaperStateStore(memento);
    await assert.rejects(store.setNote('k', 'first', snapshot), /storage is full/);
    await store.setNote('k', 'second', snapshot);
    await store.flushed();
    const again = new PaperStateStore(memento);
    assert.equal(again.note('k'), 'second');
    store.dispose();
    again.dispose();
  });

  it('never writes over stored values it could not set aside', async () => {
    const memento = new FailingMemento(0);
    await memento.update(StorageKey.paperStates, { version: 99, papers: { x: 'unreadable' } });
    memento.failures = 1; // the copy aside fails
    const store = new PaperStateStore(memento);
    await store.flushed();
    await assert.rejects(store.setNote('k', 'new', snapshot), /not set aside/);
    assert.deepEqual(memento.get(StorageKey.paperStates), { version: 99, papers: { x: 'unreadable' } });
    store.dispose();
  });
});
