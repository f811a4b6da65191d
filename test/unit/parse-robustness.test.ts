// Two holes a property-test author found: e-mail redirects read in quadratic-like time on a line
// of repeated `[https://`, and links whose host hides characters the URL parser drops (the kind
// came from the parsed host, the stored URL kept the hidden character).
import * as assert from 'node:assert/strict';
import { checkUrl } from '../../src/core/parse/links';
import { parseIssueText } from '../../src/core/parse/parse';
import type { ParseResult } from '../../src/core/model/model';

const HEADER = 'Title\nVol.132 for Nov 24 - Nov 30, 2025\nThis week’s newsletter highlights the following research:\nA, from B\n';

/** One issue with one paper whose body is `body`. */
function paperWith(body: string): ParseResult {
  return parseIssueText(`${HEADER}[1] A Paper\nThis paper is about something.\n${body}\n`);
}

function linksOf(result: ParseResult): string[] {
  return result.issues.flatMap((issue) => issue.papers.flatMap((p) => p.links.map((l) => `${l.kind} ${l.url}`)));
}

function droppedLinks(result: ParseResult): string[] {
  return result.diagnostics.filter((d) => d.code === 'dropped-link').map((d) => d.message);
}

describe('parse: e-mail redirects', () => {
  it('reads the redirect after a link text, and prefers an address the line shows', () => {
    assert.deepEqual(linksOf(paperWith('📚 Paper [ https://substack.com/redirect/2/abc?j=x ]')), ['web https://substack.com/redirect/2/abc?j=x']);
    assert.deepEqual(linksOf(paperWith('📚 Paper [https://substack.com/redirect/2/abc]')), ['web https://substack.com/redirect/2/abc']);
    assert.deepEqual(linksOf(paperWith('📚 https://arxiv.org/abs/2511.18659 [ https://substack.com/redirect/2/abc ]')), ['arxiv https://arxiv.org/abs/2511.18659']);
  });

  it('reads a line of repeated `[https://`, `](` or `<https://` as text, with no link in it', () => {
    // Each `[` used to read on through the next 4096 characters before failing: quadratic-like.
    // How long such lines take, against ordinary text, is in the parser benchmark (npm run bench).
    for (const piece of ['[https://', '](', '<https://']) {
      const result = paperWith(piece.repeat(20_000));
      assert.equal(result.issues[0]?.papers.length, 1, piece);
      assert.deepEqual(linksOf(result), [], piece);
    }
  });
});

describe('links: the host as written must be the host that was parsed', () => {
  it('drops an address whose host hides a character the URL parser drops or maps', () => {
    for (const hidden of [
      'https://\u{E0100}github.com/a/b', // variation selector 17, invisible
      'https://git\u00adhub.com/a/b', // soft hyphen
      'https://github.com\u200b/a/b', // zero-width space
      'https://ｇｉｔｈｕｂ.com/a/b', // fullwidth letters
      'https://\u212Aaggle.com/a', // Kelvin sign, lowercased to k
      'https://github%2Ecom/a/b', // percent-encoded dot
      'https://0x7f.1/a', // numeric disguise of 127.0.0.1
    ]) {
      const check = checkUrl(hidden);
      assert.equal(check.ok, false, hidden);
      assert.ok(!check.ok && check.reason === 'its host is not written plainly', hidden);
    }
  });

  it('keeps addresses written plainly, whatever their case, port or script', () => {
    for (const [plain, host] of [
      ['https://github.com/apple/ml-clara', 'github.com'],
      ['HTTPS://GitHub.com/Apple/ml-clara', 'github.com'],
      ['https://github.com:443/a/b', 'github.com'],
      ['https://github.com./a/b', 'github.com.'],
      ['https://github.com?tab=readme', 'github.com'],
      ['https://[::1]:8080/x', '[::1]'],
      ['https://bücher.example/x', 'xn--bcher-kva.example'],
      ['https://BÜCHER.example/x', 'xn--bcher-kva.example'],
      ['https://हिन्दी.भारत/x', 'xn--j2bd4cyah0f.xn--h2brj9c'],
    ] as const) {
      const check = checkUrl(plain);
      assert.ok(check.ok, plain);
      assert.equal(check.ok && check.url.hostname, host, plain);
    }
  });

  it('drops a hidden-host link from a paper with a dropped-link warning, and keeps the rest', () => {
    const result = paperWith('👨🏽‍💻 https://\u{E0100}github.com/a/b\n📚 https://arxiv.org/abs/2511.18659');
    assert.deepEqual(linksOf(result), ['arxiv https://arxiv.org/abs/2511.18659']);
    const dropped = droppedLinks(result);
    assert.equal(dropped.length, 1);
    assert.match(dropped[0] ?? '', /host is not written plainly/);
  });

  it('still reads an internationalised host as a web link', () => {
    assert.deepEqual(linksOf(paperWith('🔗 https://bücher.example/x')), ['web https://bücher.example/x']);
  });
});
