// Requests to Hugging Face's API, and what became of them. Nothing of vscode at run time (the
// import is for the type of `vscode.l10n`, which describeFailure is given): Node's global fetch,
// a timeout, and a size limit applied while the body streams in, so a huge answer is cut off
// after 1 MB instead of being held in memory. Every failure is an outcome, never a throw.
import type * as vscode from 'vscode';
import {
  MAX_HUGGING_FACE_BODY_BYTES, huggingFaceArtifactsUrl, huggingFacePaperUrl, parseHuggingFaceListCount, parseHuggingFacePaper,
  type HuggingFacePaper,
} from '../core/formats/huggingFacePaper';
import { requests } from '../platform/requests';
import { readBoundedText } from '../util/boundedBody';
import { describeRequestFailure, type RequestFailure as ServiceFailure, type RequestService } from '../util/requestFailure';

export type RequestFailure =
  /** `tooLarge`: the body was larger than MAX_HUGGING_FACE_BODY_BYTES. */
  | ServiceFailure
  /** Not sent, or abandoned: the network was turned off, or the owner disposed. */
  | { readonly kind: 'cancelled' };

export type JsonAnswer = { readonly kind: 'ok'; readonly text: string } | { readonly kind: 'notFound' } | RequestFailure;

/** Sends one request when its turn comes, to the address `address` builds from the configured API address. */
export type JsonGetter = (address: (apiUrl: string) => string | null) => Promise<JsonAnswer>;

export type LookupOutcome =
  | { readonly kind: 'found'; readonly paper: HuggingFacePaper }
  /** Hugging Face has not indexed the paper (404). */
  | { readonly kind: 'absent' }
  | RequestFailure;

/** GET `url` as text: at most `maxBytes`, within `timeoutMs`, abandoned when `signal` aborts. */
export async function fetchJsonText(url: string | null, timeoutMs: number, signal: AbortSignal, maxBytes = MAX_HUGGING_FACE_BODY_BYTES): Promise<JsonAnswer> {
  if (url === null) return { kind: 'badAddress' };
  if (signal.aborted) return { kind: 'cancelled' };
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  try {
    const response = await fetch(url, { signal: AbortSignal.any([signal, timeout.signal]), headers: { accept: 'application/json' } });
    if (response.ok) return await readBoundedText(response, maxBytes);
    await response.body?.cancel();
    if (response.status === 404) return { kind: 'notFound' };
    if (response.status === 429) return { kind: 'rateLimited', retryAfter: response.headers.get('retry-after') };
    return { kind: 'httpError', status: response.status };
  } catch (error) {
    if (timeout.signal.aborted) return { kind: 'timeout' };
    if (signal.aborted) return { kind: 'cancelled' };
    return { kind: 'offline', message: requests().noAnswer(error), inBrowser: requests().host === 'browser' };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One paper: `/api/papers/<id>`, then, for a paper Hugging Face has and when `countArtifacts`,
 * `/api/models?filter=arxiv:<id>` and `/api/datasets?...` (each its own request, each `get`'s turn).
 * A count that cannot be had for a lasting reason is left null; a passing failure (429, 5xx,
 * timeout, offline) fails the whole lookup, to be retried.
 */
export async function lookUpHuggingFacePaper(id: string, get: JsonGetter, countArtifacts: boolean): Promise<LookupOutcome> {
  const answer = await get((apiUrl) => huggingFacePaperUrl(apiUrl, id));
  if (answer.kind === 'notFound') return { kind: 'absent' };
  if (answer.kind !== 'ok') return answer;
  const parsed = parseHuggingFacePaper(answer.text);
  if (!parsed.ok) return { kind: 'malformed', message: parsed.error };
  if (parsed.paper.id !== id) return { kind: 'malformed', message: `Hugging Face answered about another paper (${parsed.paper.id.slice(0, 40)})` };
  if (!countArtifacts) return { kind: 'found', paper: parsed.paper };
  const counts: Record<'models' | 'datasets', number | null> = { models: null, datasets: null };
  for (const kind of ['models', 'datasets'] as const) {
    const list = await get((apiUrl) => huggingFaceArtifactsUrl(apiUrl, kind, id));
    if (list.kind !== 'ok') {
      if (list.kind !== 'notFound' && (isTransient(list) || list.kind === 'cancelled')) return list;
      continue;
    }
    const count = parseHuggingFaceListCount(list.text);
    counts[kind] = count.ok ? count.count : null;
  }
  return { kind: 'found', paper: { ...parsed.paper, ...counts } };
}

/** A failure that may pass by itself (rate limit, server trouble, time-out, no connection): worth retrying later. */
export function isTransient(failure: RequestFailure): boolean {
  switch (failure.kind) {
    case 'rateLimited':
    case 'timeout':
    case 'offline':
    case 'malformed':
      return true;
    case 'httpError':
      return failure.status >= 500 || failure.status === 408;
    case 'tooLarge':
    case 'badAddress':
    case 'cancelled':
      return false;
  }
}

const HUGGING_FACE: RequestService = { name: 'Hugging Face', maxBytes: MAX_HUGGING_FACE_BODY_BYTES, address: 'Hugging Face', setting: 'weeklyPapers.huggingFaceApiUrl' };

/** What the panel says when a lookup failed; `retrying` adds that it will try again. */
export function describeFailure(failure: Exclude<RequestFailure, { kind: 'cancelled' }>, retrying: boolean, l10n: Pick<typeof vscode.l10n, 't'>): string {
  return describeRequestFailure(failure, retrying, HUGGING_FACE, l10n);
}
