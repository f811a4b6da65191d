import * as assert from 'node:assert/strict';
import { arxivRefFromUrl, checkUrl, classifyUrl, trimUrlPunctuation } from '../../src/core/parse/links';

const kind = (url: string) => classifyUrl(new URL(url));

describe('links', () => {
  it('classifies by URL, not by the emoji in front of it', () => {
    assert.equal(kind('https://arxiv.org/abs/2511.18659'), 'arxiv');
    assert.equal(kind('https://arxiv.org/html/2511.18659v1'), 'arxiv');
    assert.equal(kind('https://arxiv.org/pdf/2511.18659'), 'pdf');
    assert.equal(kind('https://github.com/apple/ml-clara'), 'code');
    assert.equal(kind('https://gitlab.com/group/project'), 'code');
    assert.equal(kind('https://huggingface.co/nvidia/NVIDIA-Nemotron-Parse-v1.1'), 'huggingface');
    assert.equal(kind('https://huggingface.co/datasets/org/set'), 'huggingface');
    assert.equal(kind('https://huggingface.co/spaces/org/demo'), 'huggingface');
    assert.equal(kind('https://huggingface.co/papers/2511.18659'), 'huggingface');
    assert.equal(kind('https://huggingface.co/blog'), 'web');
    assert.equal(kind('https://arxiv.org/list/cs.IR/recent'), 'web');
    assert.equal(kind('https://recsys.substack.com/p/top-ir-papers'), 'web');
  });

  it('reads arXiv ids without their version, new and old style', () => {
    assert.deepEqual(arxivRefFromUrl(new URL('https://arxiv.org/abs/2511.18659v2')), { id: '2511.18659', version: 'v2' });
    assert.deepEqual(arxivRefFromUrl(new URL('https://arxiv.org/pdf/2511.18659v1.pdf')), { id: '2511.18659', version: 'v1' });
    assert.deepEqual(arxivRefFromUrl(new URL('https://arxiv.org/abs/cs/0112017')), { id: 'cs/0112017', version: null });
    assert.deepEqual(arxivRefFromUrl(new URL('https://arxiv.org/abs/math.AG/0501001v3')), { id: 'math.AG/0501001', version: 'v3' });
    assert.equal(arxivRefFromUrl(new URL('https://arxiv.org/abs/not-an-id')), null);
    assert.equal(arxivRefFromUrl(new URL('https://example.org/abs/2511.18659')), null);
  });

  it('keeps only http(s) links without markup glued to them', () => {
    assert.equal(checkUrl('https://github.com/apple/ml-clara').ok, true);
    for (const bad of ['javascript:alert(1)', 'command:workbench.action.terminal.new', 'file:///etc/passwd', 'data:text/html,<b>x</b>', 'https://github.com/x/y"><img src=x onerror=alert(1)>', 'https://', 'ftp://example.org/x']) {
      assert.equal(checkUrl(bad).ok, false, bad);
    }
  });

  it('leaves sentence punctuation out of a URL but keeps balanced parentheses', () => {
    assert.equal(trimUrlPunctuation('https://github.com/x/y.'), 'https://github.com/x/y');
    assert.equal(trimUrlPunctuation('https://en.wikipedia.org/wiki/Okapi_(BM25))'), 'https://en.wikipedia.org/wiki/Okapi_(BM25)');
  });
});
