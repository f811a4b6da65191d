import * as assert from 'node:assert/strict';
import { IssueLibrary, type IssueSource } from '../../src/core/model/library';
import { issueLabel, formatWeek } from '../../src/core/model/format';
import { paperKey, slugify } from '../../src/core/model/keys';
import { parseIssueText } from '../../src/core/parse/parse';
import type { Issue } from '../../src/core/model/model';
import { readFixture } from './helpers/fixtures';

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

describe('issue library: one issue from several sources', () => {
  // Real inputs: the sample as the extension bundles it, and the same issue as a reader has it.
  const web = parseIssueText(readFixture('web/vol-132.txt')).issues;
  const email = parseIssueText(readFixture('email/vol-132-forwarded.eml.txt')).issues;
  const archive = parseIssueText(readFixture('archive/three-issues.txt')).issues;
  const sample: IssueSource = { id: 'sample:vol-132', label: 'Sample issue', bundled: true };
  const shown = (library: IssueLibrary) => library.issues().map((entry) => `${entry.issue.volume}@${entry.source.id}`);

  it('lists an issue held by a workspace file and by the sample once, from the workspace file, whatever the order', () => {
    for (const order of [['sample', 'file'], ['file', 'sample']]) {
      const library = new IssueLibrary();
      for (const which of order) {
        if (which === 'sample') library.set({ source: sample, issues: web, diagnostics: [] });
        else library.set({ source: source('file:///w/issues/vol-132.eml.txt'), issues: email, diagnostics: [] });
      }
      assert.deepEqual(shown(library), ['132@file:///w/issues/vol-132.eml.txt'], `order ${order.join(', ')}`);
    }
  });

  it('shows the sample again when the workspace copy goes, and keeps other volumes of the same file', () => {
    const library = new IssueLibrary();
    library.set({ source: sample, issues: web, diagnostics: [] });
    library.set({ source: source('file:///w/archive.txt'), issues: archive, diagnostics: [] });
    assert.deepEqual(shown(library), ['132@file:///w/archive.txt', '131@file:///w/archive.txt', '130@file:///w/archive.txt']);
    library.delete('file:///w/archive.txt');
    assert.deepEqual(shown(library), ['132@sample:vol-132']);
  });

  it('between two workspace copies prefers the complete one, then the one with more papers, then the source id', () => {
    const full = web[0]!;
    const cut: Issue = { ...full, papers: full.papers.slice(0, 1), cutOff: { line: 20, reason: 'paywall' } };
    const fewer: Issue = { ...full, papers: full.papers.slice(0, 9) };
    const library = new IssueLibrary();
    library.set({ source: source('a-cut'), issues: [cut], diagnostics: [] });
    library.set({ source: source('b-fewer'), issues: [fewer], diagnostics: [] });
    assert.deepEqual(shown(library), ['132@b-fewer']);
    library.set({ source: source('c-full'), issues: [full], diagnostics: [] });
    assert.deepEqual(shown(library), ['132@c-full']);
    library.set({ source: source('0-full'), issues: [full], diagnostics: [] });
    assert.deepEqual(shown(library), ['132@0-full']);
  });

  it('lends the copy shown the real titles another copy’s contents anchors give, whichever copy is shown', () => {
    const anchored = parseIssueText(readFixture('paywall/vol-132-contents-anchors.txt')).issues[0]!;
    // The same cut-off issue as the e-mail or the web text has it: no anchors.
    const plain = parseIssueText(readFixture('paywall/vol-132-contents-anchors.txt').replace(/ https:\/\/recsys\.substack\.com\/i\/\S+?(?=, from)/g, '')).issues[0]!;
    assert.equal(plain.papers.length, 10);
    assert.ok(plain.papers.every((paper) => paper.titleHint === null), 'the plain copy has no hints of its own');
    const hints = anchored.papers.map((paper) => paper.titleHint);
    assert.equal(hints.filter((hint) => hint !== null).length, 10, 'the anchored copy has a hint for every paper');
    const orders: ReadonlyArray<{ first: string; second: string }> = [
      { first: 'a-plain', second: 'b-anchored' },
      { first: 'b-plain', second: 'a-anchored' },
    ];
    for (const { first, second } of orders) {
      const library = new IssueLibrary();
      library.set({ source: source(first), issues: [plain], diagnostics: [] });
      library.set({ source: source(second), issues: [anchored], diagnostics: [] });
      const [entry] = library.issues();
      assert.deepEqual(entry!.issue.papers.map((paper) => paper.titleHint), hints, `${first} beside ${second}`);
      const paperTwo = library.findPaper('vol132:#2')[0]?.paper;
      assert.ok(paperTwo && 'titleHint' in paperTwo);
      assert.equal(paperTwo.titleHint, 'llm reasoning for cold start item recommendation');
    }
    const alone = new IssueLibrary();
    alone.set({ source: source('a-plain'), issues: [plain], diagnostics: [] });
    assert.equal(alone.issues()[0]!.issue, plain, 'a single copy is shown as it is');
  });

  it('lends no hint for a contents line two papers share, or that two copies name differently', () => {
    const anchored = parseIssueText(readFixture('paywall/vol-132-contents-anchors.txt')).issues[0]!;
    const blank = (paper: Issue['papers'][number]) => ({ ...paper, titleHint: null });
    const plain: Issue = { ...anchored, papers: anchored.papers.map(blank) };
    const twice: Issue = { ...plain, papers: plain.papers.map((paper, i) => (i === 3 ? { ...paper, shortTitle: plain.papers[2]!.shortTitle } : paper)) };
    const otherHint: Issue = { ...anchored, papers: anchored.papers.map((paper, i) => (i === 4 ? { ...paper, titleHint: 'another title' } : paper)) };
    const library = new IssueLibrary();
    library.set({ source: source('a'), issues: [twice], diagnostics: [] });
    library.set({ source: source('b'), issues: [anchored], diagnostics: [] });
    library.set({ source: source('c'), issues: [otherHint], diagnostics: [] });
    const shownHints = library.issues()[0]!.issue.papers.map((paper) => paper.titleHint);
    assert.equal(library.issues()[0]!.source.id, 'a');
    assert.equal(shownHints[2], null, 'line 3 is also paper 4’s line in the copy shown');
    assert.equal(shownHints[3], null);
    assert.equal(shownHints[4], null, 'the copies disagree on line 5');
    assert.equal(shownHints[5], anchored.papers[5]!.titleHint);
  });

  it('never merges issues without a volume', () => {
    const library = new IssueLibrary();
    library.set({ source: source('a'), issues: [issue(null, null)], diagnostics: [] });
    library.set({ source: source('b'), issues: [issue(null, null)], diagnostics: [] });
    assert.deepEqual(shown(library), ['null@a', 'null@b']);
  });

  it('hides bundled sources when asked and shows them again without a reload, telling listeners', () => {
    const library = new IssueLibrary();
    library.set({ source: sample, issues: web, diagnostics: [] });
    library.set({ source: source('file:///w/vol-131.txt'), issues: archive.filter((i) => i.volume === 131), diagnostics: [] });
    let changes = 0;
    library.onDidChange(() => changes++);
    library.setBundledVisible(false);
    assert.deepEqual(shown(library), ['131@file:///w/vol-131.txt']);
    assert.deepEqual(library.findPaper('2511.18659'), []);
    library.setBundledVisible(false);
    assert.equal(changes, 1, 'no change, no event');
    library.setBundledVisible(true);
    assert.deepEqual(shown(library), ['132@sample:vol-132', '131@file:///w/vol-131.txt']);
    assert.equal(changes, 2);
  });

  it('knows every distinct paper once by key, where the tree shows it', () => {
    const library = new IssueLibrary();
    library.set({ source: sample, issues: web, diagnostics: [] });
    library.set({ source: source('file:///w/vol-132.eml.txt'), issues: email, diagnostics: [] });
    library.set({ source: source('file:///w/archive.txt'), issues: archive, diagnostics: [] });
    const index = library.paperIndex();
    const expected = new Set(library.issues().flatMap((entry) => [...entry.issue.papers, ...entry.issue.extras].map((p) => p.key)));
    assert.deepEqual(new Set(index.keys()), expected);
    // CLaRa is in the sample, the e-mail and the archive: one paper, in the one Vol.132 shown.
    const clara = library.findPaper('2511.18659');
    assert.equal(clara.length, 1);
    assert.equal(clara[0]?.entry.source.id, 'file:///w/archive.txt');
    assert.equal(clara[0]?.entry, library.issues().find((entry) => entry.issue.volume === 132));
    library.delete('file:///w/archive.txt');
    assert.equal(library.findPaper('2511.18659')[0]?.entry.source.id, 'file:///w/vol-132.eml.txt');
  });
});
