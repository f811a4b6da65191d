// The questions the tools and `@papers` ask of the library and the reader's notes, answered as
// facts (src/core/chat): one place, so a tool and the participant always agree.
import type { ArxivMetadata } from '../arxiv/arxivMetadata';
import { factsOfEntry, findIssue, firstResults, issueFacts, paperDetails, paperFacts, resolvePaperReference, type PaperLookup } from '../core/chat/paperFacts';
import type { IssueFacts, PaperDetails, PaperFacts } from '../core/chat/toolText';
import type { IssueLibrary } from '../core/model/library';
import type { LibrarySearch } from '../core/search/librarySearch';
import { matchingPaperKeys } from '../papers/paperSearch';
import { findPaperTarget, type PaperTarget } from '../papers/paperTarget';
import type { PaperStateStore } from '../storage/paperStateStore';
import type { NotedPaper } from './chatAnswers';

export interface PaperQueryServices {
  readonly library: IssueLibrary;
  readonly store: PaperStateStore;
  readonly search: Pick<LibrarySearch, 'search'>;
  /** Settles when every source's first load is done: a question asked at activation waits for it. */
  readonly ready: Promise<void>;
  /** arXiv's cached records; getPaper never waits for the network. */
  readonly arxiv?: Pick<ArxivMetadata, 'status'>;
}

export class PaperQueries {
  readonly lookup: PaperLookup;

  constructor(private readonly services: PaperQueryServices) {
    const { library, store } = services;
    this.lookup = { entry: (key) => library.findPaper(key)[0], state: (key) => store.get(key) };
  }

  get ready(): Promise<void> {
    return this.services.ready;
  }

  /** The papers a query matches, best first: the first `max`, and how many there were. */
  search(query: string, max: number): { readonly papers: PaperFacts[]; readonly total: number } {
    return firstResults(this.lookup, matchingPaperKeys(this.services, query), max);
  }

  /** The key of the paper a reference names (key, arXiv id, words of its title). */
  resolve(reference: string): string | undefined {
    return resolvePaperReference(this.lookup, (words) => matchingPaperKeys(this.services, words), reference);
  }

  facts(key: string): PaperFacts | undefined {
    return paperFacts(this.lookup, key);
  }

  /** What a command needs to change the paper: its title and snapshot. */
  target(key: string): PaperTarget | undefined {
    return findPaperTarget(this.services.library, this.services.store, key);
  }

  details(key: string): PaperDetails | undefined {
    const facts = paperFacts(this.lookup, key);
    if (!facts) return undefined;
    return paperDetails(this.lookup, key, facts.arxivId ? this.arxivFacts(facts.arxivId) : null);
  }

  /** The issue a volume names, or the newest; with the newest volume, to say "the newest". */
  issue(reference: number | 'latest'): { readonly issue: IssueFacts | undefined; readonly newestVolume: number | null; readonly volumes: number[] } {
    const issues = this.services.library.issues();
    const found = findIssue(issues, reference);
    const volumes = issues.flatMap((sourced) => (sourced.issue.volume === null ? [] : [sourced.issue.volume]));
    return { issue: found ? issueFacts(found, (key) => this.services.store.get(key)) : undefined, newestVolume: issues[0]?.issue.volume ?? null, volumes };
  }

  /** Every issue, newest first, as facts. */
  issues(): IssueFacts[] {
    return this.services.library.issues().map((sourced) => issueFacts(sourced, (key) => this.services.store.get(key)));
  }

  /** Papers with notes, the most recently changed first: the first `max`, and how many. */
  noted(max: number): { readonly papers: NotedPaper[]; readonly total: number } {
    const withNotes = [...this.services.store.all()].filter(([, state]) => state.note.trim() !== '').sort(([, a], [, b]) => b.updatedAt.localeCompare(a.updatedAt));
    const papers = withNotes.slice(0, max).map(([key, state]): NotedPaper => {
      const entry = this.lookup.entry(key);
      const facts = entry ? factsOfEntry(entry, state) : (paperFacts(this.lookup, key) as PaperFacts);
      return { ...facts, note: state.note };
    });
    return { papers, total: withNotes.length };
  }

  private arxivFacts(id: string): PaperDetails['arxiv'] {
    const status = this.services.arxiv?.status(id);
    if (!status) return null;
    switch (status.state) {
      case 'ready': {
        const { entry } = status;
        return { title: entry.title, authors: entry.authors.map((author) => author.name), published: entry.published, categories: entry.categories, abstract: entry.summary };
      }
      case 'loading':
        return 'being fetched from arXiv; ask again in a few seconds.';
      case 'unavailable':
        return 'arXiv could not be reached for it.';
      case 'disabled':
        return 'not fetched (the reader turned network use off).';
      case 'none':
        return 'not fetched yet (open the paper in the summary panel to fetch them).';
    }
  }
}
