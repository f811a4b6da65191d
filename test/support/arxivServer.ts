// A stand-in for arXiv's API for the integration tests: an HTTP server on 127.0.0.1 (a free
// port) that answers `?id_list=…` from the hand-written fixtures (with CORS headers or, like
// arXiv itself may, without), and can be told to answer the
// next requests with a 429, slowly, with an Error entry, with malformed XML or with entries not
// asked for. It records every request, so tests can check batching. Close it in `after`.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { atomFeed, readArxivFixture } from './arxivFixtures';

export type PlannedAnswer =
  | { readonly kind: 'ok' }
  | { readonly kind: 'rateLimited'; readonly retryAfterSeconds?: number }
  | { readonly kind: 'slow'; readonly delayMs: number }
  | { readonly kind: 'error' }
  | { readonly kind: 'malformed' }
  /** The entries asked for, and these fixtures' too, which nobody asked for. */
  | { readonly kind: 'extra'; readonly ids: readonly string[] };

export interface RecordedRequest {
  readonly url: string;
  readonly ids: readonly string[];
  readonly at: number;
}

export class ArxivTestServer {
  readonly requests: RecordedRequest[] = [];
  private readonly planned: PlannedAnswer[] = [];
  private readonly server: http.Server;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  /** `cors`: every answer allows any origin to read it, as a browser requires of a page's requests. */
  private constructor(public cors: boolean) {
    this.server = http.createServer((request, response) => this.answer(request, response));
  }

  static async start(options: { readonly cors?: boolean } = {}): Promise<ArxivTestServer> {
    const server = new ArxivTestServer(options.cors ?? false);
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.server.listen(0, '127.0.0.1', () => resolve());
    });
    return server;
  }

  /** The API address to put in `weeklyPapers.arxivApiUrl`. */
  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/api/query`;
  }

  /** The next requests get these answers, in order; after them, every request gets the fixtures. */
  plan(...answers: PlannedAnswer[]): void {
    this.planned.push(...answers);
  }

  reset(): void {
    this.planned.length = 0;
    this.requests.length = 0;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(request: http.IncomingMessage, response: http.ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const ids = (url.searchParams.get('id_list') ?? '').split(',').filter((id) => id.length > 0);
    this.requests.push({ url: url.toString(), ids, at: Date.now() });
    if (this.cors) response.setHeader('access-control-allow-origin', '*');
    const plan = this.planned.shift() ?? { kind: 'ok' };
    const atom = (status: number, body: string) => {
      response.writeHead(status, { 'content-type': 'application/atom+xml; charset=utf-8' });
      response.end(body);
    };
    switch (plan.kind) {
      case 'ok':
        atom(200, atomFeed(ids));
        return;
      case 'rateLimited':
        response.writeHead(429, { 'content-type': 'text/plain', ...(plan.retryAfterSeconds !== undefined ? { 'retry-after': String(plan.retryAfterSeconds) } : {}) });
        response.end('Rate exceeded.');
        return;
      case 'slow': {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          if (!response.destroyed) atom(200, atomFeed(ids));
        }, plan.delayMs);
        this.timers.add(timer);
        return;
      }
      case 'error':
        atom(200, readArxivFixture('error.atom.xml'));
        return;
      case 'malformed':
        atom(200, readArxivFixture('malformed.atom.xml'));
        return;
      case 'extra':
        atom(200, atomFeed([...ids, ...plan.ids]));
        return;
    }
  }
}
