// Fetching a newsletter page or feed with Node's global fetch: http(s) only, bounded in time and
// size, every failure a sentence a reader can act on, in the words of the `l10n` it is given
// (`vscode.l10n`; the import is for that type only). No vscode at run time: the caller decides
// what to show.
import type * as vscode from 'vscode';
import { MAX_INPUT_CHARS } from '../core/parse';

type L10n = Pick<typeof vscode.l10n, 't'>;

export const FETCH_TIMEOUT_MS = 15_000;

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

/** The page at `address` as text; rejects with an ImportError that says what went wrong. */
export async function fetchPage(address: string, l10n: L10n, timeoutMs = FETCH_TIMEOUT_MS): Promise<FetchedPage> {
  const url = webUrl(address, l10n);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, {
      signal: controller.signal,
      redirect: 'follow',
      headers: { accept: 'text/html, application/rss+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5' },
    });
    if (!webUrlOrNull(response.url || url.toString())) throw new ImportError(l10n.t('{0} sent Weekly Papers to an address that is not a web page.', url.host));
    if (!response.ok) {
      const status = response.statusText ? `${response.status} ${response.statusText}` : String(response.status);
      throw new ImportError(l10n.t('{0} answered {1} for {2}.', url.host, status, url.toString()));
    }
    const text = await response.text();
    if (text.length > MAX_INPUT_CHARS) throw new ImportError(l10n.t('The page at {0} is too large to be a newsletter issue.', url.toString()));
    return { text, contentType: response.headers.get('content-type') ?? '', url: response.url || url.toString() };
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if (controller.signal.aborted) {
      throw new ImportError(l10n.t('{0} did not answer within {1} seconds. Try again later, or import the issue from the clipboard.', url.host, Math.round(timeoutMs / 1000)));
    }
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
    throw new ImportError(l10n.t('Could not reach {0}: {1}. Check the address and your connection.', url.host, cause));
  } finally {
    clearTimeout(timer);
  }
}

/** The address as a URL when it is http or https; rejects anything else with a message. */
export function webUrl(address: string, l10n: L10n): URL {
  const url = webUrlOrNull(address);
  if (!url) throw new ImportError(l10n.t('"{0}" is not a web address: Weekly Papers imports only from http:// and https:// addresses.', address));
  return url;
}

function webUrlOrNull(address: string): URL | null {
  try {
    const url = new URL(address.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
