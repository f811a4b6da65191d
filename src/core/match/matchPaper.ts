// One paper of an issue, matched: its search queries asked one after the other through a getter
// the caller supplies (which spaces requests as arXiv asks: one at a time, 3 s apart), the
// answers pooled, and the pool ranked after each answer. The second query is asked only when the
// first did not give a paper the ranking accepts, or when the first was narrowed to a surname;
// and not when it only narrows a first query whose whole answer came back (fewer results than
// asked for). When that leaves a line naming an organisation undecided, the pages of the papers on
// offer are read for their authors' affiliations (one request each, spaced the same way) and the
// pool ranked again. Pure: no vscode import; the network is the caller's.
import { parseArxivAtom, type ArxivEntry } from '../formats/arxivAtom';
import { MAX_SEARCH_RESULTS, arxivSearchUrl, authorSurname, searchPlan, searchWindow, type MatchRequest } from './arxivSearchQuery';
import { rankCandidates, type AuthorBlocks, type MatchDecision } from './rankCandidates';
import { arxivPageUrl, authorBlockText } from './authorBlock';
import { organisationWords } from './words';

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
  /** The author blocks read from the candidates' pages, by id (see `AuthorPages`). */
  readonly authorBlocks: AuthorBlocks;
  /** The page addresses asked, in order. */
  readonly pageUrls: readonly string[];
}

/**
 * Reading the candidates' own pages on arXiv for their authors' affiliations, when the searches
 * left a line whose contents name an organisation undecided. `get` returns the start of a page
 * (AUTHOR_PAGE_PREFIX_BYTES), or null when there is none or it could not be read: then nothing is
 * known of that paper's affiliations. It is spaced like the searches.
 */
export interface AuthorPages {
  readonly pagesUrl: string;
  readonly get: (url: string) => Promise<string | null>;
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
  pages?: AuthorPages,
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
  let authorBlocks: AuthorBlocks = new Map();
  let pageUrls: readonly string[] = [];
  if (pages && decision.kind === 'possible') {
    const read = await readAuthorPages(request, decision, pool, pages);
    ({ authorBlocks, pageUrls } = read);
    errors.push(...read.errors);
    if (authorBlocks.size > 0) decision = rankCandidates(request, [...pool.values()], undefined, authorBlocks);
  }
  return { decision, entries: [...pool.values()], urls, errors, authorBlocks, pageUrls };
}

/**
 * The author blocks of the pages of the papers a doubtful decision offers, for a line that names
 * an organisation (not "<Surname> et al."): one request per paper, in the order offered, skipping
 * papers whose affiliations arXiv's API already gave; a failed request ends the reading.
 */
export async function readAuthorPages(
  request: MatchRequest,
  decision: Extract<MatchDecision, { kind: 'possible' }>,
  pool: ReadonlyMap<string, ArxivEntry>,
  pages: AuthorPages,
): Promise<{ authorBlocks: AuthorBlocks; pageUrls: readonly string[]; errors: readonly string[] }> {
  const authorBlocks = new Map<string, string>();
  const pageUrls: string[] = [];
  const errors: string[] = [];
  // Without the week nothing but the title hint is accepted (see rankCandidates): pages would not change that.
  if (authorSurname(request.org) !== null || organisationWords(request.org).length === 0 || searchWindow(request) === null) return { authorBlocks, pageUrls, errors };
  for (const candidate of decision.candidates) {
    const entry = pool.get(candidate.id);
    if (!entry || entry.authors.some((author) => author.affiliation)) continue;
    const url = arxivPageUrl(pages.pagesUrl, candidate.id);
    if (url === null) {
      errors.push(`the arXiv pages address (weeklyPapers.arxivPagesUrl) is not an https:// address (http:// only for 127.0.0.1 or localhost), so no page was read: ${pages.pagesUrl}`);
      break;
    }
    pageUrls.push(url);
    let page: string | null;
    try {
      page = await pages.get(url);
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
      break;
    }
    const block = page === null ? null : authorBlockText(page);
    if (block !== null) authorBlocks.set(candidate.id, block);
  }
  return { authorBlocks, pageUrls, errors };
}
