// Links through the parser: every form of arXiv URL, Hugging Face and GitLab links, papers not on
// arXiv, and link lines led by other emoji or by none.
import * as assert from 'node:assert/strict';
import { MAX_URL_CHARS, checkUrl } from '../../src/core/parse/links';
import { parseIssueText } from '../../src/core/parse/parse';
import { diagnosticsWithCode, fixture, lineAt, lineOf, linkStrings, onlyIssue, paper, readFixture } from './helpers/fixtures';

describe('parse: every form of link (Vol.135)', () => {
  const f = fixture('edge/vol-135-link-forms.txt');

  it('reads /abs/<id>v2 as arxiv, with the version apart', () => {
    const p = paper(f.issue(), 1);
    assert.deepEqual([p.arxivId, p.arxivVersion, p.key], ['2511.18659', 'v2', '2511.18659']);
    assert.deepEqual(linkStrings(p), [
      'arxiv https://arxiv.org/abs/2511.18659v2',
      'code https://github.com/apple/ml-clara',
      'huggingface https://huggingface.co/papers/2511.18659',
    ]);
  });

  it('reads /pdf/<id> as pdf, and alphaxiv.org as a web link', () => {
    const p = paper(f.issue(), 2);
    assert.deepEqual([p.arxivId, p.arxivVersion, p.key], ['2511.18261', null, '2511.18261']);
    assert.deepEqual(linkStrings(p), ['pdf https://arxiv.org/pdf/2511.18261', 'web https://www.alphaxiv.org/abs/2511.18261']);
  });

  it('reads /pdf/<id>v1 as pdf, and gitlab.com as code', () => {
    const p = paper(f.issue(), 3);
    assert.deepEqual([p.arxivId, p.arxivVersion, p.key], ['2511.16681', 'v1', '2511.16681']);
    assert.deepEqual(linkStrings(p), ['pdf https://arxiv.org/pdf/2511.16681v1', 'code https://gitlab.com/fastlm/spi-vecdb']);
  });

  it('reads /html/<id>v1 as arxiv', () => {
    const p = paper(f.issue(), 4);
    assert.deepEqual([p.arxivId, p.arxivVersion, p.key], ['2511.19987', 'v1', '2511.19987']);
    assert.deepEqual(linkStrings(p), ['arxiv https://arxiv.org/html/2511.19987v1']);
  });

  it('reads /pdf/<id>v1.pdf as pdf, and Hugging Face models, datasets and Spaces', () => {
    const p = paper(f.issue(), 5);
    assert.deepEqual([p.arxivId, p.arxivVersion, p.key], ['2511.20478', 'v1', '2511.20478']);
    assert.deepEqual(linkStrings(p), [
      'pdf https://arxiv.org/pdf/2511.20478v1.pdf',
      'huggingface https://huggingface.co/nvidia/NVIDIA-Nemotron-Parse-v1.1',
      'huggingface https://huggingface.co/datasets/nvidia/NVpdftex-sample',
      'huggingface https://huggingface.co/spaces/nvidia/nemotron-parse-demo',
    ]);
  });

  it('reads an old-style id (cs/0112017) and keys the paper by it', () => {
    const p = paper(f.issue(), 6);
    assert.deepEqual([p.arxivId, p.arxivVersion, p.key], ['cs/0112017', null, 'cs/0112017']);
    assert.deepEqual(linkStrings(p), ['arxiv https://arxiv.org/abs/cs/0112017']);
  });

  it('keys a paper with no links by volume and slug, and warns no-links within its range', () => {
    const p = paper(f.issue(), 7);
    assert.equal(p.title, 'Retrieval Practices in Production: A Survey of 40 Search Teams');
    assert.deepEqual(p.links, []);
    assert.equal(p.arxivId, null);
    assert.equal(p.key, 'vol135:retrieval-practices-in-production-a-survey-of-40-search-teams');
    const warnings = diagnosticsWithCode(f.result(), 'no-links');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]!.severity, 'warning');
    assert.ok(warnings[0]!.line >= p.range.startLine && warnings[0]!.line <= p.range.endLine, `line ${warnings[0]!.line}`);
  });

  it('keys a paper with only a web link by volume and slug', () => {
    const p = paper(f.issue(), 8);
    assert.equal(p.arxivId, null);
    assert.equal(p.key, 'vol135:semantic-search-at-scale-unifying-lexical-and-embedding-retrieval-in-a-marketplace');
    assert.deepEqual(linkStrings(p), ['web https://dl.acm.org/doi/10.1145/3746252.3761302']);
  });

  it('gives the only warning for the paper without links, and no errors', () => {
    assert.deepEqual(f.result().diagnostics.map((d) => [d.severity, d.code]).filter(([s]) => s !== 'info'), [['warning', 'no-links']]);
  });

  it('gives each link its own line', () => {
    for (const p of f.issue().papers) {
      for (const l of p.links) assert.equal(l.line, lineOf(f.text, l.url), l.url);
    }
    assert.equal(paper(f.issue(), 6).links[0]!.line, 37);
  });
});

describe('parse: link lines led by other emoji, or none (Vol.142)', () => {
  const f = fixture('edge/vol-142-link-emoji-variants.txt');
  const sample = readFixture('web/vol-132.txt');

  it('reads the code emoji with its zero-width joiner, other skin tones and 🧑‍💻, classifying by URL', () => {
    assert.deepEqual(f.issue().papers.map(linkStrings), [
      ['arxiv https://arxiv.org/abs/2511.18659', 'code https://github.com/apple/ml-clara'],
      ['arxiv https://arxiv.org/abs/2511.16681', 'code https://github.com/FastLM/SPI_VecDB'],
      ['arxiv https://arxiv.org/abs/2511.19349', 'code https://github.com/nourj98/hyde-feedback'],
      ['arxiv https://arxiv.org/abs/2511.20478', 'huggingface https://huggingface.co/nvidia/NVIDIA-Nemotron-Parse-v1.1',
        'huggingface https://huggingface.co/nvidia/NVIDIA-Nemotron-Parse-v1.1-TC'],
      ['arxiv https://arxiv.org/abs/2511.20564', 'code https://github.com/e2e-grec/e2e-grec'],
    ]);
  });

  it('takes bare URLs on their own lines as links, not as summary text', () => {
    const p = paper(f.issue(), 3);
    const bare = lineOf(f.text, 'https://arxiv.org/abs/2511.19349');
    assert.equal(lineAt(f.text, bare), 'https://arxiv.org/abs/2511.19349');
    assert.deepEqual(p.links.map((l) => l.line), [bare, bare + 1]);
    assert.equal(p.arxivId, '2511.19349');
  });

  it('keeps the summaries of the sample (no link line in them)', () => {
    const sampleLine = { 1: 16, 2: 26, 3: 33, 4: 37, 5: 48 } as const;
    for (const n of [1, 2, 3, 4, 5] as const) {
      assert.deepEqual(paper(f.issue(), n).summary, [{ type: 'paragraph', text: lineAt(sample, sampleLine[n]) }], `paper ${n}`);
    }
  });

  it('reports no errors and no warnings', () => {
    assert.deepEqual(f.result().diagnostics.filter((d) => d.severity !== 'info'), []);
  });
});

describe('parse: links that are not what they show (hostile/vol-145)', () => {
  const f = fixture('hostile/vol-145-deceptive-links.txt');

  it('drops a user name before the host, a password, an address over 2,048 characters and invisible or text-direction characters', () => {
    assert.deepEqual(f.issue().papers.map(linkStrings), [
      ['arxiv https://arxiv.org/abs/2602.20001'],
      ['arxiv https://arxiv.org/abs/2602.20002'],
      ['arxiv https://arxiv.org/abs/2602.20003'],
    ]);
  });

  it('says why on the line of each, naming a hidden character instead of writing it', () => {
    const lines = ['github.com@evil.example', 'user:secret@github.com', 'https://example.org/aaaa', '\u202egpj.exe', 'model\u2066'].map((s) => lineOf(f.text, s));
    const warnings = diagnosticsWithCode(f.result(), 'dropped-link');
    assert.deepEqual(warnings.map((d) => d.line), lines);
    assert.deepEqual(warnings.map((d) => /^Link dropped: (.*?) \(/.exec(d.message)?.[1]), [
      'it has a user name before its host',
      'it has a user name before its host',
      'it is 2110 characters long, more than the 2048 kept',
      'it holds an invisible or text-direction character',
      'it holds an invisible or text-direction character',
    ]);
    assert.match(warnings[3]?.message ?? '', /\(U\+202E\) \(https:\/\/github\.com\/<U\+202E>gpj\.exe\)\.$/);
    for (const d of warnings) assert.doesNotMatch(d.message, /\p{Default_Ignorable_Code_Point}/u, d.message);
  });

  it('drops an address of 100,000 characters (generated here) with a short warning', () => {
    const sample = readFixture('web/vol-132.txt');
    const at = lineOf(sample, '📚 https://arxiv.org/abs/2511.18659');
    const lines = sample.split('\n');
    lines.splice(at, 0, `👨🏽💻 https://github.com/${'a'.repeat(100_000)}`);
    const result = parseIssueText(lines.join('\n'));
    assert.deepEqual(linkStrings(paper(onlyIssue(result), 1)), ['arxiv https://arxiv.org/abs/2511.18659', 'code https://github.com/apple/ml-clara']);
    const [warning, ...more] = diagnosticsWithCode(result, 'dropped-link');
    assert.deepEqual(more, []);
    assert.equal(warning?.line, at + 1);
    assert.ok((warning?.message.length ?? 0) < 200, warning?.message.slice(0, 300));
  });
});

describe('links: what checkUrl keeps', () => {
  const kept = (candidate: string): string | null => {
    const check = checkUrl(candidate);
    return check.ok ? check.href : null;
  };

  it('keeps the address as written, scheme lowercased, percent-encoding and all', () => {
    const encoded = 'https://example.com/a%2Fb.md?q=a%26b%3Dc#x%23y';
    assert.equal(kept(encoded), encoded);
    assert.equal(kept('HTTPS://GitHub.com/Apple/ml-clara'), 'https://GitHub.com/Apple/ml-clara');
  });

  it('drops a user name or password before the host, and only there', () => {
    for (const bad of ['https://github.com@evil.com/x', 'https://user:pass@github.com/x', 'https://@github.com/x', 'http://a@b@github.com/']) {
      assert.equal(kept(bad), null, bad);
    }
    for (const good of ['https://medium.com/@someone/post', 'https://example.org/x?to=a@b.c', 'https://example.org/#@x']) {
      assert.equal(kept(good), good, good);
    }
  });

  it('drops invisible and text-direction characters anywhere, and addresses over 2,048 characters', () => {
    for (const char of ['\u202e', '\u202a', '\u2066', '\u200e', '\u200f', '\u061c', '\u200d', '\ufe0f', '\u{e0041}']) {
      assert.equal(kept(`https://github.com/a/b${char}c`), null, `U+${char.codePointAt(0)?.toString(16)}`);
    }
    const base = 'https://example.org/';
    assert.equal(kept(base + 'a'.repeat(MAX_URL_CHARS - base.length)), base + 'a'.repeat(MAX_URL_CHARS - base.length));
    assert.equal(kept(base + 'a'.repeat(MAX_URL_CHARS - base.length + 1)), null);
  });
});
