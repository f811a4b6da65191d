// Fetching a newsletter page or feed with the host's fetch (platform/requests.ts): http(s) only,
// bounded in time and size (the body is read with a limit while it streams in), every failure a
// sentence a reader can act on, in the words of the `l10n` it is given (`vscode.l10n`; the import
// is for that type only). Every address redirects lead to is checked: an address on the internet
// cannot send the import to this computer. No vscode at run time: the caller decides what to show.
import type * as vscode from 'vscode';
import { isLoopbackUrl, mayReach } from '../core/net/localAddress';
import { MB, readBoundedText } from '../util/boundedBody';
import { requests } from '../platform/requests';

type L10n = Pick<typeof vscode.l10n, 't'>;

export const FETCH_TIMEOUT_MS = 15_000;
/** A page or feed larger than this (decoded) is not read: an issue's page is well under 1 MB. */
export const MAX_PAGE_BYTES = 5 * MB;
export const MAX_REDIRECTS = 5;
/** The longest address read (typed, passed to the command, or from a feed): a post's is under 200. */
export const MAX_ADDRESS_CHARS = 2048;

export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

export interface FetchedPage {
  readonly text: string;
  readonly contentType: string;
  /** The address after redirects. */
  readonly url: string;
}

export interface FetchPageOptions {
  readonly timeoutMs?: number;
  /** The address the reader gave (a feed's, when this is one of its entries); `address` itself by default. */
  readonly typed?: string;
  /** Which addresses count as this computer; for tests, whose servers all are. */
  readonly isLocal?: (url: URL) => boolean;
  readonly maxBytes?: number;
}

/** The page at `address` as text; rejects with an ImportError that says what went wrong. */
export async function fetchPage(address: string, l10n: L10n, options: FetchPageOptions = {}): Promise<FetchedPage> {
  const { timeoutMs = FETCH_TIMEOUT_MS, isLocal = isLoopbackUrl, maxBytes = MAX_PAGE_BYTES } = options;
  const url = webUrl(address, l10n);
  const typed = webUrlOrNull(options.typed ?? address) ?? url;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    if (!mayReach(typed, url, isLocal)) throw new ImportError(refusedLocal(typed, url, l10n));
    const { response, at } = await fetchFollowing(url, typed, controller.signal, isLocal, l10n);
    if (!response.ok) {
      await response.body?.cancel();
      const status = response.statusText ? `${response.status} ${response.statusText}` : String(response.status);
      throw new ImportError(l10n.t('{0} answered {1} for {2}.', at.host, status, at.toString()));
    }
    const body = await readBoundedText(response, maxBytes);
    if (body.kind === 'tooLarge') {
      controller.abort();
      throw new ImportError(l10n.t('The page at {0} is larger than {1} MB; nothing was saved.', at.toString(), Math.round(maxBytes / MB)));
    }
    return { text: body.text, contentType: response.headers.get('content-type') ?? '', url: at.toString() };
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if (controller.signal.aborted) {
      throw new ImportError(l10n.t('{0} did not answer within {1} seconds. Try again later, or import the issue from the clipboard.', url.host, Math.round(timeoutMs / 1000)));
    }
    if (requests().host === 'browser') {
      throw new ImportError(l10n.t('Could not reach {0} from the browser: the site may not allow requests from VS Code for the Web, or you are offline. Copy the page and use Import Issue from Clipboard instead.', url.host));
    }
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
    throw new ImportError(l10n.t('Could not reach {0}: {1}. Check the address and your connection.', url.host, cause));
  } finally {
    clearTimeout(timer);
  }
}

/** GETs `url`, following up to MAX_REDIRECTS redirects, each to a web address `typed` may reach. */
async function fetchFollowing(url: URL, typed: URL, signal: AbortSignal, isLocal: (url: URL) => boolean, l10n: L10n): Promise<{ response: Response; at: URL }> {
  const followed = await requests().follow(url, {
    signal,
    accept: 'text/html, application/rss+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5',
    maxRedirects: MAX_REDIRECTS,
    mayFollow: (next) => mayReach(typed, next, isLocal),
  });
  switch (followed.kind) {
    case 'answer':
      return followed;
    case 'tooManyRedirects':
      throw new ImportError(l10n.t('{0} redirected Weekly Papers more than {1} times; nothing was saved.', url.host, MAX_REDIRECTS));
    case 'notWeb':
      throw new ImportError(l10n.t('{0} sent Weekly Papers to an address that is not a web page.', followed.from.host));
    case 'refused':
      throw new ImportError(refusedLocal(typed, followed.to, l10n));
  }
}

function refusedLocal(typed: URL, target: URL, l10n: L10n): string {
  return l10n.t('{0} sent Weekly Papers to {1}, an address on this computer; it was not followed and nothing was saved.', typed.host, target.toString());
}

/** The address as a URL when it is http or https; rejects anything else with a message. */
export function webUrl(address: string, l10n: L10n): URL {
  const length = address.trim().length;
  if (length > MAX_ADDRESS_CHARS) {
    throw new ImportError(l10n.t('This address is {0} characters long, and Weekly Papers reads addresses of at most {1} characters; nothing was fetched. Check what was pasted.', length, MAX_ADDRESS_CHARS));
  }
  const url = webUrlOrNull(address);
  if (!url) throw new ImportError(l10n.t('"{0}" is not a web address: Weekly Papers imports only from http:// and https:// addresses.', address));
  return url;
}

/** The address as a URL when it is http or https and at most MAX_ADDRESS_CHARS long; null otherwise. */
export function webUrlOrNull(address: string): URL | null {
  if (address.trim().length > MAX_ADDRESS_CHARS) return null;
  try {
    const url = new URL(address.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
