// The parser reads exactly what the reference parser (test/unit/helpers/referenceParser, the parser
// as it was when it made one object per line) read: on every real fixture, and on text generated
// from the fixtures' lines with runs of blank lines, whitespace-only lines, front matter and every
// line-end convention mixed in. Compared with deepEqual: issues, papers, ranges and diagnostics.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseIssueLines, parseIssueText } from '../../src/core/parse';
import { decodeLines } from '../../src/core/text';
import * as reference from './helpers/referenceParser';
import { FIXTURES_DIR, listFixtures, readFixture } from './helpers/fixtures';

const FIXTURES = listFixtures();

/** Every line of every fixture: the vocabulary the generated texts are made of. */
const FIXTURE_LINES = [...new Set(FIXTURES.flatMap((rel) => readFixture(rel).split(/\r\n|\r|\n/)))];

function short(text: string): string {
  return text.length <= 300 ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, 300))}... (${text.length} chars)`;
}

function assertSameAsReference(text: string): void {
  assert.deepEqual(parseIssueText(text), reference.parseIssueText(text), `parseIssueText differs from the reference on ${short(text)}`);
}

function assertSameAsReferenceOnBytes(bytes: Uint8Array, what: string): void {
  assert.deepEqual(parseIssueLines(decodeLines(bytes)), reference.parseIssueLines(reference.decodeLines(bytes)), `parseIssueLines differs from the reference on ${what}`);
}

describe('parse: the same result as the reference parser', () => {
  describe('on every fixture', () => {
    for (const rel of FIXTURES) {
      it(rel, () => {
        const bytes = fs.readFileSync(path.join(FIXTURES_DIR, rel));
        assertSameAsReference(bytes.toString('utf8'));
        assertSameAsReferenceOnBytes(bytes, rel);
      });
    }
  });

  const lineBreak = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
  const blankRun = fc.oneof(
    fc.constantFrom('', ' ', '\t', '   ', '\u00a0', '\ufeff', '---', '***'),
    fc.tuple(fc.integer({ min: 1, max: 70 }), lineBreak).map(([n, br]) => br.repeat(n)),
  );
  const fixtureLine = fc.constantFrom(...FIXTURE_LINES);
  const line = fc.oneof({ weight: 6, arbitrary: fixtureLine }, { weight: 2, arbitrary: blankRun }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) });
  const body = fc.array(fc.tuple(line, lineBreak), { maxLength: 120 }).map((parts) => parts.map(([l, br]) => l + br).join(''));
  const frontMatter = fc.constantFrom('', '---\ntitle: x\n---\n', '---\n', '\n---\na: b\n---\n', `---\n${'k: v\n'.repeat(61)}---\n`);
  const text = fc.tuple(frontMatter, body).map(([front, rest]) => front + rest);

  it('on text made of fixture lines, blank runs and mixed line ends', () => {
    fc.assert(fc.property(text, assertSameAsReference), { numRuns: 1500 });
  });

  it('on a fixture with lines duplicated, dropped and blank runs inserted', () => {
    const edit = fc.record({ at: fc.nat(), what: fc.oneof(blankRun, fixtureLine, fc.constant(null)) });
    const edited = fc.tuple(fc.constantFrom(...FIXTURES), fc.array(edit, { maxLength: 12 }), lineBreak).map(([rel, edits, br]) => {
      const lines = readFixture(rel).split(/\r\n|\r|\n/);
      for (const { at, what } of edits) {
        if (what === null) lines.splice(at % (lines.length + 1), 1);
        else lines.splice(at % (lines.length + 1), 0, what);
      }
      return lines.join(br);
    });
    fc.assert(fc.property(edited, assertSameAsReference), { numRuns: 600 });
  });

  it('on the same texts read from UTF-8 bytes, as the CLI and the extension read files', () => {
    fc.assert(fc.property(text, fc.boolean(), (t, bom) => assertSameAsReferenceOnBytes(Buffer.from((bom ? '\ufeff' : '') + t, 'utf8'), short(t))), { numRuns: 500 });
  });
});
