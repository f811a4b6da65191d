// "Extras: <words>" sections: two sections (Datasets with two items, then Benchmarks), titles with
// their leading emoji removed, an item that is not on arXiv.
import * as assert from 'node:assert/strict';
import { allSummaryText, assertClean, fixture, lineAt, lineOf, linkStrings } from './helpers/fixtures';

describe('parse: Extras: Datasets and Extras: Benchmarks (Vol.138)', () => {
  const f = fixture('edge/vol-138-extras-datasets.txt');

  it('reads the two papers before the extras', () => {
    assert.deepEqual(f.issue().papers.map((p) => p.title), [
      'Beyond Patch Aggregation: 3-Pass Pyramid Indexing for Vision-Enhanced Document Retrieval',
      'Generative Early Stage Ranking',
    ]);
    assert.ok(f.issue().papers[1]!.range.endLine < lineOf(f.text, 'Extras: Datasets'));
  });

  it('reads three extras with their section, title (emoji removed) and arXiv id', () => {
    assert.deepEqual(f.issue().extras.map((e) => [e.section, e.title, e.arxivId]), [
      ['Datasets', 'ConvRec-2M: A Large-Scale Dataset of Real Conversational Recommendation Sessions', '2601.03318'],
      ['Datasets', 'MMProd-QA: Multimodal Product Questions with Grounded Answers', null],
      ['Benchmarks', 'E-GEO: A Testbed for Generative Engine Optimization in E-Commerce', '2511.20867'],
    ]);
  });

  it('gives each extra its own links', () => {
    assert.deepEqual(f.issue().extras.map(linkStrings), [
      ['arxiv https://arxiv.org/abs/2601.03318', 'huggingface https://huggingface.co/datasets/convrec/ConvRec-2M'],
      ['huggingface https://huggingface.co/datasets/mmprod/MMProd-QA', 'code https://github.com/mmprod/mmprod-qa'],
      ['arxiv https://arxiv.org/abs/2511.20867', 'code https://github.com/psbagga17/E-GEO'],
    ]);
  });

  it('gives each extra its one-paragraph summary', () => {
    assert.deepEqual(f.issue().extras.map((e) => e.summary), [15, 19, 24].map((n) => [{ type: 'paragraph', text: lineAt(f.text, n) }]));
  });

  it('keys extras by arXiv id where there is one, and keeps all keys distinct', () => {
    const extras = f.issue().extras;
    assert.equal(extras[0]!.key, '2601.03318');
    assert.equal(extras[2]!.key, '2511.20867');
    const keys = [...f.issue().papers, ...extras].map((x) => x.key);
    assert.equal(new Set(keys).size, keys.length, keys.join(', '));
  });

  it('leaves the sign-off out of the last extra', () => {
    const signOff = lineOf(f.text, 'I hope this weekly roundup');
    assert.ok(f.issue().extras.every((e) => e.range.endLine < signOff));
    assert.ok(!allSummaryText(f.issue()).includes('I hope this weekly roundup'));
  });

  it('reports no errors and no warnings', () => {
    assertClean(f.result(), f.relPath);
  });
});
