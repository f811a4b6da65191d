// A tiny static server for the import tests: the hand-written pages of test/fixtures/html on
// 127.0.0.1 (port 0: the system picks a free one), so no test reaches the internet.
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

export interface Route {
  readonly status?: number;
  readonly contentType?: string;
  /** The body, or a file under test/fixtures/html. */
  readonly body?: string;
  readonly file?: string;
  /** Rewrites the body (e.g. another volume number). */
  readonly rewrite?: (body: string) => string;
  /** The body for the request's whole address (its query too), instead of `body` or `file`. */
  readonly respond?: (url: URL) => string;
  /** Answers only after this long (ms). */
  readonly delayMs?: number;
}

export interface NewsletterServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** Paths requested so far. */
  readonly requests: string[];
  /** The addresses requested so far, path and query (`/api/v1/archive?sort=new&offset=11&limit=12`). */
  readonly addresses: string[];
  close(): Promise<void>;
}

/** Starts the server with `routes` (by path); `fixturesDir` is test/fixtures/html. Unknown paths answer 404. */
export async function startNewsletterServer(fixturesDir: string, routes: Record<string, Route>): Promise<NewsletterServer> {
  const requests: string[] = [];
  const addresses: string[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    addresses.push(url.pathname + url.search);
    const route = routes[url.pathname];
    const answer = (): void => {
      if (!route) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      let body = route.respond ? route.respond(url) : route.file ? fs.readFileSync(path.join(fixturesDir, route.file), 'utf8') : (route.body ?? '');
      if (route.rewrite) body = route.rewrite(body);
      response.writeHead(route.status ?? 200, { 'content-type': route.contentType ?? 'text/html; charset=utf-8' }).end(body);
    };
    if (route?.delayMs) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!response.destroyed) answer();
      }, route.delayMs);
      timers.add(timer);
    } else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    addresses,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
