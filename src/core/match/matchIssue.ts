// The papers of one issue, matched together: an issue's contents lines are distinct papers, so
// one arXiv record cannot be the match of two lines, and a record the issue already names (an
// arXiv link elsewhere in it) is no line's match. Each line's search results are ranked as
// rankCandidates ranks them, but without the records other lines hold: the line accepted with the
// highest score takes its record first, every other line is ranked again without it (its runner-up
// may be gone, or its best may have been that record), and so on until no line accepts anything
// new. A line that loses its best to a stronger line is ranked on what is left, never given the
// same record. Pure: no vscode import, no network; deterministic (ties go to the earlier line).
import type { ArxivEntry } from '../formats/arxivAtom';
import type { MatchRequest } from './arxivSearchQuery';
import { MATCH_RULE, rankCandidates, type AuthorBlocks, type MatchDecision, type MatchRule } from './rankCandidates';

export interface IssueLine {
  readonly request: MatchRequest;
  /** Every entry the line's searches returned. */
  readonly entries: readonly ArxivEntry[];
  /** The author blocks read from its candidates' pages, by id. */
  readonly authorBlocks?: AuthorBlocks;
}

/** The entries of a line without those held by others. */
function without(entries: readonly ArxivEntry[], held: ReadonlySet<string>): readonly ArxivEntry[] {
  return held.size === 0 ? entries : entries.filter((entry) => !held.has(entry.id));
}

/** The margin of an accepted decision over its runner-up (how sure it is), for breaking score ties. */
function margin(decision: Extract<MatchDecision, { kind: 'accepted' }>): number {
  return decision.best.score - (decision.candidates[1]?.score ?? 0);
}

/**
 * One decision per line, in the lines' order. `known` holds arXiv ids the issue itself gives (its
 * other papers' links): no line is matched to them.
 */
export function matchIssue(lines: readonly IssueLine[], known: Iterable<string> = [], rule: MatchRule = MATCH_RULE): MatchDecision[] {
  const knownIds = new Set(known);
  /** Record id -> the line that took it. */
  const taken = new Map<string, number>();
  const decisions: (MatchDecision | null)[] = lines.map(() => null);
  const heldFrom = (line: number): Set<string> => {
    const held = new Set(knownIds);
    for (const [id, owner] of taken) if (owner !== line) held.add(id);
    return held;
  };
  // Each round settles one line, so at most as many rounds as lines.
  for (let round = 0; round < lines.length; round++) {
    let strongest: { line: number; decision: Extract<MatchDecision, { kind: 'accepted' }> } | null = null;
    for (let i = 0; i < lines.length; i++) {
      if (decisions[i] !== null) continue;
      const line = lines[i]!;
      const decision = rankCandidates(line.request, without(line.entries, heldFrom(i)), rule, line.authorBlocks);
      if (decision.kind !== 'accepted') continue;
      const stronger =
        strongest === null ||
        decision.best.score > strongest.decision.best.score ||
        (decision.best.score === strongest.decision.best.score && margin(decision) > margin(strongest.decision));
      if (stronger) strongest = { line: i, decision };
    }
    if (strongest === null) break;
    decisions[strongest.line] = strongest.decision;
    taken.set(strongest.decision.best.id, strongest.line);
  }
  // The lines nothing was accepted for: ranked once more on what the others left them.
  return lines.map((line, i) => decisions[i] ?? rankCandidates(line.request, without(line.entries, heldFrom(i)), rule, line.authorBlocks));
}
