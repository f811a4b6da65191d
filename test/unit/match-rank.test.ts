// Which search result a contents line stands for (src/core/match/rankCandidates.ts): the title
// hint outweighs the rewritten title, a paper is accepted only well ahead of the runner-up and on
// more than an organisation or a surname, look-alikes are offered rather than taken, and the same
// entries always give the same answer.
import * as assert from 'node:assert/strict';
import type { ArxivEntry } from '../../src/core/formats/arxivAtom';
import type { MatchRequest } from '../../src/core/match/arxivSearchQuery';
import { MATCH_RULE, rankCandidates, scoreEntries, type MatchDecision } from '../../src/core/match/rankCandidates';
import { fold, similarity, stem, topicPairs } from '../../src/core/match/words';

let serial = 0;
function paper(fields: Partial<ArxivEntry> & { title: string }): ArxivEntry {
  const id = fields.id ?? `2511.${String(10000 + serial++)}`;
  return {
    id,
    version: 'v1',
    summary: '',
    authors: [{ name: 'Sam Doe' }],
    published: '2025-11-20T10:00:00Z',
    updated: '2025-11-20T10:00:00Z',
    categories: ['cs.IR'],
    primaryCategory: 'cs.IR',
    absUrl: `http://arxiv.org/abs/${id}v1`,
    pdfUrl: `http://arxiv.org/pdf/${id}v1`,
    ...fields,
  };
}

const WEEK = { weekStart: '2025-11-24', weekEnd: '2025-11-30' } as const;
function request(contentsTitle: string, org: string | null, extra: Partial<MatchRequest> = {}): MatchRequest {
  return { contentsTitle, titleHint: null, org, ...WEEK, ...extra };
}

const kind = (decision: MatchDecision) => decision.kind;
const accepted = (decision: MatchDecision) => (decision.kind === 'accepted' ? decision.best.id : null);
const offered = (decision: MatchDecision) => (decision.kind === 'none' ? [] : decision.candidates.map((c) => c.id));

/** Papers on other topics, as any search brings back. */
const FILLER = [
  paper({ id: '2511.20001', title: 'Query Auto-Completion with Session Encoders', summary: 'We complete queries from the session.' }),
  paper({ id: '2511.20002', title: 'Bias in LLM Relevance Judgments', summary: 'Large language models judge relevance with position bias.' }),
  paper({ id: '2511.20003', title: 'Live-Stream Recommendation with Multi-Task Experts', summary: 'We predict staying and gifting in live streams.' }),
];

describe('ranking search results for a contents line', () => {
  it('folds and stems as arXiv titles need: R²R ~ R2R, plurals, -ing, long shared roots', () => {
    assert.equal(fold('R²R: Über'), 'r2r: uber');
    assert.equal(stem('rerankers'), 'reranker');
    assert.equal(stem('indexing'), 'index');
    assert.equal(stem('unified'), stem('unifying'));
    assert.equal(stem('studies'), 'study');
    assert.equal(stem('analysis'), 'analysis');
    assert.equal(similarity(stem('heterogeneity'), stem('heterogeneous')), 0.8);
    assert.equal(similarity(stem('sparsity'), stem('sparse')), 0.6);
    assert.equal(similarity(stem('index'), stem('independent')), 0);
    assert.deepEqual(topicPairs('Feedback Models in the Era of LLM-Based Query Expansion'), [
      ['feedback', 'model'], ['llm', 'based'], ['based', 'query'], ['query', 'expansion'],
    ]);
  });

  it('takes the paper whose title the hint spells, over one whose title is the rewritten line itself', () => {
    const real = paper({ title: 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning', summary: 'We compress documents for retrieval-augmented generation.' });
    const lookAlike = paper({ title: 'Unifying Retrieval and Generation through Continuous Latent Representations', summary: 'A study of shared representations.' });
    const entries = [lookAlike, real, ...FILLER];
    const contents = 'Unifying Retrieval and Generation through Continuous Latent Representations';
    const withHint = rankCandidates(request(contents, null, { titleHint: 'clara bridging retrieval and generation with continuous latent reasoning' }), entries);
    assert.equal(accepted(withHint), real.id);
    const withoutHint = rankCandidates(request(contents, null), entries);
    assert.equal(offered(withoutHint)[0], lookAlike.id, 'without the hint the rewritten title wins, as it should');
  });

  it('reads a hint that lost its digits, and superscripts, as the title', () => {
    const r2r = paper({ title: 'R²R: A Route-to-Rerank Post-Training Framework for Multi-Domain Decoder-Only Rerankers' });
    const plain = paper({ title: 'R2R: A Route-to-Rerank Post-Training Framework for Multi-Domain Decoder-Only Rerankers' });
    const hint = 'rr a route to rerank post training framework for multi domain decoder only rerankers';
    const scored = scoreEntries(request('Latent Semantic Routing for Rerankers', null, { titleHint: hint }), [r2r, plain]);
    assert.deepEqual(scored.map((e) => e.hint), [1, 1]);
    const parse = paper({ title: 'NVIDIA Nemotron Parse 1.1' });
    assert.equal(scoreEntries(request('A Lightweight Model', null, { titleHint: 'nvidia nemotron parse' }), [parse])[0]?.hint, 1);
  });

  it('accepts only well ahead of the runner-up: two papers as good as each other are offered, not taken', () => {
    const contents = 'Generative Early Stage Ranking with Target-Aware Attention at Scale';
    const a = paper({ id: '2511.21095', title: 'Generative Early Stage Ranking', summary: 'Target-aware attention for early stage ranking at industrial scale.' });
    const b = paper({ id: '2511.21096', title: 'Generative Early Stage Ranking at Scale', summary: 'Target-aware attention for early stage ranking.' });
    assert.equal(accepted(rankCandidates(request(contents, null), [a, ...FILLER])), a.id, 'alone, it is taken');
    const both = rankCandidates(request(contents, null), [a, b, ...FILLER]);
    assert.equal(kind(both), 'possible');
    assert.deepEqual(offered(both).slice(0, 2).sort(), [a.id, b.id]);
    const [first, second] = scoreEntries(request(contents, null), [a, b, ...FILLER]);
    assert.ok(first!.score - second!.score < MATCH_RULE.acceptMargin);
  });

  it('needs more than words when the title is a paraphrase: the organisation named in an on-topic paper decides', () => {
    const contents = 'Addressing Feature Heterogeneity and Sparsity in Industrial Recommenders';
    const right = paper({ title: 'STORE: Semantic Tokenization and Efficient Attention for Scaling Up Ranking Models', summary: 'High-cardinality sparse features and heterogeneous features limit ranking models for recommendation. Online tests on Alibaba’s advertising platform.' });
    const lookAlike = paper({ title: 'Heterogeneous Feature Interaction with Sparse Experts for Industrial CTR Prediction', summary: 'Industrial click-through rate models mix heterogeneous features.' });
    const decision = rankCandidates(request(contents, 'Alibaba'), [right, lookAlike, ...FILLER]);
    assert.equal(accepted(decision), right.id);
    const unnamed = rankCandidates(request(contents, 'Alibaba'), [paper({ ...right, id: '2511.30001', summary: right.summary.replace(' Online tests on Alibaba’s advertising platform.', '') }), lookAlike, ...FILLER]);
    assert.equal(kind(unnamed), 'possible', 'without the organisation, the look-alike’s words are as good a guess');
  });

  it('does not take a paper on the organisation alone, nor on a surname alone', () => {
    const contents = 'Reasoning-Driven Cold-Start Recommendation with LLMs';
    const sameOrg = paper({ title: 'Speculative Decoding for On-Device Language Models', summary: 'We speed up decoding on Apple silicon.' });
    assert.equal(kind(rankCandidates(request(contents, 'Apple'), [sameOrg, ...FILLER])), 'none');
    const sameName = paper({ title: 'Personalized Query Auto-Completion', summary: 'Sessions help completion.', authors: [{ name: 'Yang Liu' }] });
    assert.equal(kind(rankCandidates(request(contents, 'Liu et al.'), [sameName, ...FILLER])), 'none');
  });

  it('offers a near copy of the rewritten title without taking it when a paper naming the organisation is on the topic', () => {
    const contents = 'A Lightweight End-to-End Model for Structured Document Understanding';
    const copy = paper({ title: 'Structured Document Understanding with a Lightweight End-to-End Model', summary: 'A small end-to-end model for structured document understanding.' });
    const named = paper({ title: 'NVIDIA Nemotron Parse 1.1', summary: 'A lightweight document parsing and OCR model.' });
    const decision = rankCandidates(request(contents, 'NVIDIA'), [copy, named, ...FILLER]);
    assert.equal(kind(decision), 'possible');
    assert.deepEqual(offered(decision).slice(0, 2), [copy.id, named.id]);
    assert.equal(accepted(rankCandidates(request(contents, 'NVIDIA'), [copy, ...FILLER])), copy.id, 'with nothing pointing elsewhere, words that cover the line are enough');
    const elsewhere = paper({ ...copy, authors: [{ name: 'Lea Fischer', affiliation: 'University of Somewhere' }] });
    assert.equal(kind(rankCandidates(request(contents, 'NVIDIA'), [elsewhere, ...FILLER])), 'possible', 'not when its authors are from another organisation');
  });

  it('gives none when no result shares the topic', () => {
    assert.deepEqual(rankCandidates(request('Graph-Based Fraud Detection for Marketplaces', 'Etsy'), FILLER), { kind: 'none' });
    assert.deepEqual(rankCandidates(request('Graph-Based Fraud Detection for Marketplaces', 'Etsy'), []), { kind: 'none' });
  });

  it('weighs the surname as first author above another author, and a wrong surname hides nothing', () => {
    const contents = 'Accelerating Vector Database Retrieval Through Adaptive Multi-Resolution Indexing';
    const summary = 'Vector databases index embeddings at one resolution; we adapt the resolution to each query.';
    const first = paper({ title: 'Multi-Resolution Vector Search', summary, authors: [{ name: 'Haoran Liu' }, { name: 'Kevin Tran' }] });
    const other = paper({ title: 'Multi-Resolution Vector Search', summary, authors: [{ name: 'Kevin Tran' }, { name: 'Haoran Liu' }] });
    const scored = scoreEntries(request(contents, 'Liu et al.'), [first, other]);
    assert.equal(scored[0]?.id, first.id);
    assert.equal(scored[0]?.author, MATCH_RULE.firstAuthor);
    assert.equal(scored[1]?.author, MATCH_RULE.otherAuthor);
    const wrongName = rankCandidates(request(contents, 'Zhang et al.'), [first, ...FILLER]);
    assert.equal(offered(wrongName)[0], first.id, 'the paper is still found on its words');
  });

  it('counts the date: a paper first sent after the issue’s week falls behind, and without the week only a hint accepts', () => {
    const contents = 'Generative Early Stage Ranking with Target-Aware Attention at Scale';
    const summary = 'Target-aware attention for early stage ranking at industrial scale.';
    const inWeek = paper({ id: '2511.21095', title: 'Generative Early Stage Ranking', summary, published: '2025-11-26T12:30:00Z' });
    const later = paper({ id: '2512.04000', title: 'Generative Early Stage Ranking', summary, published: '2025-12-04T12:30:00Z' });
    const older = paper({ id: '2509.04000', title: 'Generative Early Stage Ranking', summary, published: '2025-09-04T12:30:00Z' });
    const scored = scoreEntries(request(contents, null), [later, older, inWeek]);
    assert.deepEqual(scored.map((e) => [e.id, e.date]), [['2511.21095', MATCH_RULE.recent], ['2509.04000', MATCH_RULE.tooOld], ['2512.04000', MATCH_RULE.tooNew]]);
    const noWeek = { weekStart: null, weekEnd: null };
    assert.equal(kind(rankCandidates(request(contents, null, noWeek), [inWeek, ...FILLER])), 'possible');
    assert.equal(accepted(rankCandidates(request(contents, null, { ...noWeek, titleHint: 'generative early stage ranking' }), [inWeek, ...FILLER])), inWeek.id);
  });

  it('is deterministic: the same entries in any order give the same answer, ties broken by id, each id once', () => {
    const contents = 'Cold-Start Recommendation with LLM Reasoning';
    const twin = (id: string) => paper({ id, title: 'LLM Reasoning for Cold-Start Recommendation', summary: 'Reasoning helps new items.' });
    const entries = [twin('2511.18263'), twin('2511.18261'), twin('2511.18262'), ...FILLER];
    const reference = rankCandidates(request(contents, null), entries);
    assert.equal(kind(reference), 'possible');
    assert.deepEqual(offered(reference).slice(0, 3), ['2511.18261', '2511.18262', '2511.18263']);
    for (const order of [[...entries].reverse(), [entries[3]!, entries[1]!, entries[5]!, entries[0]!, entries[4]!, entries[2]!]]) {
      assert.deepEqual(rankCandidates(request(contents, null), order), reference);
    }
    const once = rankCandidates(request(contents, null), [entries[0]!, entries[0]!, ...FILLER]);
    assert.equal(accepted(once), '2511.18263', 'the same paper twice is one candidate, not its own runner-up');
  });

  it('offers at most five, best first, each with some evidence', () => {
    const contents = 'Cold-Start Recommendation with LLM Reasoning';
    const many = Array.from({ length: 8 }, (_, i) => paper({ id: `2511.1900${i}`, title: `Cold-Start Recommendation Study ${i}`, summary: 'New items lack history.' }));
    const decision = rankCandidates(request(contents, null), [...many, ...FILLER]);
    assert.equal(kind(decision), 'possible');
    assert.equal(offered(decision).length, MATCH_RULE.possibleCount);
    assert.ok(!offered(decision).some((id) => FILLER.some((f) => f.id === id)));
    const scores = decision.kind === 'possible' ? decision.candidates.map((c) => c.score) : [];
    assert.deepEqual(scores, [...scores].sort((x, y) => y - x));
  });
});
