// One paper of an issue, matched: its search queries asked one after the other through a getter
// the caller supplies (which spaces requests as arXiv asks: one at a time, 3 s apart), the
// answers pooled, and the pool ranked after each answer. The second query is asked only when the
// first did not give a paper the ranking accepts, or when the first was narrowed to a surname;
// and not when it only narrows a first query whose whole answer came back (fewer results than
// asked for). Pure: no vscode import; the network is the caller's.
import { parseArxivAtom, type ArxivEntry } from '../arxivAtom';
import { MAX_SEARCH_RESULTS, arxivSearchUrl, searchPlan, type MatchRequest } from './arxivSearchQuery';
import { rankCandidates, type MatchDecision } from './rankCandidates';

/** Results asked for per query: enough for the paper to be among them when its words are common ones. */
export const DEFAULT_MAX_RESULTS = 25;

export interface MatchOutcome {
  readonly decision: MatchDecision;
  /** Every entry the searches returned (each id once), for showing candidates without asking again. */
  readonly entries: readonly ArxivEntry[];
  /** The search URLs asked, in order. */
  readonly urls: readonly string[];
  /** Answers that could not be read, or requests that failed. */
  readonly errors: readonly string[];
}

/** Fetches a URL's body (Atom). Throws when the request fails; the caller spaces and retries. */
export type AtomGetter = (url: string) => Promise<string>;

/**
 * `held`: arXiv ids that are not this paper's (the issue links them, or its other lines were
 * matched to them): never a candidate, so a look-alike another line holds neither stands in the
 * way of this line's paper nor is taken for it, and a further query is asked when the first
 * found only held records.
 */
export async function matchPaper(
  request: MatchRequest,
  apiUrl: string,
  get: AtomGetter,
  maxResults = DEFAULT_MAX_RESULTS,
  held: ReadonlySet<string> = new Set(),
): Promise<MatchOutcome> {
  const pool = new Map<string, ArxivEntry>();
  const urls: string[] = [];
  const errors: string[] = [];
  let decision: MatchDecision = { kind: 'none' };
  /** How many entries each query returned (null: not asked, or not read). */
  const returned: (number | null)[] = [];
  for (const { query, narrows } of searchPlan(request)) {
    returned.push(null);
    // A query that only narrows an earlier one whose whole answer came back finds nothing new.
    const earlier = narrows === null ? null : returned[narrows];
    if (earlier !== null && earlier !== undefined && earlier < Math.min(maxResults, MAX_SEARCH_RESULTS)) continue;
    const url = arxivSearchUrl(apiUrl, query, maxResults);
    if (url === null) {
      errors.push(`not an https:// address (http:// only for 127.0.0.1 or localhost): ${apiUrl}`);
      break;
    }
    urls.push(url);
    let body: string;
    try {
      body = await get(url);
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
      continue;
    }
    const feed = parseArxivAtom(body);
    if (!feed.ok) {
      errors.push(feed.error);
      continue;
    }
    for (const problem of feed.errors) errors.push(problem.message);
    returned[returned.length - 1] = feed.entries.length + feed.errors.length;
    for (const entry of feed.entries) if (!pool.has(entry.id) && !held.has(entry.id)) pool.set(entry.id, entry);
    decision = rankCandidates(request, [...pool.values()]);
    // A search narrowed to one surname cannot show a better paper by other authors, and the
    // surname may be wrong: its acceptance stands only once the next query has been asked too.
    if (decision.kind === 'accepted' && !/(^|[ (])au:/.test(query)) break;
  }
  return { decision, entries: [...pool.values()], urls, errors };
}
