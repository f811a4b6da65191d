// A paper listed from its contents line gets its arXiv id later (a match, the full issue, the
// reader): the library finds it by the key it had, and notes kept under that key move to it.
import * as assert from 'node:assert/strict';
import { IssueLibrary, type ArxivResolver } from '../../src/core/model/library';
import { parseIssueText } from '../../src/core/parse/parse';
import { earlierKeys, planKeyMoves, slotKey } from '../../src/core/model/paperIdentity';
import { mergeStates, type PaperState } from '../../src/core/model/paperState';
import { arxivIdFromInput } from '../../src/core/parse/links';
import { readFixture } from './helpers/fixtures';

const source = (id: string, bundled = false) => ({ id, label: id, bundled });
const paywalled = () => parseIssueText(readFixture('paywall/vol-132-cut-in-first-paper.txt')).issues;
const full = () => parseIssueText(readFixture('web/vol-132.txt')).issues;

function state(note: string, status: PaperState['status'], updatedAt: string): PaperState {
  return { note, status, updatedAt, title: 't', issueLabel: null, arxivId: null };
}

describe('paper identity: earlier keys', () => {
  it('gives a paper its slot and its volume-and-title keys, never its own key', () => {
    const issue = full()[0]!;
    const clara = issue.papers[0]!;
    assert.deepEqual(earlierKeys(issue, clara), ['vol132:#1', 'vol132:clara-bridging-retrieval-and-generation-with-continuous-latent-reasoning', 'vol132:unifying-retrieval-and-generation-through-continuous-latent-representations']);
    const cut = paywalled()[0]!.papers[1]!;
    assert.equal(cut.key, 'vol132:#2');
    assert.ok(!earlierKeys(paywalled()[0]!, cut).includes('vol132:#2'));
    assert.equal(slotKey(7, 3), 'vol7:#3');
  });
});

describe('paper identity: the library', () => {
  it('shows the full copy of an issue over the paywalled one, and finds its papers by their slots', () => {
    const library = new IssueLibrary();
    library.set({ source: source('cut'), issues: paywalled(), diagnostics: [] });
    assert.equal(library.findPaper('vol132:#2')[0]?.paper.key, 'vol132:#2');
    library.set({ source: source('full'), issues: full(), diagnostics: [] });
    assert.equal(library.issues()[0]?.source.id, 'full');
    assert.equal(library.findPaper('vol132:#2')[0]?.paper.key, '2511.18261');
    assert.equal(library.currentKey('vol132:#2'), '2511.18261');
    assert.equal(library.currentKey('2511.18261'), '2511.18261');
    assert.equal(library.currentKey('vol999:#1'), 'vol999:#1');
  });

  it('prefers the copy with more complete papers even when both list ten', () => {
    const library = new IssueLibrary();
    library.set({ source: source('a-full'), issues: full(), diagnostics: [] });
    library.set({ source: source('b-cut'), issues: paywalled(), diagnostics: [] });
    assert.equal(library.issues()[0]?.source.id, 'a-full');
  });

  it('gives papers without an arXiv id the one the resolver answers, keyed by it', () => {
    const library = new IssueLibrary();
    library.set({ source: source('cut'), issues: paywalled(), diagnostics: [] });
    const answers = new Map([['vol132:#6', { arxivId: '2511.20478', title: 'NVIDIA Nemotron Parse 1.1', origin: 'search' as const }]]);
    const resolver: ArxivResolver = (slot) => answers.get(slot);
    library.setResolver(resolver);
    const [entry] = library.findPaper('vol132:#6');
    assert.equal(entry?.paper.key, '2511.20478');
    assert.equal(entry?.paper.arxivId, '2511.20478');
    assert.deepEqual('arxivMatch' in entry.paper ? entry.paper.arxivMatch : null, { origin: 'search', title: 'NVIDIA Nemotron Parse 1.1' });
    const found = library.findPaper('2511.20478')[0]?.paper;
    assert.equal(found && 'number' in found ? found.number : null, 6);
    // The parsed issue itself is untouched.
    assert.equal(paywalled()[0]!.papers[5]!.key, 'vol132:#6');
  });

  it('never gives two papers of one issue the same id, and keys a "not on arXiv" choice by its slot', () => {
    const library = new IssueLibrary();
    library.set({ source: source('cut'), issues: paywalled(), diagnostics: [] });
    library.setResolver((slot) => (slot === 'vol132:#2' ? { arxivId: '2511.20478', title: null, origin: 'search' } : slot === 'vol132:#3' ? { arxivId: '2511.20478', title: null, origin: 'search' } : slot === 'vol132:#4' ? { arxivId: null, title: null, origin: 'reader' } : undefined));
    const keys = library.issues()[0]!.issue.papers.map((paper) => paper.key);
    assert.equal(keys.filter((key) => key === '2511.20478').length, 1);
    const chosen = library.findPaper('vol132:#4')[0]?.paper;
    assert.equal(chosen && 'arxivMatch' in chosen ? chosen.arxivMatch?.origin : null, 'reader');
    assert.equal(library.findPaper('vol132:#4')[0]?.paper.key, 'vol132:#4');
  });

  it('does not ask the resolver about papers with an arXiv id from the newsletter', () => {
    const library = new IssueLibrary();
    library.set({ source: source('full'), issues: full(), diagnostics: [] });
    const asked: string[] = [];
    library.setResolver((slot) => {
      asked.push(slot);
      return { arxivId: '9999.99999', title: null, origin: 'search' };
    });
    library.issues();
    assert.deepEqual(asked, []);
  });
});

describe('paper identity: moving stored states', () => {
  it('moves a state kept under a slot to the key the paper has now, and leaves current keys alone', () => {
    const current = new Map([['vol132:#2', '2511.18261']]);
    const moves = planKeyMoves(['vol132:#2', '2511.18659', 'vol99:gone'], (key) => current.get(key) ?? key, (key) => key === '2511.18659');
    assert.deepEqual(moves, [{ from: 'vol132:#2', to: '2511.18261' }]);
  });

  it('merges two states without losing a note or a status', () => {
    const merged = mergeStates(state('mine on arXiv', null, '2026-01-02'), state('written on the contents line', 'toRead', '2026-01-01'));
    assert.equal(merged.note, 'mine on arXiv\n\nwritten on the contents line');
    assert.equal(merged.status, 'toRead');
    assert.equal(mergeStates(state('', 'read', '2026-01-01'), state('only here', 'toRead', '2026-01-03')).status, 'toRead');
    assert.equal(mergeStates(state('same', null, '1'), state('same', null, '2')).note, 'same');
    assert.equal(mergeStates(state('', null, '1'), state('kept', null, '2')).note, 'kept');
    assert.equal(mergeStates(state('a longer note with the short one', null, '1'), state('the short one', null, '2')).note, 'a longer note with the short one');
  });
});

describe('an arXiv id as a reader types it', () => {
  it('reads ids, versions, arXiv: prefixes and arXiv or Hugging Face addresses', () => {
    const id = (text: string) => arxivIdFromInput(text)?.id ?? null;
    assert.equal(id('2511.18659'), '2511.18659');
    assert.equal(arxivIdFromInput(' 2511.18659v2 ')?.version, 'v2');
    assert.equal(id('arXiv:2511.18659'), '2511.18659');
    assert.equal(id('https://arxiv.org/abs/2511.18659v1'), '2511.18659');
    assert.equal(id('arxiv.org/pdf/2511.18659'), '2511.18659');
    assert.equal(id('https://huggingface.co/papers/2511.18659'), '2511.18659');
    assert.equal(id('cs/0112017'), 'cs/0112017');
  });

  it('refuses anything else', () => {
    for (const text of ['', 'hello', 'https://example.org/abs/2511.18659', 'javascript:alert(1)', `2511.18659${' '.repeat(400)}x`, 'file:///2511.18659']) {
      assert.equal(arxivIdFromInput(text), null, text);
    }
  });
});
