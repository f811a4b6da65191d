// Which papers words find, across every issue and the papers only the reader's notes remember:
// one answer for Open Paper..., the palette's paper commands, the public API and the chat.
import type { IssueLibrary } from '../core/model/library';
import type { PaperState } from '../core/model/paperState';
import type { LibrarySearch } from '../core/search/librarySearch';
import { normalizeForSearch, queryWords } from '../core/search/normalize';
import type { PaperStateStore } from '../storage/paperStateStore';

export interface PaperSearchServices {
  readonly library: Pick<IssueLibrary, 'findPaper'>;
  readonly store: Pick<PaperStateStore, 'all'>;
  readonly search: Pick<LibrarySearch, 'search'>;
}

/**
 * The keys of the papers a query matches, best first: the search's (title matches, then summary
 * matches), then papers only the store remembers whose title, issue or note holds every word.
 * Open Paper... and the language-model tools find papers alike.
 */
export function matchingPaperKeys({ library, store, search }: PaperSearchServices, query: string): string[] {
  const keys = search.search(query);
  const words = queryWords(query);
  for (const [key, state] of store.all()) {
    if (library.findPaper(key).length > 0) continue;
    const haystack = goneHaystack(state);
    if (words.every((word) => haystack.includes(word))) keys.push(key);
  }
  return keys;
}

/**
 * What the search sees of a paper only the store remembers, normalised once per state: the
 * store replaces a state object on every change, so the cache can never be stale, and typing in
 * the quick pick does not re-normalise long notes on every keystroke.
 */
const goneHaystacks = new WeakMap<PaperState, string>();
function goneHaystack(state: PaperState): string {
  let haystack = goneHaystacks.get(state);
  if (haystack === undefined) {
    haystack = normalizeForSearch(`${state.title}\n${state.issueLabel ?? ''}\n${state.note}`);
    goneHaystacks.set(state, haystack);
  }
  return haystack;
}
