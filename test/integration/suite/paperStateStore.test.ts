// The store against the real workspace state (a Memento of the real extension host).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PaperStateStore } from '../../../src/storage/paperStateStore';
import { StorageKey } from '../../../src/constants';
import type { WeeklyPapersTestApi } from '../../../src/extension';

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
let realState: vscode.Memento;
const workspaceState = () => testState;
/** A state of its own for one test, for counting keys that other tests also write. */
const freshState = (name: string) => new PrefixedMemento(realState, `test.${Date.now()}.${name}.`);

describe('notes and reading status (workspace state)', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension<WeeklyPapersTestApi>('weekly-papers.weekly-papers');
    assert.ok(extension);
    const api = await extension.activate();
    // The extension's store is backed by context.workspaceState; tests use that same state
    // through a prefix, so they never touch the reader's data.
    realState = api.store.memento;
    testState = new PrefixedMemento(realState, `test.${Date.now()}.`);
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

  it('sets a damaged value aside once, however many times it is loaded', async () => {
    const memento = freshState('aside-once');
    const good = { status: 'read', note: 'good', updatedAt: '2026-01-01T00:00:00.000Z', ...snapshot };
    // 200 KB that cannot be read, and no change to save: the value stays as it is across starts.
    const broken = { note: 7, padding: 'x'.repeat(200_000) };
    await memento.update(StorageKey.paperStates, { version: 1, papers: { ok: good, broken } });
    const aside = () => memento.keys().filter((key) => key.startsWith(StorageKey.damagedPrefix));
    let told = 0;
    for (let start = 0; start < 5; start++) {
      const store = new PaperStateStore(memento, () => told++);
      await store.flushed();
      assert.equal(store.note('ok'), 'good');
      store.dispose();
      // Starts are apart in time: copies named by the time would each get a name of their own.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    assert.equal(aside().length, 1, `copies: ${aside().join(', ')}`);
    assert.deepEqual(memento.get(aside()[0] as string), { broken });
    assert.equal(told, 1);

    // Another damaged value is another copy, also once.
    await memento.update(StorageKey.paperStates, { version: 1, papers: { ok: good, other: { note: 8 } } });
    for (let start = 0; start < 3; start++) {
      const store = new PaperStateStore(memento, () => told++);
      await store.flushed();
      store.dispose();
    }
    assert.equal(aside().length, 2, `copies: ${aside().join(', ')}`);
    assert.ok(aside().some((key) => JSON.stringify(memento.get(key)) === JSON.stringify({ other: { note: 8 } })));
  });

  it('keeps a note under __proto__ across a reload, also through the JSON workspace state is saved as', async () => {
    const memento = freshState('proto');
    const first = new PaperStateStore(memento);
    await first.setNote('__proto__', 'under __proto__', snapshot);
    await first.setNote('constructor', 'under constructor', snapshot);
    first.dispose();
    const second = new PaperStateStore(memento);
    assert.equal(second.note('__proto__'), 'under __proto__');
    assert.equal(second.note('constructor'), 'under constructor');
    second.dispose();
    // What a new window reads: the value after a trip through JSON.
    await memento.update(StorageKey.paperStates, JSON.parse(JSON.stringify(memento.get(StorageKey.paperStates))));
    const third = new PaperStateStore(memento);
    assert.equal(third.note('__proto__'), 'under __proto__');
    assert.deepEqual(memento.keys().filter((key) => key.startsWith(StorageKey.damagedPrefix)), [], 'nothing was taken for damaged');
    third.dispose();
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
