// One request to arXiv's API, and what became of it. Nothing of vscode at run time (the import is
// for the type of `vscode.l10n`, which describeFailure is given): Node's global fetch with an
// AbortController for the timeout, the body read with a size limit while it streams in; every
// failure is an outcome, never a throw.
import type * as vscode from 'vscode';
import { arxivQueryUrl, parseArxivAtom, type ArxivEntry, type ArxivEntryError } from '../core/formats/arxivAtom';
import { requests } from '../platform/requests';
import { MB, readBoundedText, readTextPrefix } from '../util/boundedBody';
import { describeRequestFailure, type RequestFailure, type RequestService } from '../util/requestFailure';

/** An answer of arXiv's API larger than this (decoded) is not read: 100 entries take about 300 KB. */
export const MAX_ARXIV_ANSWER_BYTES = 2 * MB;

export type FetchOutcome =
  | { readonly kind: 'ok'; readonly entries: readonly ArxivEntry[]; readonly errors: readonly ArxivEntryError[] }
  /** `tooLarge`: the body was larger than MAX_ARXIV_ANSWER_BYTES. */
  | RequestFailure;

export function fetchArxivBatch(apiUrl: string, ids: readonly string[], timeoutMs: number): Promise<FetchOutcome> {
  return fetchArxivFeed(arxivQueryUrl(apiUrl, ids), timeoutMs);
}

/** One request to arXiv's API (a look-up by ids, or a search) at `url`; null when the address is not http(s). */
export async function fetchArxivFeed(url: string | null, timeoutMs: number): Promise<FetchOutcome> {
  const answer = await fetchArxivText(url, timeoutMs);
  if (answer.kind !== 'ok') return answer;
  const feed = parseArxivAtom(answer.text);
  return feed.ok ? { kind: 'ok', entries: feed.entries, errors: feed.errors } : { kind: 'malformed', message: feed.error };
}

export type TextOutcome = { readonly kind: 'ok'; readonly text: string } | Exclude<FetchOutcome, { kind: 'ok' }>;

/** The body of one answer of arXiv's API, unread (the search's ranking reads it: see matchPaper). */
export function fetchArxivText(url: string | null, timeoutMs: number, maxBytes = MAX_ARXIV_ANSWER_BYTES): Promise<TextOutcome> {
  return arxivGet<TextOutcome>(url, timeoutMs, 'application/atom+xml', (response) => readBoundedText(response, maxBytes), null);
}

export type PageOutcome = { readonly kind: 'ok'; readonly text: string } | { readonly kind: 'notFound' } | Exclude<FetchOutcome, { kind: 'ok' | 'tooLarge' | 'malformed' }>;

/** The start of a page on arXiv (at most `maxBytes`; the rest is not downloaded); `notFound` for a 404 or 410. */
export function fetchArxivPageStart(url: string | null, timeoutMs: number, maxBytes: number): Promise<PageOutcome> {
  const notFound = { kind: 'notFound' } as const;
  return arxivGet<PageOutcome>(url, timeoutMs, 'text/html', async (response) => ({ kind: 'ok', text: await readTextPrefix(response, maxBytes) }), notFound);
}

/** What a GET to arXiv can end in besides its answer. */
type Failure = Exclude<PageOutcome, { kind: 'ok' | 'notFound' }>;

/**
 * One GET to arXiv: a timeout, 429 (rate-limited), any other error status, no answer at all, each
 * an outcome; a 200's body is read by `read`. `gone`: what a 404 or 410 is, when not an error.
 */
async function arxivGet<T>(url: string | null, timeoutMs: number, accept: string, read: (response: Response) => Promise<T>, gone: T | null): Promise<T | Failure> {
  if (url === null) return { kind: 'badAddress' };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal, headers: { accept } });
    if (response.ok) return await read(response);
    await response.body?.cancel();
    if (gone !== null && (response.status === 404 || response.status === 410)) return gone;
    if (response.status === 429) return { kind: 'rateLimited', retryAfter: response.headers.get('retry-after') };
    return { kind: 'httpError', status: response.status };
  } catch (error) {
    if (controller.signal.aborted) return { kind: 'timeout' };
    return { kind: 'offline', message: requests().noAnswer(error), inBrowser: requests().host === 'browser' };
  } finally {
    clearTimeout(timer);
  }
}

const ARXIV: RequestService = { name: 'arXiv', maxBytes: MAX_ARXIV_ANSWER_BYTES, address: 'arXiv API', setting: 'weeklyPapers.arxivApiUrl' };

/** What the panel says when a fetch failed; `retrying` adds that it will try again. */
export function describeFailure(outcome: Exclude<FetchOutcome, { kind: 'ok' }>, retrying: boolean, l10n: Pick<typeof vscode.l10n, 't'>): string {
  return describeRequestFailure(outcome, retrying, ARXIV, l10n);
}
