// The sample issue with CRLF line ends and a BOM, and with U+00A0 (no-break space) inside lines and
// around ", from ": the same result as the clean sample, with no stray \r, U+FEFF or U+00A0.
import * as assert from 'node:assert/strict';
import type { ParseResult } from '../../src/core/model/model';
import { fixture, lineAt } from './helpers/fixtures';

/** Every string anywhere in a value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function assertNoStrayCharacters(result: ParseResult): void {
  for (const s of strings(result.issues)) {
    assert.ok(!/[\r\ufeff\u00a0]/.test(s), `stray \\r, U+FEFF or U+00A0 in ${JSON.stringify(s.slice(0, 80))}`);
  }
}

describe('parse: CRLF line ends and a UTF-8 BOM', () => {
  const clean = fixture('web/vol-132.txt');
  const f = fixture('edge/vol-132-crlf-bom.txt');

  it('is really stored with a BOM and CRLF', () => {
    assert.ok(f.text.startsWith('\ufeff'));
    assert.ok(f.text.includes('\r\n'));
  });

  it('gives exactly the result of the clean sample (same lines, too)', () => {
    assert.deepEqual(f.result(), clean.result());
  });

  it('leaves no \\r or BOM in any string', () => {
    assertNoStrayCharacters(f.result());
    assert.equal(f.issue().title, lineAt(clean.text, 1));
  });
});

describe('parse: no-break spaces (U+00A0)', () => {
  const clean = fixture('web/vol-132.txt');
  const f = fixture('edge/vol-132-nbsp.txt');

  it('is really stored with no-break spaces, including around ", from "', () => {
    assert.ok(f.text.includes(',\u00a0from Apple'));
    assert.ok(f.text.includes(',\u00a0from\u00a0the University of Waterloo'));
    assert.ok(f.text.includes('[1]\u00a0CLaRa'));
  });

  it('splits highlights on ", from " written with no-break spaces', () => {
    const orgs = f.issue().highlights.map((h) => h.org);
    assert.deepEqual(orgs.slice(0, 5), ['Apple', 'Netflix', 'Liu et al.', 'Wang et al.', 'the University of Waterloo']);
  });

  it('reads "[1]\\u00a0Title", "📚\\u00a0URL" and a URL followed by U+00A0', () => {
    const p = f.issue().papers[0]!;
    assert.equal(p.title, 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning');
    assert.deepEqual(p.links.map((l) => l.url), ['https://arxiv.org/abs/2511.18659', 'https://github.com/apple/ml-clara']);
  });

  it('gives exactly the result of the clean sample', () => {
    assert.deepEqual(f.result(), clean.result());
  });

  it('leaves no U+00A0 in any string', () => {
    assertNoStrayCharacters(f.result());
  });
});
