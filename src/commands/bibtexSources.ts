// What BibTeX is built from, for Copy BibTeX and Export BibTeX alike: a paper as the issue knows
// it with arXiv's metadata when it has been fetched, and every paper of the library as the rivals
// a citation key must differ from, so that a paper copied today and exported tomorrow is cited
// under one key.
import type { ArxivEntry } from '../core/formats/arxivAtom';
import type { BibtexArxiv, BibtexSource } from '../core/formats/bibtex';
import { primaryLink } from '../core/model/paperLinks';
import type { PaperTarget } from '../papers/paperTarget';
import type { CommandServices } from './services';

/** What BibTeX is built from: the paper as the issue knows it, and arXiv's metadata when there is some. */
export function bibtexSource(target: PaperTarget, arxiv: ArxivEntry | undefined): BibtexSource {
  return {
    key: target.key,
    title: target.title,
    arxivId: target.arxivId,
    // An extra's "org" is its section, never an author.
    org: target.kind === 'paper' ? target.org : null,
    weekStart: target.weekStart,
    url: primaryLink(target),
    arxiv: arxiv ? bibtexArxiv(arxiv) : null,
  };
}

function bibtexArxiv(entry: ArxivEntry): BibtexArxiv {
  return {
    title: entry.title,
    authors: entry.authors.map((author) => author.name),
    published: entry.published,
    primaryCategory: entry.primaryCategory,
    doi: entry.doi ?? null,
  };
}

/**
 * Every paper of the library (its newest issue's copy), as BibTeX sees it: the rivals whose keys a
 * paper's key must differ from. The same set for a copy and for an export, so both give a paper
 * the same key.
 */
export function libraryBibtexSources(services: Pick<CommandServices, 'library' | 'arxiv'>): BibtexSource[] {
  const sources: BibtexSource[] = [];
  for (const [key, entries] of services.library.paperIndex()) {
    const newest = entries[0];
    if (!newest) continue;
    const { paper, entry } = newest;
    const metadata = paper.arxivId ? services.arxiv?.entry(paper.arxivId) : undefined;
    sources.push({ key, title: paper.title, arxivId: paper.arxivId, org: null, weekStart: entry.issue.week.start, url: null, arxiv: metadata ? bibtexArxiv(metadata) : null });
  }
  return sources;
}
