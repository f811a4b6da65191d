import * as assert from 'node:assert/strict';
import { MAX_NOTE_LENGTH, asideKeyFor, isEmptyState, loadStates, saveStates, type PaperState } from '../../src/core/model/paperState';
import { paperLinks, primaryLink } from '../../src/core/model/paperLinks';

const state = (note: string, status: PaperState['status'] = null): PaperState => ({
  status, note, updatedAt: '2026-11-26T08:00:00.000Z', title: 'CLaRa', issueLabel: 'Vol.132', arxivId: '2511.18659',
});

describe('stored paper states', () => {
  it('round-trips through what is stored', () => {
    const states = new Map([['2511.18659', state('a note', 'reading')], ['vol132:x', state('', 'toRead')]]);
    const loaded = loadStates(JSON.parse(JSON.stringify(saveStates(states))));
    assert.deepEqual([...loaded.states], [...states]);
    assert.equal(loaded.damaged, null);
  });

  it('loads nothing, and sets nothing aside, when nothing was stored', () => {
    assert.deepEqual(loadStates(undefined), { states: new Map(), damaged: null });
  });

  it('keeps every valid entry and sets the damaged ones aside, untouched', () => {
    const raw = { version: 1, papers: { good: state('keep me'), bad: { note: 42 }, worse: 'text' } };
    const loaded = loadStates(raw);
    assert.deepEqual([...loaded.states.keys()], ['good']);
    assert.equal(loaded.states.get('good')?.note, 'keep me');
    assert.deepEqual(loaded.damaged, { bad: { note: 42 }, worse: 'text' });
  });

  it('sets a stored note longer than any note may be (10 MB) aside, untouched, and keeps the rest', () => {
    const huge = state('x'.repeat(10 * 1024 * 1024));
    const loaded = loadStates({ version: 1, papers: { good: state('keep me'), huge } });
    assert.deepEqual([...loaded.states.keys()], ['good']);
    assert.deepEqual(loaded.damaged, { huge });
    assert.ok(loadStates({ version: 1, papers: { longest: state('x'.repeat(MAX_NOTE_LENGTH)) } }).states.has('longest'), 'a note of the longest length is kept');
  });

  it('sets a whole value aside when it is not a known version', () => {
    const raw = { version: 99, papers: {} };
    assert.deepEqual(loadStates(raw), { states: new Map(), damaged: { '*': raw } });
    assert.deepEqual(loadStates('garbage').damaged, { '*': 'garbage' });
  });

  it('keeps papers under __proto__, constructor and prototype across a reload (stored as JSON)', () => {
    const states = new Map([['__proto__', state('under __proto__')], ['constructor', state('under constructor')], ['prototype', state('p')], ['x', state('x')]]);
    const stored = JSON.stringify(saveStates(states));
    assert.match(stored, /"__proto__":\{/, 'saved as an own key');
    const loaded = loadStates(JSON.parse(stored));
    assert.deepEqual([...loaded.states], [...states]);
    assert.equal(loaded.damaged, null);
    assert.equal(Object.getPrototypeOf({}), Object.prototype);
    assert.equal(({} as Record<string, unknown>).note, undefined, 'nothing leaked into Object.prototype');
  });

  it('sets a damaged entry under __proto__ aside as an entry, not as a prototype', () => {
    const loaded = loadStates(JSON.parse('{"version":1,"papers":{"__proto__":{"note":7},"ok":' + JSON.stringify(state('fine')) + '}}'));
    assert.deepEqual([...loaded.states.keys()], ['ok']);
    assert.ok(loaded.damaged && Object.hasOwn(loaded.damaged, '__proto__'));
    assert.equal(JSON.stringify(loaded.damaged), '{"__proto__":{"note":7}}');
  });

  it('still sets aside papers that are not an object of entries', () => {
    assert.deepEqual(loadStates({ version: 1, papers: ['a'] }).damaged, { '*': { version: 1, papers: ['a'] } });
    assert.deepEqual(loadStates({ version: 1, papers: null }).damaged, { '*': { version: 1, papers: null } });
    assert.deepEqual(loadStates({ version: 1 }).damaged, { '*': { version: 1 } });
  });

  it('treats a state without status and with a blank note as empty', () => {
    assert.equal(isEmptyState({ status: null, note: '  \n' }), true);
    assert.equal(isEmptyState({ status: 'read', note: '' }), false);
    assert.equal(isEmptyState({ status: null, note: 'x' }), false);
  });
});

describe('setting damaged values aside', () => {
  const prefix = 'weeklyPapers.paperStates.damaged.';
  const now = new Date('2026-11-26T08:00:00.000Z');

  it('names a new copy by the time', () => {
    assert.equal(asideKeyFor({ bad: 1 }, new Map(), prefix, now), `${prefix}2026-11-26T08:00:00.000Z`);
  });

  it('sets nothing aside when a copy of the same value is kept, under any name', () => {
    const damaged = { bad: { note: 7 }, worse: 'x'.repeat(1000) };
    const kept = new Map<string, unknown>([[`${prefix}2026-01-01T00:00:00.000Z`, JSON.parse(JSON.stringify(damaged))]]);
    assert.equal(asideKeyFor(damaged, kept, prefix, now), null);
  });

  it('keeps a different damaged value too, never over another copy', () => {
    const kept = new Map<string, unknown>([[`${prefix}2026-11-26T08:00:00.000Z`, { bad: 1 }], [`${prefix}2026-11-26T08:00:00.000Z-2`, { bad: 2 }]]);
    assert.equal(asideKeyFor({ bad: 3 }, kept, prefix, now), `${prefix}2026-11-26T08:00:00.000Z-3`);
  });
});

describe('paper links', () => {
  it('derives the PDF and the Hugging Face paper page from the arXiv id', () => {
    const links = paperLinks({ arxivId: '2511.18659', links: [{ kind: 'arxiv', url: 'https://arxiv.org/abs/2511.18659v2', line: 3 }, { kind: 'code', url: 'https://github.com/apple/ml-clara', line: 4 }] });
    assert.deepEqual(links, {
      arxiv: 'https://arxiv.org/abs/2511.18659v2',
      pdf: 'https://arxiv.org/pdf/2511.18659',
      code: 'https://github.com/apple/ml-clara',
      huggingface: 'https://huggingface.co/papers/2511.18659',
      web: null,
    });
  });

  it('offers no code link, PDF or paper page that the issue does not imply', () => {
    const links = paperLinks({ arxivId: null, links: [{ kind: 'web', url: 'https://example.org/paper', line: 9 }] });
    assert.deepEqual(links, { arxiv: null, pdf: null, code: null, huggingface: null, web: 'https://example.org/paper' });
    assert.equal(primaryLink({ arxivId: null, links: [] }), null);
    assert.equal(primaryLink({ arxivId: null, links: [{ kind: 'web', url: 'https://example.org/paper', line: 9 }] }), 'https://example.org/paper');
  });
});
