import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IssueLibrary } from '../../src/core/model/library';
import { parseIssueText } from '../../src/core/parse/parse';
import { LibrarySearch } from '../../src/core/search/librarySearch';
import { normalizeForSearch, queryWords } from '../../src/core/search/normalize';
import { PaperSearchIndex, type SearchablePaper } from '../../src/core/search/paperSearchIndex';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SAMPLE = fs.readFileSync(path.join(ROOT, 'media', 'sample', 'vol-132.txt'), 'utf8');

function sampleLibrary(): IssueLibrary {
  const library = new IssueLibrary();
  const result = parseIssueText(SAMPLE);
  library.set({ source: { id: 'sample:', label: 'Sample issue', bundled: true }, issues: result.issues, diagnostics: result.diagnostics });
  return library;
}

describe('paper search', () => {
  it('folds typographic punctuation the same with or without other non-ASCII text (two paths)', () => {
    for (const mark of '‘’‚‛′“”„‟″‐‑‒–—―…') {
      // `é` sends the text through Unicode normalisation; without it, a shortcut is taken.
      assert.equal(normalizeForSearch(`${mark}X`), normalizeForSearch(`é${mark}X`).slice(1), mark);
    }
  });

  it('folds case, accents and compatibility forms, in papers and in queries', () => {
    assert.equal(normalizeForSearch('Über R²R CAFÉ'), 'uber r2r cafe');
    assert.deepEqual(queryWords('  Café   RAG '), ['cafe', 'rag']);
    assert.deepEqual(queryWords('   '), []);
  });

  it('finds a paper by words of its summary, not only its title', () => {
    const search = new LibrarySearch(sampleLibrary());
    assert.deepEqual(search.search('HotpotQA MuSiQue'), ['2511.18659']);
    assert.deepEqual(search.search('musique hotpot'), ['2511.18659'], 'parts of words, any order, any case');
    assert.deepEqual(search.search('Qdrant'), ['2511.16681']);
    assert.deepEqual(search.search('HotpotQA Qdrant'), [], 'every word must be found');
    search.dispose();
  });

  it('ranks papers whose title or organisation has the words before those whose summary has them', () => {
    const search = new LibrarySearch(sampleLibrary());
    const netflix = search.search('netflix');
    assert.equal(netflix[0], '2511.18261', 'the Netflix paper first');
    assert.deepEqual(search.search('rerank'), ['2511.19987', '2511.18659'], 'R²R’s title has it, CLaRa’s summary');
    // Paper 3's contents title ("Accelerating Vector Database Retrieval …") is a title too.
    assert.deepEqual(search.search('retrieval').slice(0, 3), ['2511.18659', '2511.16681', '2511.21121'], 'titles first, in issue order');
    search.dispose();
  });

  it('finds a paper by the title the contents list gives it, which the editor rewrote', () => {
    const search = new LibrarySearch(sampleLibrary());
    assert.deepEqual(search.search('Lightweight End-to-End Structured Document'), ['2511.20478']);
    search.dispose();
  });

  it('finds extras too, and every paper for an empty query', () => {
    const search = new LibrarySearch(sampleLibrary());
    assert.deepEqual(search.search('E-GEO'), ['2511.20867']);
    assert.equal(search.search('').length, 11);
    search.dispose();
  });

  it('builds the index in slices of idle time, and a search part way through sees every paper', async () => {
    const library = sampleLibrary();
    const search = new LibrarySearch(library, { rebuildAfterMs: 0, sliceMs: 0 });
    // Nine more issues: 110 papers, more than one slice (32 papers at least).
    for (let volume = 133; volume < 142; volume++) {
      const result = parseIssueText(SAMPLE.replace('Vol.132', `Vol.${volume}`).replace(/arxiv\.org\/abs\/2511\./g, `arxiv.org/abs/${volume}0.`));
      library.set({ source: { id: `file:${volume}`, label: `vol-${volume}.txt`, bundled: false }, issues: result.issues, diagnostics: result.diagnostics });
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(search.building, true, 'one slice done, more to come');
    assert.equal(search.search('clara').length, 10, 'the search finished the build');
    assert.equal(search.building, false);
    library.delete('file:141');
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(search.building, true, 'rebuilding after the change');
    for (let waited = 0; search.building && waited < 2000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(search.building, false, 'the idle-time build finished on its own');
    assert.equal(search.search('clara').length, 9);
    search.dispose();
  });

  it('sees a library change', () => {
    const library = sampleLibrary();
    const search = new LibrarySearch(library);
    assert.equal(search.search('clara').length, 1);
    library.delete('sample:');
    assert.equal(search.search('clara').length, 0);
    search.dispose();
  });

  it('gives the same answers when a query narrows the last one as when it starts afresh', () => {
    const papers: SearchablePaper[] = ['alpha beta', 'alpha gamma', 'beta gamma', 'alphabet'].map((title, i) => ({
      key: String(i), title, org: null, issueLabel: null, summary: '',
    }));
    const typed = PaperSearchIndex.of(papers);
    for (const query of ['a', 'al', 'alp', 'alpha', 'alpha g', 'alpha ga', 'alpha', 'beta', 'alphab']) {
      assert.deepEqual(typed.search(query), PaperSearchIndex.of(papers).search(query), query);
    }
  });

  it('answers every query as a scan of each paper’s whole text would, typed on or afresh', () => {
    // The reference: the old index, a normalised copy of each paper's text searched with includes.
    const reference = (papers: readonly SearchablePaper[], query: string): string[] => {
      const words = queryWords(query);
      if (words.length === 0) return papers.map((paper) => paper.key);
      const head = (paper: SearchablePaper) => normalizeForSearch(`${paper.title}\n${paper.org ?? ''}\n${paper.issueLabel ?? ''}`);
      const matches = papers.filter((paper) => words.every((word) => `${head(paper)}\n${normalizeForSearch(paper.summary)}`.includes(word)));
      const inHead = matches.filter((paper) => words.every((word) => head(paper).includes(word)));
      return [...inHead, ...matches.filter((paper) => !inHead.includes(paper))].map((paper) => paper.key);
    };
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'ab', 'Á', ' ', ' ', '\n', '’', "'", '-', '–', '🙂', 'x'), maxLength: 40 });
    const paper = fc.record({ title: text, org: fc.option(text), issueLabel: fc.option(text), summary: text });
    fc.assert(fc.property(fc.array(paper, { maxLength: 12 }), fc.array(text, { minLength: 1, maxLength: 6 }), (drafts, queries) => {
      const papers = drafts.map((draft, i) => ({ ...draft, key: `k${i}` }));
      const index = PaperSearchIndex.of(papers);
      for (const query of queries) assert.deepEqual(index.search(query), reference(papers, query), JSON.stringify(query));
    }), { numRuns: 300 });
  });
});

describe('search normalisation of typographic punctuation', () => {
  it('finds curly quotes, dashes and ellipses by their plain forms', () => {
    assert.equal(normalizeForSearch('Netflix’s “Two Tower” – Re-ranking…'), 'netflix\'s "two tower" - re-ranking...');
    const index = PaperSearchIndex.of([{ key: 'k', title: 'T', org: null, issueLabel: null, summary: 'outperforming Netflix’s production model' }]);
    assert.deepEqual(index.search("netflix's production"), ['k']);
  });
});
