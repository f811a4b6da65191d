// One issue can be held in several copies: the e-mail in the workspace and the post's web page
// imported beside it, say. The library shows one copy (see preferredCopy in library.ts); only the
// web page's contents list carries each paper's real title in its anchor (Paper.titleHint), the
// best clue for finding a paper on arXiv. The copy shown borrows those hints from the others, so
// that importing the page improves the matches whichever copy is shown. The page's titles may also
// come without a copy of it (pageTitles.ts: looked up on the newsletter's site). Pure.
import type { Issue, Paper } from './model';

/** A contents title as the same line reads in any copy: letters and digits, lower-case, single spaces. */
export function contentsLineKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .join(' ');
}

/**
 * `issue` with the title hints its papers lack taken from `others` (copies of the same issue) and
 * from `page` (the contents lines of its web page, by contentsLineKey): a paper borrows the hint
 * of the paper with the same contents line in another copy. A contents line that two papers of
 * one copy share is ambiguous and borrows nothing. The same object when nothing is borrowed.
 */
export function withBorrowedTitleHints(issue: Issue, others: readonly Issue[], page?: ReadonlyMap<string, string>): Issue {
  if ((others.length === 0 && !page?.size) || !issue.papers.some((paper) => paper.titleHint === null && paper.shortTitle !== null)) return issue;
  const hints = new Map<string, string | null>();
  // Two copies that disagree on a line's hint: neither is taken.
  const lend = (line: string, hint: string) => hints.set(line, hints.has(line) && hints.get(line) !== hint ? null : hint);
  for (const other of others) {
    for (const [line, hint] of uniqueLines(other.papers)) if (hint !== null) lend(line, hint);
  }
  for (const [line, hint] of page ?? []) lend(line, hint);
  if (hints.size === 0) return issue;
  const own = uniqueLines(issue.papers);
  let papers: Paper[] | null = null;
  issue.papers.forEach((paper, index) => {
    if (paper.titleHint !== null || paper.shortTitle === null) return;
    const line = contentsLineKey(paper.shortTitle);
    const hint = own.has(line) ? hints.get(line) : undefined;
    if (hint === undefined || hint === null) return;
    papers ??= issue.papers.slice();
    papers[index] = { ...paper, titleHint: hint };
  });
  return papers === null ? issue : { ...issue, papers };
}

/** Contents line (contentsLineKey) -> its paper's hint, for the lines only one paper of the copy has. */
export function uniqueLines(papers: readonly Paper[]): Map<string, string | null> {
  const lines = new Map<string, string | null>();
  const shared = new Set<string>();
  for (const paper of papers) {
    if (paper.shortTitle === null) continue;
    const line = contentsLineKey(paper.shortTitle);
    if (line.length === 0) continue;
    if (lines.has(line)) shared.add(line);
    else lines.set(line, paper.titleHint);
  }
  for (const line of shared) lines.delete(line);
  return lines;
}
