// The summary panel's note draft in plain Node: a hand-driven timer and a store that can fail.
import * as assert from 'node:assert/strict';
import { NOTE_SAVE_DELAY_MS, NoteDraft, type DraftNote, type DraftTimer } from '../../src/webview/noteDraft';

/** A timer that fires only when the test says so. */
class HandTimer implements DraftTimer {
  private next = 1;
  readonly pending = new Map<number, { action: () => void; delayMs: number }>();
  set(action: () => void, delayMs: number): unknown {
    const handle = this.next++;
    this.pending.set(handle, { action, delayMs });
    return handle;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  fire(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const { action } of due) action();
  }
}

/** Lets every promise already resolved run its continuations. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function setup() {
  const timer = new HandTimer();
  const stored = new Map<string, string>();
  const saved: DraftNote[] = [];
  const failures: unknown[] = [];
  let failNext = 0;
  const draft = new NoteDraft({
    save: (note) => {
      if (failNext > 0) {
        failNext--;
        return Promise.reject(new Error('workspace state refused the write'));
      }
      stored.set(note.key, note.note);
      return Promise.resolve();
    },
    saved: (note) => {
      saved.push(note);
      return Promise.resolve();
    },
    failed: (error) => failures.push(error),
    timer,
  });
  return { draft, timer, stored, saved, failures, failOnce: () => (failNext = 1) };
}

describe('note draft', () => {
  it('waits for a pause in typing: one save per pause, of the last text', async () => {
    const { draft, timer, stored, saved } = setup();
    await draft.edit({ key: 'a', note: 'Com', seq: 1 }, false);
    await draft.edit({ key: 'a', note: 'Compare', seq: 2 }, false);
    assert.equal(stored.size, 0, 'not written on every keystroke');
    assert.equal(timer.pending.size, 1, 'one timer, restarted by each edit');
    assert.equal([...timer.pending.values()][0]?.delayMs, NOTE_SAVE_DELAY_MS);
    assert.equal(draft.noteOf('a'), 'Compare', 'the unsaved text is what the panel shows');
    timer.fire();
    await settle();
    assert.equal(stored.get('a'), 'Compare');
    assert.deepEqual(saved, [{ key: 'a', note: 'Compare', seq: 2 }]);
    assert.equal(draft.noteOf('a'), undefined);
  });

  it('saves at once when the page asks, and on dispose, with no timer left behind', async () => {
    const { draft, timer, stored } = setup();
    await draft.edit({ key: 'a', note: 'blurred', seq: 1 }, true);
    assert.equal(stored.get('a'), 'blurred');
    await draft.edit({ key: 'a', note: 'closing', seq: 2 }, false);
    await draft.dispose();
    assert.equal(stored.get('a'), 'closing');
    assert.equal(timer.pending.size, 0);
  });

  for (const [path, act] of [
    ['the pause timer', async (draft: NoteDraft, timer: HandTimer) => {
      await draft.edit({ key: 'a', note: 'typed', seq: 1 }, false);
      timer.fire();
      await settle();
    }],
    ['a flush the page asks for', (draft: NoteDraft) => draft.edit({ key: 'a', note: 'typed', seq: 1 }, true)],
    ['a flush when the panel hides or moves on', async (draft: NoteDraft) => {
      await draft.edit({ key: 'a', note: 'typed', seq: 1 }, false);
      await draft.flush();
    }],
    ['dispose', async (draft: NoteDraft) => {
      await draft.edit({ key: 'a', note: 'typed', seq: 1 }, false);
      await draft.dispose();
    }],
  ] as const) {
    it(`reports a failed save to the reader and keeps the text (${path})`, async () => {
      const { draft, timer, stored, saved, failures, failOnce } = setup();
      failOnce();
      // Never rejects: the failure goes to `failed`, whoever started the save.
      await act(draft, timer);
      assert.equal(failures.length, 1);
      assert.match(String(failures[0]), /refused the write/);
      assert.deepEqual(saved, []);
      assert.equal(draft.noteOf('a'), 'typed', 'kept for the next try');
      await draft.flush();
      assert.equal(stored.get('a'), 'typed');
      assert.equal(failures.length, 1);
    });
  }

  it('keeps what the reader typed during a save that then fails, not the older text', async () => {
    let reject: (error: Error) => void = () => undefined;
    const failures: unknown[] = [];
    const draft = new NoteDraft({
      save: () => new Promise<void>((_resolve, fail) => (reject = fail)),
      saved: () => Promise.resolve(),
      failed: (error) => failures.push(error),
      timer: new HandTimer(),
    });
    const saving = draft.edit({ key: 'a', note: 'old', seq: 1 }, true);
    await settle();
    await draft.edit({ key: 'a', note: 'newer', seq: 2 }, false);
    reject(new Error('workspace state refused the write'));
    await saving;
    assert.equal(failures.length, 1);
    assert.equal(draft.noteOf('a'), 'newer');
  });

  it('follows its paper to a new key, and takes in text appended to that note', async () => {
    const { draft, stored } = setup();
    await draft.edit({ key: 'vol132:7', note: 'Mine.', seq: 1 }, false);
    draft.rekey('vol132:7', '2511.18659');
    draft.append('2511.18659', 'From a tool.');
    draft.append('other', 'Not this one.');
    assert.equal(draft.key, '2511.18659');
    await draft.flush();
    assert.equal(stored.get('2511.18659'), 'Mine.\n\nFrom a tool.');
    assert.equal(stored.has('vol132:7'), false);
  });
});
