// An issue's contents lines matched together (src/core/match/matchIssue.ts): one record is never
// the match of two lines, the stronger line keeps a record both would take, a record another
// line holds cannot stand in the way (nor be taken), and a record the issue already links is
// nobody's match.
import * as assert from 'node:assert/strict';
import type { ArxivEntry } from '../../src/core/formats/arxivAtom';
import type { MatchRequest } from '../../src/core/match/arxivSearchQuery';
import { matchIssue } from '../../src/core/match/matchIssue';
import { rankCandidates, type MatchDecision } from '../../src/core/match/rankCandidates';

function paper(id: string, title: string, summary: string): ArxivEntry {
  return {
    id,
    version: 'v1',
    title,
    summary,
    authors: [{ name: 'Sam Doe' }],
    published: '2025-11-20T10:00:00Z',
    updated: '2025-11-20T10:00:00Z',
    categories: ['cs.IR'],
    primaryCategory: 'cs.IR',
    absUrl: `http://arxiv.org/abs/${id}v1`,
    pdfUrl: `http://arxiv.org/pdf/${id}v1`,
  };
}

function request(contentsTitle: string, org: string | null): MatchRequest {
  return { contentsTitle, titleHint: null, org, weekStart: '2025-11-24', weekEnd: '2025-11-30' };
}

const accepted = (decision: MatchDecision) => (decision.kind === 'accepted' ? decision.best.id : null);
const offered = (decision: MatchDecision) => (decision.kind === 'none' ? [] : decision.candidates.map((c) => c.id));

const FILLER = [
  paper('2511.20001', 'Query Auto-Completion with Session Encoders', 'We complete queries from the session.'),
  paper('2511.20002', 'Bias in LLM Relevance Judgments', 'Large language models judge relevance with position bias.'),
  paper('2511.20003', 'Live-Stream Recommendation with Multi-Task Experts', 'We predict staying and gifting in live streams.'),
];

/** Apple's paper on continuous latent reasoning for RAG. */
const CLARA = paper(
  '2511.18659',
  'Bridging Retrieval and Generation with Continuous Latent Reasoning',
  'Researchers at Apple unify retrieval and generation in retrieval-augmented generation through shared continuous latent representations of documents, trained end to end.',
);
/** Another Apple paper on the same topic, less close to either line. */
const OTHER_APPLE = paper(
  '2511.17102',
  'Compressed Memory Tokens for Retrieval-Augmented Generation',
  'At Apple we compress retrieved documents into memory tokens that a generator reads, unifying the retriever and the generator.',
);

describe('matching an issue’s contents lines together', () => {
  it('gives a record both lines would take to the stronger line; the other is ranked without it', () => {
    const strong = { request: request('Continuous Latent Representations for Retrieval and Generation', 'Apple'), entries: [CLARA, OTHER_APPLE, ...FILLER] };
    const weak = { request: request('Bridging Retrieval and Generation with Latent Documents', 'Apple'), entries: [CLARA, OTHER_APPLE, ...FILLER] };
    // Alone, each line takes the same record (the precondition of this test).
    assert.equal(accepted(rankCandidates(strong.request, strong.entries)), CLARA.id);
    assert.equal(accepted(rankCandidates(weak.request, weak.entries)), CLARA.id);
    const [first, second] = matchIssue([weak, strong]);
    assert.equal(accepted(second!), CLARA.id);
    assert.equal(accepted(first!), OTHER_APPLE.id, 'the weaker line is ranked on what is left');
    assert.ok(!offered(first!).includes(CLARA.id), 'a record another line took is not offered either');
  });

  it('a look-alike another line holds confidently no longer stands in the way', () => {
    const lists = paper('2511.30001', 'Listwise Reranking with Reasoning Language Models', 'We rerank candidate lists with a reasoning model distilled from larger teachers.');
    const distilled = paper('2511.30002', 'Distilled Listwise Rerankers that Reason', 'We distill reasoning listwise rerankers from larger teachers into small models.');
    const mine = { request: request('Distilled Listwise Reranking with Reasoning Models', null), entries: [distilled, lists, ...FILLER] };
    const theirs = { request: request('Reasoning Language Models for Listwise Reranking of Candidates', null), entries: [lists, distilled, ...FILLER] };
    const alone = rankCandidates(mine.request, mine.entries);
    assert.equal(alone.kind, 'possible', 'alone, the two are too close to take either');
    assert.equal(accepted(rankCandidates(theirs.request, theirs.entries)), lists.id);
    const [together, other] = matchIssue([mine, theirs]);
    assert.equal(accepted(other!), lists.id);
    assert.equal(accepted(together!), distilled.id);
  });

  it('never matches a line to a record the issue links elsewhere, and leaves near ties to the reader', () => {
    const line = { request: request('Unifying Retrieval and Generation through Continuous Latent Representations', 'Apple'), entries: [CLARA, OTHER_APPLE, ...FILLER] };
    const [decision] = matchIssue([line], [CLARA.id]);
    assert.notEqual(accepted(decision!), CLARA.id);
    assert.ok(!offered(decision!).includes(CLARA.id));
    const twins = [paper('2511.40001', 'Generative Early Stage Ranking', 'Early stage ranking with generative attention at Meta.'), paper('2511.40002', 'Generative Early-Stage Ranking', 'Early stage ranking with generative attention at Meta.')];
    const [tie] = matchIssue([{ request: request('Generative Early Stage Ranking', 'Meta'), entries: [...twins, ...FILLER] }]);
    assert.equal(tie!.kind, 'possible');
  });

  it('decides each line as rankCandidates does when no two lines share a record', () => {
    const lines = [
      { request: request('Unifying Retrieval and Generation through Continuous Latent Representations', 'Apple'), entries: [CLARA, ...FILLER] },
      { request: request('Query Completion from Session Encoders', null), entries: FILLER },
    ];
    assert.deepEqual(matchIssue(lines), lines.map((line) => rankCandidates(line.request, line.entries)));
  });
});
