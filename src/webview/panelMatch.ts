// The summary panel's line about a paper's arXiv id: where it came from (the newsletter, a
// search, the reader), or how the search for it stands.
import type { PaperEntry } from '../core/model/library';
import { paperSlot } from '../core/model/paperIdentity';
import type { ArxivMatcher } from '../papers/arxivMatcher';
import { titlesPageOf } from '../papers/issuePage';
import type { MatchPanelView } from './summaryHtml';

/** The slot of the paper on show, for papers whose id a search or the reader gives. */
export function slotOfEntry(entry: PaperEntry | undefined): string | null {
  if (!entry || entry.kind !== 'paper' || !('number' in entry.paper)) return null;
  return paperSlot(entry.entry.issue, entry.paper);
}

export function matchViewOf(entry: PaperEntry | undefined, matcher: ArxivMatcher | undefined): MatchPanelView | null {
  if (!entry || entry.kind !== 'paper' || !('number' in entry.paper)) return null;
  const paper = entry.paper;
  const slot = slotOfEntry(entry);
  if (paper.arxivId !== null && paper.arxivMatch === undefined) return { kind: 'newsletter', arxivId: paper.arxivId };
  if (paper.arxivMatch) {
    return paper.arxivMatch.origin === 'reader'
      ? { kind: 'chosen', arxivId: paper.arxivId, title: paper.arxivMatch.title }
      : { kind: 'found', arxivId: paper.arxivId ?? '', title: paper.arxivMatch.title, byAffiliation: paper.arxivMatch.byAffiliation === true };
  }
  if (slot === null || !matcher) return { kind: 'notYet', reason: null };
  const status = matcher.status(slot, paper, entry.entry.issue);
  const titlesPage = titlesPageOf(entry)?.host ?? null;
  switch (status.kind) {
    case 'possible':
      return { kind: 'possible', count: status.candidates.length, titlesPage };
    case 'noMatch':
      return { kind: 'noMatch', titlesPage };
    case 'searching':
      return { kind: status.kind };
    case 'notYet':
      return { kind: 'notYet', reason: status.reason };
    default:
      // Chosen or found: the library gives the paper its id with the next change.
      return { kind: 'searching' };
  }
}
