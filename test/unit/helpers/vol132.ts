// What the sample issue (Vol.132, test/fixtures/web/vol-132.txt) says, written out by hand from
// the newsletter text: the expected values every shape of that issue must give.
import type { LinkKind, SummaryBlock } from '../../../src/core/model/model';
import { lineAt } from './fixtures';

export const TITLE = 'Unifying Retrieval and Generation, Reasoning-Driven Cold-Start Recommendation with LLMs and More!';
export const WEEK = { start: '2025-11-24', end: '2025-11-30' };

export interface ExpectedPaper {
  title: string;
  shortTitle: string;
  org: string;
  arxivId: string;
  /** Links of the web text, in order: kind and URL. */
  links: Array<[LinkKind, string]>;
  /** Line of `[n]` in the web text. */
  headingLine: number;
}

export const PAPERS: ExpectedPaper[] = [
  {
    title: 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning',
    shortTitle: 'Unifying Retrieval and Generation through Continuous Latent Representations',
    org: 'Apple',
    arxivId: '2511.18659',
    links: [['arxiv', 'https://arxiv.org/abs/2511.18659'], ['code', 'https://github.com/apple/ml-clara']],
    headingLine: 15,
  },
  {
    title: 'LLM Reasoning for Cold-Start Item Recommendation',
    shortTitle: 'Reasoning-Driven Cold-Start Recommendation with LLMs',
    org: 'Netflix',
    arxivId: '2511.18261',
    links: [['arxiv', 'https://arxiv.org/abs/2511.18261']],
    headingLine: 19,
  },
  {
    title: 'Towards Hyper-Efficient RAG Systems in VecDBs: Distributed Parallel Multi-Resolution Vector Search',
    shortTitle: 'Accelerating Vector Database Retrieval Through Adaptive Multi-Resolution Indexing',
    org: 'Liu et al.',
    arxivId: '2511.16681',
    links: [['arxiv', 'https://arxiv.org/abs/2511.16681'], ['code', 'https://github.com/FastLM/SPI_VecDB']],
    headingLine: 25,
  },
  {
    title: 'R²R: A Route-to-Rerank Post-Training Framework for Multi-Domain Decoder-Only Rerankers',
    shortTitle: 'Latent Semantic Routing for Parameter-Efficient Domain Specialization in Decoder-Only Rerankers',
    org: 'Wang et al.',
    arxivId: '2511.19987',
    links: [['arxiv', 'https://arxiv.org/abs/2511.19987']],
    headingLine: 29,
  },
  {
    title: 'Revisiting Feedback Models for HyDE',
    shortTitle: 'Rediscovering Feedback Models in the Era of LLM-Based Query Expansion',
    org: 'the University of Waterloo',
    arxivId: '2511.19349',
    links: [['arxiv', 'https://arxiv.org/abs/2511.19349'], ['code', 'https://github.com/nourj98/hyde-feedback']],
    headingLine: 32,
  },
  {
    title: 'NVIDIA Nemotron Parse 1.1',
    shortTitle: 'A Lightweight End-to-End Model for Structured Document Understanding',
    org: 'NVIDIA',
    arxivId: '2511.20478',
    links: [
      ['arxiv', 'https://arxiv.org/abs/2511.20478'],
      ['huggingface', 'https://huggingface.co/nvidia/NVIDIA-Nemotron-Parse-v1.1'],
      ['huggingface', 'https://huggingface.co/nvidia/NVIDIA-Nemotron-Parse-v1.1-TC'],
    ],
    headingLine: 36,
  },
  {
    title: 'Beyond Patch Aggregation: 3-Pass Pyramid Indexing for Vision-Enhanced Document Retrieval',
    shortTitle: 'Efficient Vision-Language Document Retrieval via Pyramid Indexing and Semantic Fusion',
    org: 'Inception AI',
    arxivId: '2511.21121',
    links: [['arxiv', 'https://arxiv.org/abs/2511.21121']],
    headingLine: 41,
  },
  {
    title: 'Generative Early Stage Ranking',
    shortTitle: 'Generative Early Stage Ranking with Target-Aware Attention at Scale',
    org: 'Meta',
    arxivId: '2511.21095',
    links: [['arxiv', 'https://arxiv.org/abs/2511.21095']],
    headingLine: 44,
  },
  {
    title: 'E2E-GRec: An End-to-End Joint Training Framework for Graph Neural Networks and Recommender Systems',
    shortTitle: 'An End-to-End Joint Training Framework for Graph Neural Networks and Recommender Systems',
    org: 'TikTok',
    arxivId: '2511.20564',
    links: [['arxiv', 'https://arxiv.org/abs/2511.20564']],
    headingLine: 47,
  },
  {
    title: 'STORE: Semantic Tokenization, Orthogonal Rotation and Efficient Attention for Scaling Up Ranking Models',
    shortTitle: 'Addressing Feature Heterogeneity and Sparsity in Industrial Recommenders',
    org: 'Alibaba',
    arxivId: '2511.18805',
    links: [['arxiv', 'https://arxiv.org/abs/2511.18805']],
    headingLine: 50,
  },
];

export const EXTRA = {
  section: 'Benchmarks',
  title: 'E-GEO: A Testbed for Generative Engine Optimization in E-Commerce',
  arxivId: '2511.20867',
  links: [['arxiv', 'https://arxiv.org/abs/2511.20867'], ['code', 'https://github.com/psbagga17/E-GEO']] as Array<[LinkKind, string]>,
  /** Lines in the web text. */
  extrasLine: 57,
  titleLine: 58,
  lastLinkLine: 61,
};

/** First line of the sign-off in the web text ("I hope this weekly roundup …"). */
export const SIGNOFF_LINE = 62;
export const SIGNOFF_STARTS = ['I hope this weekly roundup', 'I also blog about'];

/**
 * The summaries of the ten papers, built from the lines of the web text: one paragraph per line,
 * except the list items after a line ending in ':' (papers 2 and 10).
 */
export function expectedSummaries(webText: string): SummaryBlock[][] {
  const p = (n: number): SummaryBlock => ({ type: 'paragraph', text: lineAt(webText, n) });
  const list = (...ns: number[]): SummaryBlock => ({ type: 'list', items: ns.map((n) => lineAt(webText, n)) });
  return PAPERS.map((paper, i) => {
    if (i === 1) return [p(20), list(21, 22), p(23)];
    if (i === 9) return [p(51), list(52, 53, 54), p(55)];
    return [p(paper.headingLine + 1)];
  });
}

/** The extra's summary, from the web text. */
export function expectedExtraSummary(webText: string): SummaryBlock[] {
  return [{ type: 'paragraph', text: lineAt(webText, 59) }];
}
