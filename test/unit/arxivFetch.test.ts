// arXiv's client against local servers that answer too much: the answer is cut off at 2 MB, also
// when it comes as a small gzip body that inflates to 1 GB.
import * as assert from 'node:assert/strict';
import { fetchArxivText } from '../../src/arxiv/arxivFetch';
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
