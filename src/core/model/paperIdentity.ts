// Who a paper is across copies of its issue, matches and the reader's choices. A paper known
// only by its contents line is keyed by its slot (volume and number); once it has an arXiv id,
// by that. The keys it had before are its earlier keys: notes kept under them follow it.
import type { Extra, Issue, Paper } from './model';
import { paperKey } from './keys';

/** A paper's key while only its number is known: `vol132:#2` (no title slug holds a `#` there). */
export function slotKey(volume: number, number: number): string {
  return `vol${volume}:#${number}`;
}

/** Where in the newsletter a paper is (volume and number), or null where the issue does not say. */
export function paperSlot(issue: Pick<Issue, 'volume'>, paper: Pick<Paper, 'number'>): string | null {
  return issue.volume === null || paper.number === null ? null : slotKey(issue.volume, paper.number);
}

/**
 * Every key the paper may have had before, other than its own: its slot (while it was known only
 * by its contents line, or before a match), and its volume-and-title keys (a copy without arXiv
 * links, as a forwarded e-mail has, keys a complete paper by its title; the contents title too).
 */
export function earlierKeys(issue: Pick<Issue, 'volume'>, paper: Pick<Paper, 'key' | 'number' | 'title' | 'shortTitle'>): string[] {
  const keys: string[] = [];
  const add = (key: string | null) => {
    if (key !== null && key !== paper.key && !keys.includes(key)) keys.push(key);
  };
  add(paperSlot(issue, paper));
  if (issue.volume !== null) {
    add(paperKey(null, issue.volume, paper.title));
    if (paper.shortTitle) add(paperKey(null, issue.volume, paper.shortTitle));
  }
  return keys;
}

const VOLUME_KEY = /^vol\d+:/;

export interface KeyMove {
  readonly from: string;
  readonly to: string;
}

/**
 * The stored states to move: each kept under a key no paper has now, but that a paper had
 * before (its slot, say), goes to that paper's key. `currentKey` answers the key a paper once
 * keyed so has now (the key itself when none); `isCurrent` whether some paper is keyed so now.
 */
export function planKeyMoves(storedKeys: Iterable<string>, currentKey: (key: string) => string, isCurrent: (key: string) => boolean): KeyMove[] {
  const moves: KeyMove[] = [];
  for (const from of storedKeys) {
    // Earlier keys are all volume keys (slot or title): an arXiv id no paper has is not one, and
    // asking about it would make the library slug every title for nothing.
    if (!VOLUME_KEY.test(from) || isCurrent(from)) continue;
    const to = currentKey(from);
    if (to !== from) moves.push({ from, to });
  }
  return moves;
}

/** The reader may choose the paper's arXiv record: the newsletter gave it none (a search or the reader may have). */
export function arxivChoosable(paper: Paper | Extra): paper is Paper {
  return 'number' in paper && (paper.arxivId === null || paper.arxivMatch !== undefined);
}

/** The paper has an arXiv id that a search found or the reader chose (Remove arXiv Match undoes it). */
export function arxivMatched(paper: Paper | Extra): boolean {
  return 'arxivMatch' in paper && paper.arxivMatch !== undefined && paper.arxivId !== null;
}
