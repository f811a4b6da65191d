// When an import may go to this computer: only when the reader typed an address on it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readFeed } from '../../src/core/formats/htmlToText';
import { arxivQueryUrl } from '../../src/core/formats/arxivAtom';
import { huggingFacePaperUrl } from '../../src/core/formats/huggingFacePaper';
import { isApiAddress, isLoopbackHost, mayReach, reachableFrom } from '../../src/core/net/localAddress';
import { arxivSearchUrl } from '../../src/core/match/arxivSearchQuery';

const FEED = fs.readFileSync(path.join(__dirname, '../../../test/fixtures/html/feed-loopback.xml'), 'utf8');
const host = (address: string) => new URL(address).hostname;

describe('localAddress', () => {
  it('takes an API address (arXiv, Hugging Face) only over https, or over http on this computer', () => {
    for (const address of ['https://export.arxiv.org/api/query', 'https://mirror.example/hf', 'http://127.0.0.1:9/api/query', 'http://localhost:8080']) {
      assert.ok(isApiAddress(new URL(address)), address);
      assert.notEqual(arxivQueryUrl(address, ['2511.18659']), null, address);
      assert.notEqual(arxivSearchUrl(address, 'ti:"clara"', 5), null, address);
      assert.notEqual(huggingFacePaperUrl(address, '2511.18659'), null, address);
    }
    for (const address of ['http://export.arxiv.org/api/query', 'http://10.0.0.1/api', 'http://localhost.example.com/', 'ftp://export.arxiv.org/', 'file:///etc/passwd']) {
      assert.ok(!isApiAddress(new URL(address)), address);
      assert.equal(arxivQueryUrl(address, ['2511.18659']), null, address);
      assert.equal(arxivSearchUrl(address, 'ti:"clara"', 5), null, address);
      assert.equal(huggingFacePaperUrl(address, '2511.18659'), null, address);
    }
  });

  it('knows the ways of writing this computer', () => {
    for (const address of ['http://localhost/', 'http://LOCALHOST./', 'http://api.localhost/', 'http://127.0.0.1/', 'http://127.1.2.3/', 'http://2130706433/', 'http://0x7f.1/', 'http://0.0.0.0/', 'http://0/', 'http://[::1]/', 'http://[0:0:0:0:0:0:0:1]/', 'http://[::]/', 'http://[::ffff:127.0.0.1]/', 'http://[::ffff:0.0.0.0]/']) {
      assert.ok(isLoopbackHost(host(address)), address);
    }
    for (const address of ['https://recsys.substack.com/', 'http://128.0.0.1/', 'http://10.0.0.1/', 'http://[::2]/', 'http://[::ffff:8.8.8.8]/', 'http://localhost.example.com/', 'http://127.0.0.1.nip.io/']) {
      assert.ok(!isLoopbackHost(host(address)), address);
    }
  });

  it('lets an address on the internet reach only the internet; one on this computer, both', () => {
    const remote = new URL('https://recsys.substack.com/feed');
    const local = new URL('http://127.0.0.1:8080/feed');
    assert.equal(mayReach(remote, new URL('http://localhost:3000/')), false);
    assert.equal(mayReach(remote, new URL('https://example.com/')), true);
    assert.equal(mayReach(local, new URL('http://[::1]:9000/')), true);
    assert.equal(mayReach(local, new URL('https://example.com/')), true);
  });

  it('drops the entries of a feed on the internet that point at this computer', () => {
    const entries = readFeed(FEED) ?? [];
    assert.equal(entries.length, 7);
    assert.deepEqual(
      reachableFrom(new URL('https://recsys.substack.com/feed'), entries).map((entry) => entry.url),
      ['https://recsys.substack.com/p/vol-150'],
    );
    assert.equal(reachableFrom(new URL('http://localhost:4000/feed'), entries).length, 7);
  });
});
