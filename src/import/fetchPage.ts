// Fetching a newsletter page or feed with Node's global fetch: http(s) only, bounded in time and
// size, every failure a sentence a reader can act on. No vscode: the caller decides what to show.
import { MAX_INPUT_CHARS } from '../core/parse';

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
export async function fetchPage(address: string, timeoutMs = FETCH_TIMEOUT_MS): Promise<FetchedPage> {
  const url = webUrl(address);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, {
      signal: controller.signal,
      redirect: 'follow',
      headers: { accept: 'text/html, application/rss+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5' },
    });
    if (!webUrlOrNull(response.url || url.toString())) throw new ImportError(`${url.host} sent Weekly Papers to an address that is not a web page.`);
    if (!response.ok) {
      throw new ImportError(`${url.host} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${url.toString()}.`);
    }
    const text = await response.text();
    if (text.length > MAX_INPUT_CHARS) throw new ImportError(`The page at ${url.toString()} is too large to be a newsletter issue.`);
    return { text, contentType: response.headers.get('content-type') ?? '', url: response.url || url.toString() };
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if (controller.signal.aborted) {
      throw new ImportError(`${url.host} did not answer within ${Math.round(timeoutMs / 1000)} seconds. Try again later, or import the issue from the clipboard.`);
    }
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
    throw new ImportError(`Could not reach ${url.host}: ${cause}. Check the address and your connection.`);
  } finally {
    clearTimeout(timer);
  }
}

/** The address as a URL when it is http or https; rejects anything else with a message. */
export function webUrl(address: string): URL {
  const url = webUrlOrNull(address);
  if (!url) throw new ImportError(`"${address}" is not a web address: Weekly Papers imports only from http:// and https:// addresses.`);
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
