// The requests of one paper's search, through arXiv's polite queue: the Atom searches, then the
// start of candidates' pages for their authors' affiliations. The first failed search ends the
// search (the matcher tries it again later); a page that cannot be read only ends the reading.
import type * as vscode from 'vscode';
import type { AuthorPages } from '../core/match/matchPaper';
import { AUTHOR_PAGE_PREFIX_BYTES } from '../core/match/authorBlock';
import { backoffDelay, type Clock, type RequestThrottle } from '../core/net/requestThrottle';
import { fetchArxivPageStart, fetchArxivText, type TextOutcome } from '../arxiv/arxivFetch';

/** The longest arXiv is left alone after it says it is rate-limiting. */
export const BACKOFF_CAP_MS = 30 * 60 * 1000;
const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_BACKOFF_BASE_MS = 30_000;

export interface SearchRequestOptions {
  readonly throttle: RequestThrottle;
  readonly clock: Clock;
  readonly log?: vscode.LogOutputChannel;
  readonly timeoutMs?: number;
  readonly backoffBaseMs?: number;
}

/** A failed request: why, as arxivFetch says it. */
export type FailedRequest = Exclude<TextOutcome, { kind: 'ok' }>;

export class SearchRequests {
  /** The search request that failed, if one did: nothing more is asked after it. */
  failure: FailedRequest | null = null;

  constructor(
    private readonly slot: string,
    private readonly options: SearchRequestOptions,
  ) {}

  /** One search of arXiv's API: its Atom text, or a throw that ends the search (see `failure`). */
  readonly search = async (url: string): Promise<string> => {
    if (this.failure) throw new Error('an earlier request of this search failed');
    const answer = await this.options.throttle.run(() => {
      this.options.log?.info(`arXiv: searching for paper ${this.slot} (${url}).`);
      return fetchArxivText(url, this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    });
    if (answer.kind !== 'ok') {
      this.failure = answer;
      throw new Error(answer.kind);
    }
    return answer.text;
  };

  /**
   * The candidates' pages, read for their authors' affiliations. A page that cannot be read
   * leaves that paper's affiliations unknown and ends the reading (the search itself stands); a
   * 429 also holds the queue off, as for a search.
   */
  pages(pagesUrl: string): AuthorPages {
    return {
      pagesUrl,
      get: async (url) => {
        const answer = await this.options.throttle.run(() => {
          this.options.log?.info(`arXiv: reading the authors of a candidate for paper ${this.slot} (${url}).`);
          return fetchArxivPageStart(url, this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS, AUTHOR_PAGE_PREFIX_BYTES);
        });
        if (answer.kind === 'ok') return answer.text;
        if (answer.kind === 'notFound') return null;
        if (answer.kind === 'rateLimited') this.options.throttle.holdOff(this.backoff(1, answer.retryAfter));
        this.options.log?.warn(`arXiv: the page ${url} could not be read (${answer.kind}); the affiliations of the papers not read yet stay unknown.`);
        throw new Error(`the page ${url} could not be read (${answer.kind})`);
      },
    };
  }

  /** How long to wait after `failures` failures in a row (arXiv's Retry-After first, when it gave one). */
  backoff(failures: number, retryAfter: string | null): number {
    return backoffDelay(failures, this.options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS, BACKOFF_CAP_MS, retryAfter, this.options.clock.now());
  }
}
