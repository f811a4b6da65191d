// arXiv's client against local servers that answer too much: the answer is cut off at 2 MB, also
// when it comes as a small gzip body that inflates to 1 GB; of a paper's page only the start is read.
import * as assert from 'node:assert/strict';
import { fetchArxivPageStart, fetchArxivText } from '../../src/arxiv/arxivFetch';
import { endless, gzipOfZeros, hostileServer, rssGrowthMb, type HostileServer } from '../support/hostileHttp';

describe('fetchArxivText', function () {
  this.timeout(60_000);
  let server: HostileServer | undefined;
  afterEach(async () => server?.close());

  it('stops reading an answer that never ends at 2 MB', async () => {
    server = await hostileServer((_request, response, write) => endless(response, write, { 'content-type': 'application/atom+xml' }));
    const { result, growthMb } = await rssGrowthMb(() => fetchArxivText(server?.url ?? null, 30_000));
    assert.deepEqual(result, { kind: 'tooLarge' });
    await server.closedByClient;
    assert.ok(growthMb < 100, `RSS grew by ${growthMb.toFixed(0)} MB`);
  });

  it('stops inflating a gzip bomb at 2 MB', async () => {
    const bomb = await gzipOfZeros(1024);
    server = await hostileServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/atom+xml', 'content-encoding': 'gzip' });
      response.end(bomb);
    });
    const { result, growthMb } = await rssGrowthMb(() => fetchArxivText(server?.url ?? null, 30_000));
    assert.deepEqual(result, { kind: 'tooLarge' });
    assert.ok(growthMb < 100, `RSS grew by ${growthMb.toFixed(0)} MB`);
  });
});

describe('fetchArxivPageStart', function () {
  this.timeout(60_000);
  let server: HostileServer | undefined;
  afterEach(async () => server?.close());

  it('reads only the start of a page that never ends, and stops the download', async () => {
    server = await hostileServer((_request, response, write) => endless(response, write));
    const { result, growthMb } = await rssGrowthMb(() => fetchArxivPageStart(server?.url ?? null, 30_000, 256 * 1024));
    assert.equal(result.kind, 'ok');
    assert.equal(result.kind === 'ok' ? result.text.length : -1, 256 * 1024);
    await server.closedByClient;
    assert.ok(growthMb < 100, `RSS grew by ${growthMb.toFixed(0)} MB`);
  });

  it('reads only the start of a gzip bomb', async () => {
    const bomb = await gzipOfZeros(1024);
    server = await hostileServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      response.end(bomb);
    });
    const { result, growthMb } = await rssGrowthMb(() => fetchArxivPageStart(server?.url ?? null, 30_000, 256 * 1024));
    assert.equal(result.kind === 'ok' ? result.text.length : -1, 256 * 1024);
    assert.ok(growthMb < 100, `RSS grew by ${growthMb.toFixed(0)} MB`);
  });

  it('tells a page arXiv does not have (404) from a failure, and sends nothing to a bad address', async () => {
    server = await hostileServer((request, response) => {
      response.writeHead(request.url === '/missing' ? 404 : 503, { 'content-type': 'text/html' });
      response.end('<h1>No HTML for this paper</h1>');
    });
    assert.deepEqual(await fetchArxivPageStart(`${server.url.replace(/\/$/, '')}/missing`, 30_000, 1024), { kind: 'notFound' });
    assert.deepEqual(await fetchArxivPageStart(`${server.url.replace(/\/$/, '')}/other`, 30_000, 1024), { kind: 'httpError', status: 503 });
    assert.deepEqual(await fetchArxivPageStart(null, 30_000, 1024), { kind: 'badAddress' });
  });
});
