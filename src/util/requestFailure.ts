// What the panel says when a request to a web service (arXiv's API, Hugging Face's) failed: the
// same words for each service, with its name in them. Nothing of vscode at run time (the import is
// for the type of `vscode.l10n`, which the words are translated with).
import type * as vscode from 'vscode';
import { MB } from './boundedBody';

/** How a request can fail, whichever service it went to. */
export type RequestFailure =
  /** HTTP 429: `retryAfter` is the header as sent, if any. */
  | { readonly kind: 'rateLimited'; readonly retryAfter: string | null }
  | { readonly kind: 'timeout' }
  /** No answer at all; `inBrowser`: asked from a browser, which may also have refused the answer (CORS). */
  | { readonly kind: 'offline'; readonly message: string; readonly inBrowser: boolean }
  | { readonly kind: 'httpError'; readonly status: number }
  | { readonly kind: 'malformed'; readonly message: string }
  /** The body was larger than the service's limit: reading stopped there. */
  | { readonly kind: 'tooLarge' }
  /** The configured address is not http(s): nothing was sent. */
  | { readonly kind: 'badAddress' };

/** The service, as the words name it. */
export interface RequestService {
  /** "arXiv", "Hugging Face". */
  readonly name: string;
  /** The largest answer read, in bytes. */
  readonly maxBytes: number;
  /** What its address is called, and the setting that holds it. */
  readonly address: string;
  readonly setting: string;
}

/** What the panel says when a request failed; `retrying` adds that it will try again. */
export function describeRequestFailure(failure: RequestFailure, retrying: boolean, service: RequestService, l10n: Pick<typeof vscode.l10n, 't'>): string {
  const text = failureText(failure, service, l10n);
  // An answer too large or an address not allowed is never retried: it would fail the same way.
  const retried = retrying && failure.kind !== 'tooLarge' && failure.kind !== 'badAddress';
  return retried ? l10n.t('{0}, will retry', text) : text;
}

function failureText(failure: RequestFailure, { name, maxBytes, address, setting }: RequestService, l10n: Pick<typeof vscode.l10n, 't'>): string {
  switch (failure.kind) {
    case 'rateLimited':
      return l10n.t('{0} is rate-limiting', name);
    case 'timeout':
      return l10n.t('{0} did not answer in time', name);
    case 'offline':
      return failure.inBrowser
        ? l10n.t('{0} could not be reached from the browser (it may not allow requests from VS Code for the Web, or you are offline)', name)
        : l10n.t('offline ({0} could not be reached)', name);
    case 'httpError':
      return l10n.t('{0} answered HTTP {1}', name, failure.status);
    case 'malformed':
      return l10n.t("{0}'s answer could not be read", name);
    case 'tooLarge':
      return l10n.t("{0}'s answer was larger than {1} MB, so it was not read", name, maxBytes / MB);
    case 'badAddress':
      return l10n.t('the {0} address ({1}) is not an https:// address (http:// is allowed only for 127.0.0.1 or localhost)', address, setting);
  }
}
