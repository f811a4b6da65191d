// Which addresses are this computer, and when an import may go to one. A page on the internet
// must not be able to make the extension fetch from the reader's own machine (a redirect, or a
// feed entry, pointing at 127.0.0.1): only a reader who typed such an address may be sent to one.
// Host names are judged as written (after the URL parser's normalising: `http://2130706433/` is
// 127.0.0.1 by then); a public name that resolves to a loopback address is not caught here.

/** True for `localhost` (and `*.localhost`), 127.0.0.0/8, 0.0.0.0, `::`, `::1` and IPv4-mapped forms of them. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (/^127\.\d+\.\d+\.\d+$/.test(host) || host === '0.0.0.0') return true;
  if (!host.startsWith('[')) return false;
  const v6 = host.slice(1, -1);
  if (v6 === '::' || v6 === '::1') return true;
  // `[::ffff:127.0.0.1]` is written `[::ffff:7f00:1]` by the URL parser; `[::ffff:0:0]` is 0.0.0.0.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(v6);
  if (!mapped) return false;
  const high = parseInt(mapped[1] ?? '', 16);
  return high >> 8 === 127 || (high === 0 && parseInt(mapped[2] ?? '', 16) === 0);
}

/** Whether a URL's host is this computer. */
export function isLoopbackUrl(url: URL): boolean {
  return isLoopbackHost(url.hostname);
}

/**
 * Whether a service's API address (an arXiv or Hugging Face mirror setting) may be used: https,
 * or http only on this computer (a local mirror or test server). Plain http elsewhere would let
 * anyone on the way read and change what the extension is told.
 */
export function isApiAddress(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url));
}

/** An address setting's text as a URL to build requests on, or null when it is no URL or not isApiAddress. */
export function apiAddress(address: string): URL | null {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return null;
  }
  return isApiAddress(url) ? url : null;
}

/** isApiAddress for an address as a setting holds it: false for text that is no URL. */
export function isApiAddressText(address: string): boolean {
  return apiAddress(address) !== null;
}

/**
 * Whether an import that began at `typed` (the address the reader gave) may fetch `target`: yes,
 * unless `target` is local and `typed` was not. `isLocal` is for tests, whose servers are all local.
 */
export function mayReach(typed: URL, target: URL, isLocal: (url: URL) => boolean = isLoopbackUrl): boolean {
  return isLocal(typed) || !isLocal(target);
}

/** The entries (a feed's) whose address an import that began at `typed` may fetch. */
export function reachableFrom<T extends { readonly url: string }>(typed: URL, entries: readonly T[], isLocal: (url: URL) => boolean = isLoopbackUrl): T[] {
  return entries.filter((entry) => {
    try {
      return mayReach(typed, new URL(entry.url), isLocal);
    } catch {
      return false;
    }
  });
}
