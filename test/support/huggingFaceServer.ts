// A stand-in for Hugging Face's API for the integration tests: an HTTP server on 127.0.0.1 (a free
// port) that answers `/api/papers/<id>` from the hand-written fixtures (404 for a paper it has
// none of), `/api/models?filter=arxiv:<id>` and `/api/datasets?...` likewise (`[]` when none), and
// can be told to answer the next requests with a 429, a 5xx, slowly, with a body over 1 MB or
// with HTML. It records every request, so tests can check what was asked and when. Close it in `after`.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { huggingFaceAnswer, readHuggingFaceFixture } from './huggingFaceFixtures';

export type PlannedAnswer =
  | { readonly kind: 'ok' }
  | { readonly kind: 'rateLimited'; readonly retryAfterSeconds?: number }
  | { readonly kind: 'serverError'; readonly status?: number }
  | { readonly kind: 'slow'; readonly delayMs: number }
  /** A valid answer of 32 MB, streamed in chunks; `declared` sends its Content-Length first. */
  | { readonly kind: 'huge'; readonly declared?: boolean }
  | { readonly kind: 'notJson' };

export interface RecordedRequest {
  /** The path and query as sent: `/api/papers/2511.18659`. */
  readonly path: string;
  /** `papers`, `models` or `datasets`; null for any other path. */
  readonly endpoint: 'papers' | 'models' | 'datasets' | null;
  /** The arXiv id asked about, when the path or filter names one. */
  readonly id: string | null;
  readonly at: number;
}

export class HuggingFaceTestServer {
  readonly requests: RecordedRequest[] = [];
  /** Bodies the client stopped reading before they were all sent (a huge answer refused). */
  abandonedBodies = 0;
  private readonly planned: PlannedAnswer[] = [];
  private readonly server: http.Server;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  private constructor() {
    this.server = http.createServer((request, response) => this.answer(request, response));
  }

  static async start(): Promise<HuggingFaceTestServer> {
    const server = new HuggingFaceTestServer();
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.server.listen(0, '127.0.0.1', () => resolve());
    });
    return server;
  }

  /** The address to put in `weeklyPapers.huggingFaceApiUrl` (the API is under `/api/`). */
  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** The next requests get these answers, in order; after them, every request gets the fixtures. */
  plan(...answers: PlannedAnswer[]): void {
    this.planned.push(...answers);
  }

  /** The requests for one endpoint, in order. */
  requestsFor(endpoint: 'papers' | 'models' | 'datasets'): RecordedRequest[] {
    return this.requests.filter((request) => request.endpoint === endpoint);
  }

  reset(): void {
    this.planned.length = 0;
    this.requests.length = 0;
    this.abandonedBodies = 0;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(request: http.IncomingMessage, response: http.ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const paper = /^\/api\/papers\/(.+)$/.exec(url.pathname);
    const list = /^\/api\/(models|datasets)$/.exec(url.pathname);
    const endpoint = paper ? 'papers' : ((list?.[1] as 'models' | 'datasets' | undefined) ?? null);
    const filter = /^arxiv:(.+)$/.exec(url.searchParams.get('filter') ?? '');
    const id = paper?.[1] !== undefined ? decodeURIComponent(paper[1]) : (filter?.[1] ?? null);
    this.requests.push({ path: `${url.pathname}${url.search}`, endpoint, id, at: Date.now() });
    const plan = this.planned.shift() ?? { kind: 'ok' };
    const send = (status: number, body: string, type = 'application/json; charset=utf-8') => {
      response.writeHead(status, { 'content-type': type });
      response.end(body);
    };
    const fixtures = () => {
      if (endpoint === null || id === null) return send(404, readHuggingFaceFixture('not-found.json'));
      const body = huggingFaceAnswer(endpoint, id);
      if (body !== null) return send(200, body);
      return endpoint === 'papers' ? send(404, readHuggingFaceFixture('not-found.json')) : send(200, '[]');
    };
    switch (plan.kind) {
      case 'ok':
        fixtures();
        return;
      case 'rateLimited':
        response.writeHead(429, { 'content-type': 'text/plain', ...(plan.retryAfterSeconds !== undefined ? { 'retry-after': String(plan.retryAfterSeconds) } : {}) });
        response.end('Too Many Requests');
        return;
      case 'serverError':
        send(plan.status ?? 503, readHuggingFaceFixture('not-json.html'), 'text/html; charset=utf-8');
        return;
      case 'slow': {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          if (!response.destroyed) fixtures();
        }, plan.delayMs);
        this.timers.add(timer);
        return;
      }
      case 'huge':
        this.sendHuge(response, plan.declared ?? false);
        return;
      case 'notJson':
        send(200, readHuggingFaceFixture('not-json.html'), 'text/html; charset=utf-8');
        return;
    }
  }

  /**
   * A 32 MB valid JSON answer (CLaRa with a padded `ai_summary`), written as fast as the client
   * reads it: far more than socket buffers hold, so a client that stops reading is seen stopping.
   */
  private sendHuge(response: http.ServerResponse, declared: boolean): void {
    const head = '{"id":"2511.18659","title":"CLaRa","upvotes":87,"ai_summary":"';
    const tail = '"}';
    const chunk = 'Retrieval and generation, trained together. '.repeat(1490); // 65,560 bytes
    const chunks = 512;
    const length = head.length + chunk.length * chunks + tail.length;
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...(declared ? { 'content-length': String(length) } : {}) });
    let sent = 0;
    let finished = false;
    response.on('close', () => {
      if (!finished) this.abandonedBodies++;
    });
    const writeMore = (): void => {
      if (sent === 0) response.write(head);
      while (sent < chunks && !response.destroyed) {
        sent++;
        if (!response.write(chunk)) {
          response.once('drain', writeMore);
          return;
        }
      }
      if (!response.destroyed) {
        finished = true;
        response.end(tail);
      }
    };
    writeMore();
  }
}
