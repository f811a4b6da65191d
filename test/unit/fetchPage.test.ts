// Import from URL against local servers that answer badly on purpose: a page that never ends, a
// gzip bomb, a Content-Length that lies, a windows-1252 page, redirects to this computer.
import * as assert from 'node:assert/strict';
import { fetchPage, ImportError, MAX_ADDRESS_CHARS, MAX_REDIRECTS, webUrl } from '../../src/import/fetchPage';
import { endless, gzipOfZeros, hostileServer, lyingLengthServer, rssGrowthMb, type HostileServer } from '../support/hostileHttp';
import { decodeWithCharset } from '../../src/util/boundedBody';
import { ENGLISH } from './helpers/english';

const MB = 1024 * 1024;

async function importError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ImportError, `not an ImportError: ${String(error)}`);
    return error.message;
  }
  assert.fail('the fetch succeeded');
}

describe('fetchPage', function () {
  this.timeout(60_000);
  const servers: HostileServer[] = [];
  const serve = async (server: Promise<HostileServer>) => {
    const started = await server;
    servers.push(started);
    return started;
  };
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  describe('address', () => {
    const longAddress = (length: number) => {
      const start = 'https://newsletter.example/p/';
      return start + 'a'.repeat(length - start.length);
    };

    it(`takes an address of ${MAX_ADDRESS_CHARS} characters, and refuses a longer one with a sentence, not the address`, () => {
      assert.equal(webUrl(longAddress(MAX_ADDRESS_CHARS), ENGLISH).href.length, MAX_ADDRESS_CHARS);
      const thrown = (() => {
        try {
          webUrl(longAddress(1_000_000), ENGLISH);
        } catch (error) {
          return error;
        }
        return undefined;
      })();
      assert.ok(thrown instanceof ImportError, 'a 1,000,000-character address was taken');
      assert.equal(
        thrown.message,
        `This address is 1000000 characters long, and Weekly Papers reads addresses of at most ${MAX_ADDRESS_CHARS} characters; nothing was fetched. Check what was pasted.`,
      );
    });

    it('fetches nothing for an address over the limit, nor for a feed entry over it', async () => {
      const server = await serve(hostileServer((_request, response) => response.end('the issue')));
      const long = `${server.url}?q=${'a'.repeat(MAX_ADDRESS_CHARS)}`;
      assert.match(await importError(fetchPage(long, ENGLISH)), /^This address is \d+ characters long/);
      assert.match(await importError(fetchPage(long, ENGLISH, { typed: server.url })), /^This address is \d+ characters long/);
      assert.equal(server.requests(), 0);
    });
  });

  describe('size', () => {
    it('stops reading a page that never ends at 5 MB, and says so', async () => {
      const server = await serve(hostileServer((_request, response, write) => endless(response, write)));
      const { result, growthMb } = await rssGrowthMb(() => importError(fetchPage(server.url, ENGLISH)));
      assert.equal(result, `The page at ${server.url} is larger than 5 MB; nothing was saved.`);
      await server.closedByClient;
      assert.ok(server.sent() < 64 * MB, `the server sent ${server.sent() / MB} MB before the client stopped`);
      assert.ok(growthMb < 100, `RSS grew by ${growthMb.toFixed(0)} MB`);
    });

    it('stops inflating a 1 GB gzip bomb at 5 MB', async () => {
      const bomb = await gzipOfZeros(1024);
      assert.ok(bomb.byteLength < 2 * MB, `the bomb is ${bomb.byteLength} bytes`);
      const server = await serve(
        hostileServer((_request, response) => {
          response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': bomb.byteLength });
          response.end(bomb);
        }),
      );
      const { result, growthMb } = await rssGrowthMb(() => importError(fetchPage(server.url, ENGLISH)));
      assert.equal(result, `The page at ${server.url} is larger than 5 MB; nothing was saved.`);
      assert.ok(growthMb < 100, `RSS grew by ${growthMb.toFixed(0)} MB`);
    });

    it('refuses a declared Content-Length over the limit before the body comes', async () => {
      const server = await serve(
        hostileServer((_request, response) => {
          // Headers only: the body never comes, so only the header can end this before the time-out.
          response.writeHead(200, { 'content-type': 'text/html', 'content-length': 6 * MB });
          response.flushHeaders();
        }),
      );
      const started = Date.now();
      const message = await importError(fetchPage(server.url, ENGLISH, { timeoutMs: 10_000 }));
      assert.equal(message, `The page at ${server.url} is larger than 5 MB; nothing was saved.`);
      assert.ok(Date.now() - started < 5_000, 'it waited for the body');
    });

    it('reads no further than a Content-Length that lies small', async () => {
      const server = await serve(lyingLengthServer(1000));
      const { result, growthMb } = await rssGrowthMb(() => fetchPage(server.url, ENGLISH).then((page) => page.text.length, (error: unknown) => String(error)));
      assert.ok(result === 1000 || /ImportError/.test(String(result)), `outcome: ${String(result)}`);
      assert.ok(growthMb < 100, `RSS grew by ${growthMb.toFixed(0)} MB`);
    });
  });

  it('decodes the charset the Content-Type names', async () => {
    // “Quoted” — in windows-1252: 0x93 … 0x94, and 0x97 for the dash.
    const body = Buffer.from([0x3c, 0x70, 0x3e, 0x93, ...Buffer.from('Quoted'), 0x94, 0x20, 0x97, 0x3c, 0x2f, 0x70, 0x3e]);
    const server = await serve(
      hostileServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' });
        response.end(body);
      }),
    );
    const page = await fetchPage(server.url, ENGLISH);
    assert.equal(page.text, '<p>\u201cQuoted\u201d \u2014</p>');
  });

  it('falls back to UTF-8 for a charset it does not know', () => {
    assert.equal(decodeWithCharset(Buffer.from('h\u00e9llo \u201c'), 'text/html; charset="x-no-such-charset"'), 'h\u00e9llo \u201c');
    assert.equal(decodeWithCharset(Buffer.from([0xe9]), 'text/plain; charset=ISO-8859-1'), '\u00e9');
  });

  describe('redirects', () => {
    async function redirecting(to: () => string): Promise<HostileServer> {
      return serve(
        hostileServer((_request, response) => {
          response.writeHead(302, { location: to() });
          response.end();
        }),
      );
    }
    async function page(text: string): Promise<HostileServer> {
      return serve(
        hostileServer((_request, response) => {
          response.writeHead(200, { 'content-type': 'text/plain' });
          response.end(text);
        }),
      );
    }

    it('does not follow a redirect from an address on the internet to this computer', async () => {
      const local = await page('secret');
      const remote = await redirecting(() => `${local.url}admin`);
      const localPort = new URL(local.url).port;
      // Test servers are all on 127.0.0.1: here only `local`'s port counts as this computer.
      const isLocal = (url: URL) => url.port === localPort;
      const message = await importError(fetchPage(remote.url, ENGLISH, { isLocal }));
      assert.equal(message, `${new URL(remote.url).host} sent Weekly Papers to ${local.url}admin, an address on this computer; it was not followed and nothing was saved.`);
      assert.equal(local.requests(), 0);
    });

    it('does not fetch an entry on this computer for a feed on the internet', async () => {
      const local = await page('secret');
      const isLocal = (url: URL) => url.port === new URL(local.url).port;
      const message = await importError(fetchPage(local.url, ENGLISH, { isLocal, typed: 'https://newsletter.example/feed' }));
      assert.match(message, /^newsletter\.example sent Weekly Papers to http:\/\/127\.0\.0\.1:\d+\/, an address on this computer/);
      assert.equal(local.requests(), 0);
    });

    it('follows redirects within this computer when the reader typed an address on it', async () => {
      const target = await page('the issue');
      const hop = await redirecting(() => target.url);
      const first = await redirecting(() => hop.url);
      const fetched = await fetchPage(first.url, ENGLISH);
      assert.equal(fetched.text, 'the issue');
      assert.equal(fetched.url, target.url);
    });

    it(`stops after ${MAX_REDIRECTS} redirects`, async () => {
      let count = 0;
      const loop: HostileServer = await redirecting(() => `${loop.url}${++count}`);
      const message = await importError(fetchPage(loop.url, ENGLISH));
      assert.equal(message, `${new URL(loop.url).host} redirected Weekly Papers more than ${MAX_REDIRECTS} times; nothing was saved.`);
      assert.equal(count, MAX_REDIRECTS + 1);
    });
  });
});
