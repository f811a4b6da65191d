// The summary panel's message schemas: every string and number the page can send has a bound, a
// message over one is refused, and a note over the store's bound is told apart from the rest.
import * as assert from 'node:assert/strict';
import { MAX_PAPER_KEY_LENGTH, paperKey } from '../../src/core/model/keys';
import { MAX_NOTE_LENGTH, overlongNote, PanelState, WebviewMessage } from '../../src/webview/messages';

const KEY = '2511.18659';
const note = (text: string, key = KEY) => ({ type: 'setNote', key, note: text, seq: 1, flush: true });

describe('webview messages', () => {
  it('takes each message the page sends at its bounds', () => {
    const atBounds: unknown[] = [
      { type: 'ready' },
      note('x'.repeat(MAX_NOTE_LENGTH), 'k'.repeat(MAX_PAPER_KEY_LENGTH)),
      { ...note(''), seq: Number.MAX_SAFE_INTEGER, appended: Number.MAX_SAFE_INTEGER },
      { type: 'setStatus', key: 'k'.repeat(MAX_PAPER_KEY_LENGTH), status: 'read' },
      { type: 'openLink', key: KEY, kind: 'pdf' },
      { type: 'openDoi', key: KEY },
      { type: 'chooseMatch', key: 'k'.repeat(MAX_PAPER_KEY_LENGTH) },
    ];
    for (const message of atBounds) assert.ok(WebviewMessage.safeParse(message).success, JSON.stringify(message).slice(0, 200));
    assert.ok(PanelState.safeParse({ key: 'k'.repeat(MAX_PAPER_KEY_LENGTH) }).success);
  });

  it('refuses every string and number over its bound', () => {
    const longKey = 'k'.repeat(MAX_PAPER_KEY_LENGTH + 1);
    const over: unknown[] = [
      note('x'.repeat(MAX_NOTE_LENGTH + 1)),
      note('', longKey),
      { ...note(''), seq: Number.MAX_SAFE_INTEGER + 2 },
      { ...note(''), appended: 2 ** 64 },
      { ...note(''), seq: -1 },
      { type: 'setStatus', key: longKey, status: 'read' },
      { type: 'openLink', key: longKey, kind: 'pdf' },
      { type: 'openDoi', key: longKey },
      { type: 'chooseMatch', key: longKey },
    ];
    for (const message of over) assert.equal(WebviewMessage.safeParse(message).success, false, JSON.stringify(message).slice(0, 200));
    assert.equal(PanelState.safeParse({ key: longKey }).success, false);
  });

  it('tells a note over its bound from any other refused message', () => {
    assert.equal(overlongNote(note('x'.repeat(MAX_NOTE_LENGTH + 5))), MAX_NOTE_LENGTH + 5);
    assert.equal(overlongNote(note('x'.repeat(MAX_NOTE_LENGTH))), null, 'a note at the bound is no problem');
    assert.equal(overlongNote({ ...note('x'.repeat(MAX_NOTE_LENGTH + 5)), seq: 'one' }), null, 'something else is wrong too');
    assert.equal(overlongNote(note('x'.repeat(MAX_NOTE_LENGTH + 5), 'k'.repeat(MAX_PAPER_KEY_LENGTH + 1))), null);
    assert.equal(overlongNote({ type: 'setStatus', key: KEY, status: 'read', note: 'x'.repeat(MAX_NOTE_LENGTH + 5) }), null);
    assert.equal(overlongNote(null), null);
    assert.equal(overlongNote('x'.repeat(MAX_NOTE_LENGTH + 5)), null);
  });

  it('never gives a paper a key longer than the panel takes', () => {
    const titles = ['word '.repeat(100_000), `${'a'.repeat(999)}😀${'b'.repeat(5000)}`, '😀'.repeat(5000)];
    for (const title of titles) {
      for (const volume of [null, 132, Number.MAX_VALUE]) {
        const key = paperKey(null, volume, title);
        assert.ok(`${key}#99999999`.length <= MAX_PAPER_KEY_LENGTH, `${key.length} characters`);
        assert.ok(!/[\uD800-\uDBFF]$/.test(key), 'no half character at the end');
      }
    }
    assert.equal(paperKey(null, 132, 'CLaRa: Bridging Retrieval and Generation'), 'vol132:clara-bridging-retrieval-and-generation');
  });
});
