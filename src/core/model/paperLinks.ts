// The places a paper can be opened: what the issue links to, plus what its arXiv id implies.
import type { Extra, Link, Paper } from './model';

export type PaperLinkKind = 'arxiv' | 'pdf' | 'code' | 'huggingface';

export interface PaperLinks {
  readonly arxiv: string | null;
  readonly pdf: string | null;
  readonly code: string | null;
  readonly huggingface: string | null;
  /** The first web link, for papers that are not on arXiv. */
  readonly web: string | null;
}

const first = (links: readonly Link[], kind: Link['kind']): string | null => links.find((link) => link.kind === kind)?.url ?? null;

/** A paper with an arXiv id always has its abstract page, PDF and Hugging Face paper page. */
export function paperLinks(paper: Pick<Paper | Extra, 'links' | 'arxivId'>): PaperLinks {
  const id = paper.arxivId;
  const hfPaper = paper.links.find((link) => link.kind === 'huggingface' && link.url.includes('/papers/'))?.url ?? null;
  return {
    arxiv: first(paper.links, 'arxiv') ?? (id ? `https://arxiv.org/abs/${id}` : null),
    pdf: first(paper.links, 'pdf') ?? (id ? `https://arxiv.org/pdf/${id}` : null),
    code: first(paper.links, 'code'),
    huggingface: hfPaper ?? (id ? `https://huggingface.co/papers/${id}` : first(paper.links, 'huggingface')),
    web: first(paper.links, 'web'),
  };
}

/** The link "Copy Link" copies: the arXiv page, else the first link the issue gives. */
export function primaryLink(paper: Pick<Paper | Extra, 'links' | 'arxivId'>): string | null {
  const links = paperLinks(paper);
  return links.arxiv ?? links.code ?? links.huggingface ?? links.web;
}
