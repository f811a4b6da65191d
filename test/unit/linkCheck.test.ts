// checkLink reads plainly written links without the URL parser: it must say exactly what checkUrl
// and linkTarget say, for every candidate, plain or not.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkLink } from '../../src/core/parse/linkCheck';
import { checkUrl, linkTarget } from '../../src/core/parse/links';

const RUNS = { numRuns: 3000 };

function slowWay(candidate: string): unknown {
  const check = checkUrl(candidate);
  return check.ok ? { ok: true, href: check.href, target: linkTarget(check.url) } : check;
}

function assertSame(candidate: string): void {
  assert.deepEqual(checkLink(candidate), slowWay(candidate), candidate);
}

const SCHEMES = ['https://', 'http://', 'HTTPS://', 'Http://', 'https:/', 'https:///', 'ftp://', 'https:\\\\', ''];
const HOSTS = ['arxiv.org', 'github.com', 'huggingface.co', 'hf.co', 'www.arxiv.org', 'a.b', 'x', 'localhost', '1.2.3.4', '1.2.3.com', '0x10', 'a.0x1f', 'a.123', 'xn--bcher-kva.example', 'ab--cd.org', '-a.org', 'a-.org', 'a..b', '.a', 'a.', 'A.org', 'bücher.example', 'a_b.org', 'user@github.com', 'github.com:443', `${'a'.repeat(64)}.org`, `${'a'.repeat(63)}.org`, `${'a.'.repeat(130)}org`];
const PATH_PIECES = ['/', 'abs', 'pdf', 'papers', '2511.18659', 'v2', '.pdf', '.', '..', '%2e', '%2E', '%41', '?', '#', 'q=1', '@', ':', '[', ']', '(', ')', '~', '!', '$', '&', '*', '+', ',', ';', '=', '-', '_', '^', '|', '`', '{', '}', '<', '>', '"', "'", '\\', ' ', '\t', 'é', '\u200b', '\u202e', 'cs', 'math.AG', '0501001', 'org', 'name'];

const candidate = fc
  .tuple(fc.constantFrom(...SCHEMES), fc.constantFrom(...HOSTS), fc.array(fc.constantFrom(...PATH_PIECES), { maxLength: 10 }))
  .map(([scheme, host, path]) => `${scheme}${host}${path.join('')}`);

describe('checkLink', () => {
  it('agrees with checkUrl and linkTarget on the links newsletters hold', () => {
    for (const url of [
      'https://arxiv.org/abs/2511.18659',
      'https://arxiv.org/abs/2511.18659v2',
      'https://arxiv.org/pdf/2511.18659v1.pdf',
      'https://arxiv.org/abs/cs/0112017',
      'https://arxiv.org/html/2511.18659v1/',
      'https://github.com/apple/ml-clara',
      'https://github.com',
      'https://github.com/',
      'https://huggingface.co/papers/2511.18659',
      'https://huggingface.co/blog',
      'https://recsys.substack.com/p/top-ir-papers?utm_source=x#section',
      'https://arxiv.org?x=1',
      'https://arxiv.org#abs',
      'https://arxiv.org/abs/./2511.18659',
      'https://arxiv.org/pdf/../abs/2511.18659',
      'https://arxiv.org/abs/%32511.18659',
      `https://example.org/${'x'.repeat(2100)}`,
    ]) {
      assertSame(url);
    }
  });

  it('agrees with checkUrl and linkTarget on generated candidates, plain or not', () => {
    fc.assert(fc.property(candidate, (url) => assertSame(url)), RUNS);
  });
});
