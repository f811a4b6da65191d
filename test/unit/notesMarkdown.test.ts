import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { FIXTURES_DIR } from './helpers/fixtures';
import { formatNotesMarkdown, parseNotesMarkdown } from '../../src/core/formats/notesMarkdown';
import { MAX_NOTE_LENGTH, RESERVED_KEYS, type PaperState } from '../../src/core/model/paperState';

const state = (note: string, status: PaperState['status'] = null, extra: Partial<PaperState> = {}): PaperState => ({
  status,
  note,
  updatedAt: '2026-11-26T08:00:00.000Z',
  title: 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning',
  issueLabel: 'Vol.132 · Nov 24 – Nov 30, 2025',
  arxivId: '2511.18659',
  ...extra,
});

function roundTrip(states: ReadonlyMap<string, PaperState>): Map<string, PaperState> {
  const text = formatNotesMarkdown(states, '2026-11-26');
  const back = parseNotesMarkdown(text);
  assert.deepEqual(back.problems, [], text);
  return back.states;
}

const sorted = (states: ReadonlyMap<string, PaperState>) => [...states].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('notes as Markdown (Export / Import Notes)', () => {
  it('does not import a note longer than a note may be, and says so; the file’s other notes are imported', () => {
    const entry = (note: string): PaperState => ({ status: 'reading', note, updatedAt: '2026-11-26T08:00:00.000Z', title: 'CLaRa', issueLabel: 'Vol.132', arxivId: null });
    const text = formatNotesMarkdown(new Map([['2511.18659', entry('x'.repeat(MAX_NOTE_LENGTH + 1))], ['2511.18261', entry('short')]]), '2026-11-26');
    const imported = parseNotesMarkdown(text);
    assert.deepEqual([...imported.states.keys()], ['2511.18261']);
    assert.equal(imported.problems.length, 1);
    assert.match(imported.problems[0]?.message ?? '', /^The note on paper "2511\.18659" has 1000001 characters, more than the 1000000 a note may have; it was not imported\.$/);
  });


  it('writes a file a person can read: a heading per paper, the status and issue, the note in a fence', () => {
    const text = formatNotesMarkdown(new Map([['2511.18659', state('Compare with xRAG.', 'reading')]]), '2026-11-26');
    assert.equal(
      text,
      [
        '# Weekly Papers notes',
        '',
        '1 paper, exported 2026-11-26. Read back with "Weekly Papers: Import Notes"; keep each `<!-- weekly-papers … -->` line as it is.',
        '',
        '## CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning',
        '',
        '<!-- weekly-papers key="2511.18659" status="reading" updated="2026-11-26T08:00:00.000Z" title="CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning" issue="Vol.132 · Nov 24 – Nov 30, 2025" arxiv="2511.18659" -->',
        'Reading · Vol.132 · Nov 24 – Nov 30, 2025 · arXiv 2511.18659',
        '',
        '```text',
        'Compare with xRAG.',
        '```',
        '',
      ].join('\n'),
    );
  });

  it('lists Reading, then To Read, then Read, then papers with only a note', () => {
    const states = new Map([
      ['d', state('n', null, { title: 'D' })],
      ['c', state('', 'read', { title: 'C' })],
      ['b', state('', 'toRead', { title: 'B' })],
      ['a', state('', 'reading', { title: 'A' })],
    ]);
    const headings = formatNotesMarkdown(states).split('\n').filter((line) => line.startsWith('## '));
    assert.deepEqual(headings, ['## A', '## B', '## C', '## D']);
  });

  it('round-trips the notes that break naive formats', () => {
    const notes = [
      'line one\nline two\n\n\nafter blank lines',
      '# not a heading\n## nor this\n<!-- weekly-papers key="evil" status="read" -->',
      'code: ```js\nx``` and ```` four ````\n```\n`',
      '<!-- an html comment --> and --> alone',
      'ends with newlines\n\n',
      '\nstarts with one',
      '    indented\n\ttabbed',
      'unicode: 😀 café 日本語 R²R ‮ rtl',
      'windows\r\nline\r\nendings and a lone \r here',
      '~~~\nnot a fence to us\n~~~',
      '',
    ];
    const states = new Map(notes.map((note, i) => [`key-${i}`, state(note, i % 2 === 0 ? 'toRead' : null)]));
    states.set('key-"quoted" & <odd>\nkey', state('note', 'read', { title: 'Title with "quotes" -->\nand a break', issueLabel: null, arxivId: null }));
    assert.deepEqual(sorted(roundTrip(states)), sorted(states));
  });

  it('reads a file an editor saved with CRLF line endings', () => {
    const states = new Map([['a', state('two\nlines', 'reading')]]);
    const text = formatNotesMarkdown(states).replace(/\n/g, '\r\n');
    assert.deepEqual(sorted(parseNotesMarkdown(text).states), sorted(states));
  });

  it('says what it could not read, and keeps the rest', () => {
    const text = [
      '<!-- weekly-papers status="read" -->',
      '<!-- weekly-papers key="a" status="someday" -->',
      '```',
      'note a',
      '```',
      '<!-- weekly-papers key="b" status="read" -->',
      '<!-- weekly-papers key="b" status="toRead" -->',
      '````',
      'never closed',
    ].join('\n');
    const { states, problems } = parseNotesMarkdown(text);
    assert.deepEqual(problems.map((problem) => problem.line), [1, 2, 8, 7]);
    assert.equal(states.get('a')?.note, 'note a');
    assert.equal(states.get('a')?.status, null);
    assert.equal(states.get('b')?.status, 'toRead');
    assert.equal(states.get('b')?.note, 'never closed');
  });

  it('round-trips keys and titles holding control characters (a NUL, U+2028), which fast-check once found', () => {
    const state: PaperState = { status: 'toRead', note: '', updatedAt: ' ', title: 'a\u2028b\u0001', issueLabel: null, arxivId: null };
    const states = new Map([['\u0000', state], ['x\u0085y', { ...state, title: '' }]]);
    assert.deepEqual(sorted(roundTrip(states)), sorted(states));
  });

  it('round-trips any notes, keys and snapshots (property; reserved keys are refused, below)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 120 });
    const arbitraryState = fc.record({
      status: fc.constantFrom<PaperState['status']>('toRead', 'reading', 'read', null),
      note: fc.oneof(text, fc.array(fc.constantFrom('`', '```', '\n', '\r', ' ', '#', '<!--', '-->', '"', 'x', '~~~', '    '), { maxLength: 30 }).map((parts) => parts.join(''))),
      updatedAt: fc.oneof(fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), text),
      title: text,
      issueLabel: fc.option(text, { nil: null }),
      arxivId: fc.option(text, { nil: null }),
    }).map((generated): PaperState => ({ ...generated }));
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).filter((key) => !RESERVED_KEYS.has(key)), arbitraryState, { maxKeys: 6 }), (record) => {
        const states = new Map(Object.entries(record));
        assert.deepEqual(sorted(roundTrip(states)), sorted(states));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses papers under __proto__, constructor and prototype, saying why (hostile/notes/reserved-keys.md)', () => {
    const text = fs.readFileSync(path.join(FIXTURES_DIR, 'hostile/notes/reserved-keys.md'), 'utf8');
    const imported = parseNotesMarkdown(text);
    assert.deepEqual([...imported.states.keys()], ['2511.18659']);
    assert.equal(imported.states.get('2511.18659')?.note, 'Compare with xRAG.');
    assert.deepEqual(
      imported.problems.map((problem) => problem.message),
      ['__proto__', 'constructor', 'prototype'].map((key) => `The key "${key}" is a reserved name, never a paper's: that entry is skipped.`),
    );
    assert.deepEqual(imported.problems.map((problem) => problem.line), [16, 25, 34]);
  });

  it('exports and reads back a note of 130,000 lines (generated here)', () => {
    // Short lines: the note stays within the 1,000,000 characters a note may have.
    const note = Array.from({ length: 130_000 }, (_, i) => String(i)).join('\n');
    assert.ok(note.length <= MAX_NOTE_LENGTH);
    const states = new Map([['2511.18659', state(note, 'reading')]]);
    const back = roundTrip(states);
    assert.equal(back.get('2511.18659')?.note, note);
  });
});
