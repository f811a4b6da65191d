// The matching pipeline run over the labelled contents lines, as the benchmark and the unit test
// both run it: for each line, matchPaper (searchQueries -> the local stand-in -> rankCandidates,
// then the offered papers' pages for their affiliations), one request at a time, then (mode.together) the issue's lines decided together by matchIssue,
// and each decision compared with the label.
import { matchIssue } from '../../src/core/match/matchIssue';
import { matchPaper, DEFAULT_MAX_RESULTS, type MatchOutcome } from '../../src/core/match/matchPaper';
import type { MatchDecision } from '../../src/core/match/rankCandidates';
import type { MatchRequest } from '../../src/core/match/arxivSearchQuery';
import type { ArxivSearchServer } from './arxivSearchServer';
import { requestFor, type LabelledPaper, type LabelledSet } from './matchCorpus';

/**
 * right: the expected paper accepted; wrong: another accepted (or one accepted for a paper not on
 * arXiv); reader: nothing accepted, the expected paper among those offered; nothing: nothing
 * accepted, the expected paper not offered; absent: not on arXiv, and nothing accepted.
 */
export type Outcome = 'right' | 'wrong' | 'reader' | 'nothing' | 'absent';

export function outcomeOf(expected: string | null, decision: MatchDecision): Outcome {
  if (decision.kind === 'accepted') return decision.best.id === expected ? 'right' : 'wrong';
  if (expected === null) return 'absent';
  if (decision.kind === 'possible' && decision.candidates.some((c) => c.id === expected)) return 'reader';
  return 'nothing';
}

export interface Mode {
  readonly name: string;
  readonly hints: boolean;
  readonly week: boolean;
  /** The issue's lines matched together (matchIssue) after each line's own searches. */
  readonly together?: boolean;
  /** The offered papers' pages are not read (what the searches alone decide). */
  readonly noPages?: boolean;
}

export interface PaperResult {
  readonly paper: LabelledPaper;
  readonly request: MatchRequest;
  readonly outcome: Outcome;
  readonly match: MatchOutcome;
  /** Requests the server saw for this paper. */
  readonly requests: number;
}

/** GET a URL's body; any status but 200 is an error carrying the body's start. */
export async function getText(url: string): Promise<string> {
  const response = await fetch(url);
  const body = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${body.slice(0, 300)}`);
  return body;
}

/** GET a page's body, or null when the server has none (404); any other status but 200 is an error. */
export async function getPage(url: string): Promise<string | null> {
  const response = await fetch(url);
  const body = await response.text();
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${body.slice(0, 300)}`);
  return body;
}

/** Every line of a set, matched in turn (never two requests at once). */
export async function runSet(server: ArxivSearchServer, set: LabelledSet, mode: Mode, maxResults = DEFAULT_MAX_RESULTS): Promise<PaperResult[]> {
  const results: PaperResult[] = [];
  for (const paper of set.papers) {
    const before = server.requests.length;
    const request = requestFor(set, paper, mode.hints, mode.week);
    const pages = mode.noPages ? undefined : { pagesUrl: server.pagesUrl, get: getPage };
    const match = await matchPaper(request, server.url, getText, maxResults, undefined, pages);
    results.push({ paper, request, outcome: outcomeOf(paper.expected, match.decision), match, requests: server.requests.length - before });
  }
  if (!mode.together) return results;
  const decisions = matchIssue(results.map((result) => ({ request: result.request, entries: result.match.entries, authorBlocks: result.match.authorBlocks })));
  return results.map((result, i) => {
    const decision = decisions[i]!;
    return { ...result, outcome: outcomeOf(result.paper.expected, decision), match: { ...result.match, decision } };
  });
}

export function count(results: readonly PaperResult[], outcome: Outcome): number {
  return results.filter((result) => result.outcome === outcome).length;
}
