// Titles with commas, question marks and ", from " inside them; the highlight's org is what follows
// its LAST ", from "; a paper that is not on arXiv still gets a stable key.
import * as assert from 'node:assert/strict';
import { assertClean, fixture, linkStrings, paper } from './helpers/fixtures';

describe('parse: titles with commas and question marks (Vol.134)', () => {
  const f = fixture('edge/vol-134-commas-and-questions.txt');

  it('reads the issue title with its commas', () => {
    assert.equal(f.issue().title,
      'Retrieval, Reranking, and Reasoning, Dense Retrieval for Case Law, Learning to Rank from Scratch and More!');
    assert.equal(f.issue().volume, 134);
  });

  it('splits each highlight on its last ", from "', () => {
    assert.deepEqual(f.issue().highlights.map((h) => [h.title, h.org]), [
      ['Retrieval, Reranking, and Reasoning: Do We Need All Three?', 'the University of Waterloo'],
      ['Is Dense Retrieval Ready for Case Law?', 'Novak et al.'],
      ['Learning to Rank, from Scratch', 'Rossi et al.'],
      ['Fairness, Diversity, and Relevance in Two-Sided Marketplaces', 'Adeyemi et al.'],
    ]);
  });

  it('keeps paper titles exactly, commas and "?" included', () => {
    assert.deepEqual(f.issue().papers.map((p) => p.title), [
      'Retrieval, Reranking, and Reasoning: Do We Need All Three?',
      'Is Dense Retrieval Ready for Legal Search? An Empirical Study on Case Law',
      'Learning to Rank, from Scratch: Bootstrapping a Hotel Search Ranker Without Click Logs',
      'Fairness, Diversity, and Relevance: Balancing Multiple Objectives in Two-Sided Marketplaces',
    ]);
    assert.deepEqual(f.issue().papers.map((p) => p.shortTitle), f.issue().highlights.map((h) => h.title));
    assert.deepEqual(f.issue().papers.map((p) => p.org), f.issue().highlights.map((h) => h.org));
  });

  it('keys a paper without an arXiv id by volume and slug of its title', () => {
    const p = paper(f.issue(), 3);
    assert.equal(p.arxivId, null);
    assert.equal(p.arxivVersion, null);
    assert.equal(p.key, 'vol134:learning-to-rank-from-scratch-bootstrapping-a-hotel-search-ranker-without-click-logs');
    assert.deepEqual(linkStrings(p), ['web https://dl.acm.org/doi/10.1145/3746252.3761187']);
  });

  it('keys the others by arXiv id', () => {
    assert.deepEqual(f.issue().papers.map((p) => p.key), [
      '2512.05531', '2512.06120',
      'vol134:learning-to-rank-from-scratch-bootstrapping-a-hotel-search-ranker-without-click-logs', '2512.07744',
    ]);
  });

  it('reports no errors and no warnings', () => {
    assertClean(f.result(), f.relPath);
  });
});
