import * as assert from 'node:assert/strict';
import { IssueLibrary, type IssueSource } from '../../src/core/library';
import { issueLabel, formatWeek } from '../../src/core/format';
import { paperKey, slugify } from '../../src/core/keys';
import { parseIssueText } from '../../src/core/parse';
import type { Issue } from '../../src/core/model';

function issue(volume: number | null, start: string | null): Issue {
  return { volume, week: { start, end: start }, title: `t${volume}`, shape: 'web', webUrl: null, highlights: [], papers: [], extras: [], cutOff: null, range: { startLine: 1, endLine: 1 } };
}
const source = (id: string): IssueSource => ({ id, label: id, bundled: false });

describe('issue library', () => {
  it('lists issues from every source newest first, undated last', () => {
    const library = new IssueLibrary();
    library.set({ source: source('a'), issues: [issue(130, '2025-11-10'), issue(null, null)], diagnostics: [] });
    library.set({ source: source('b'), issues: [issue(132, '2025-11-24'), issue(131, '2025-11-17')], diagnostics: [] });
    assert.deepEqual(library.issues().map((entry) => entry.issue.volume), [132, 131, 130, null]);
  });

  it('tells listeners about changes, replaces a source’s issues, and forgets a deleted source', () => {
    const library = new IssueLibrary();
    let changes = 0;
    const stop = library.onDidChange(() => changes++);
    library.set({ source: source('a'), issues: [issue(1, '2020-01-01')], diagnostics: [] });
    library.set({ source: source('a'), issues: [issue(2, '2020-01-08')], diagnostics: [] });
    assert.deepEqual(library.issues().map((entry) => entry.issue.volume), [2]);
    library.delete('a');
    assert.equal(library.issues().length, 0);
    stop();
    library.set({ source: source('a'), issues: [], diagnostics: [] });
    assert.equal(changes, 3);
  });
});

describe('names and keys', () => {
  it('labels issues with their volume and week, across a year too', () => {
    assert.equal(issueLabel({ volume: 132, week: { start: '2025-11-24', end: '2025-11-30' }, title: null }), 'Vol.132 · Nov 24 – Nov 30, 2025');
    assert.equal(formatWeek({ start: '2025-12-29', end: '2026-01-04' }), 'Dec 29, 2025 – Jan 4, 2026');
    assert.equal(issueLabel({ volume: null, week: { start: null, end: null }, title: 'A forwarded issue' }), 'A forwarded issue');
  });

  it('keys a paper by its arXiv id, else by volume and normalised title', () => {
    assert.equal(paperKey('2511.18659', 132, 'CLaRa'), '2511.18659');
    assert.equal(paperKey(null, 132, 'NVIDIA Nemotron Parse 1.1'), 'vol132:nvidia-nemotron-parse-1-1');
    assert.equal(paperKey(null, 132, '  NVIDIA  Nemotron—Parse 1.1! '), 'vol132:nvidia-nemotron-parse-1-1');
    assert.equal(slugify('R²R: Route-to-Rerank'), 'r2r-route-to-rerank');
  });

  it('gives a paper the same key wherever it sits in the issue', () => {
    const text = [
      'Title', 'Vol.9 for Jan 6 - Jan 12, 2025', '[1] Alpha Paper', 'About alpha.', '🔗 https://example.org/alpha',
      '[2] Beta Paper', 'About beta.', '🔗 https://example.org/beta',
    ];
    const swapped = [...text.slice(0, 2), '[1] Beta Paper', 'About beta.', '🔗 https://example.org/beta', '[2] Alpha Paper', 'About alpha.', '🔗 https://example.org/alpha'];
    const keys = (lines: string[]) => parseIssueText(lines.join('\n')).issues[0]?.papers.map((paper) => paper.key).sort();
    assert.deepEqual(keys(text), ['vol9:alpha-paper', 'vol9:beta-paper']);
    assert.deepEqual(keys(swapped), keys(text));
  });
});
