// What differs about web requests between the two hosts the extension runs in: Node's extension
// host (desktop, remote, Codespaces) and a browser's web worker (VS Code for the Web). Both use the
// global fetch; they differ in two things, and only these live behind this interface:
// - redirects: Node shows each redirect (`redirect: 'manual'`), so every address is checked
//   before it is asked for; a browser hides them (an opaque answer), follows them itself and shows
//   only the last address, which is checked before its body is read;
// - failures: a browser refuses an answer the site does not allow (CORS) and says only "Failed to
//   fetch", the same words as for no network; Node names the cause.
// The entry point (extension.ts or extension.web.ts) chooses one with `useRequests`, once.
// No vscode import.

/** One GET's answer and the address it came from, after redirects. */
export interface Answer {
  readonly response: Response;
  readonly at: URL;
}

export type Followed =
  | ({ readonly kind: 'answer' } & Answer)
  /** A redirect to an address `mayFollow` refused; nothing was read from it. */
  | { readonly kind: 'refused'; readonly from: URL; readonly to: URL }
  /** A redirect to something that is not a web address. */
  | { readonly kind: 'notWeb'; readonly from: URL }
  | { readonly kind: 'tooManyRedirects' };

export interface Requests {
  /** Where requests are made: `browser` when the browser's own rules (CORS) apply to them. */
  readonly host: 'node' | 'browser';
  /**
   * GETs `url`, following at most `maxRedirects` redirects to addresses `mayFollow` accepts.
   * Throws what fetch throws (no answer at all, or `signal` aborted).
   */
  follow(url: URL, init: { signal: AbortSignal; accept: string; maxRedirects: number; mayFollow: (next: URL) => boolean }): Promise<Followed>;
  /** Why a request got no answer at all, in a few words for a log (`error` is what fetch threw). */
  noAnswer(error: unknown): string;
}

function thrown(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}

function resolve(location: string, base: URL): URL | null {
  try {
    const url = new URL(location, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** Node's fetch: each redirect is seen, and checked before it is followed. */
export const nodeRequests: Requests = {
  host: 'node',
  async follow(url, { signal, accept, maxRedirects, mayFollow }) {
    let at = url;
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(at, { signal, redirect: 'manual', headers: { accept } });
      const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
      if (location === null) return { kind: 'answer', response, at };
      await response.body?.cancel();
      if (redirects === maxRedirects) return { kind: 'tooManyRedirects' };
      const next = resolve(location, at);
      if (!next) return { kind: 'notWeb', from: at };
      if (!mayFollow(next)) return { kind: 'refused', from: at, to: next };
      at = next;
    }
  },
  noAnswer: thrown,
};

/**
 * A browser's fetch: it follows redirects itself (at most 20) and shows only the last address,
 * which is checked before anything is read from it. The browser's own rules (CORS, and
 * Chromium's Private Network Access) already stop a public page's scripts from reading answers
 * from this computer; the check here also stops the import from keeping one.
 */
export const browserRequests: Requests = {
  host: 'browser',
  async follow(url, { signal, accept, mayFollow }) {
    const response = await fetch(url, { signal, redirect: 'follow', headers: { accept } });
    const at = resolve(response.url || url.toString(), url) ?? url;
    if (at.toString() !== url.toString() && !mayFollow(at)) {
      await response.body?.cancel();
      return { kind: 'refused', from: url, to: at };
    }
    return { kind: 'answer', response, at };
  },
  noAnswer: (error) => `${thrown(error)} (in the browser: no network, or the site does not allow requests from VS Code for the Web)`,
};

let current: Requests = nodeRequests;

/** Chooses how requests are made; called once by the entry point, before anything is fetched. */
export function useRequests(requests: Requests): void {
  current = requests;
}

/** How requests are made in this extension host. */
export function requests(): Requests {
  return current;
}
