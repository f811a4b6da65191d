// What holds for every fixture: the result fits the schema, links are only http(s) and were read
// from the line they name, line numbers stay inside the file, keys are unique within an issue,
// and nothing but text that is not an issue gives an error.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES_DIR, fixture, lineAt, linesOf, listFixtures, readFixture } from './helpers/fixtures';

const ALL = listFixtures();
const NOT_ISSUES = ALL.filter((f) => f.startsWith('not-an-issue/'));
const ISSUES = ALL.filter((f) => !NOT_ISSUES.includes(f));

describe('fixtures', () => {
  it('are all listed, one line each, in test/fixtures/README.md (and nothing else is)', () => {
    const readme = fs.readFileSync(path.join(FIXTURES_DIR, 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/^- `([^`]+)`:/gm)].map((m) => m[1]!).sort();
    assert.deepEqual(listed, ALL);
  });

  it('include the sample issue byte for byte', () => {
    const sample = fs.readFileSync(path.join(FIXTURES_DIR, '../../media/sample/vol-132.txt'));
    assert.ok(sample.equals(fs.readFileSync(path.join(FIXTURES_DIR, 'web/vol-132.txt'))));
  });
});

describe('parse: invariants over every fixture', () => {
  for (const file of ALL) {
    describe(file, () => {
      const f = fixture(file);
      const lineCount = linesOf(f.text).length;

      it('returns a result the ParseResult schema accepts', () => {
        f.result(); // validates
      });

      if (ISSUES.includes(file)) {
        it('gives at least one issue and no error', () => {
          assert.ok(f.result().issues.length >= 1);
          assert.deepEqual(f.result().diagnostics.filter((d) => d.severity === 'error'), []);
        });
      }

      it('links only to http(s) URLs, each read from the line it names', () => {
        for (const issue of f.result().issues) {
          for (const item of [...issue.papers, ...issue.extras]) {
            for (const l of item.links) {
              assert.ok(['http:', 'https:'].includes(new URL(l.url).protocol), l.url);
              assert.ok(!/[\s<>"'`]/.test(l.url), l.url);
              assert.ok(lineAt(f.text, l.line).includes(l.url), `${l.url} is not on line ${l.line}`);
            }
          }
        }
      });

      it('keeps every line number inside the file', () => {
        const r = f.result();
        const lines = [
          ...r.diagnostics.map((d) => d.line),
          ...r.issues.flatMap((i) => [
            i.range.startLine, i.range.endLine, ...(i.cutOff ? [i.cutOff.line] : []),
            ...i.highlights.map((h) => h.line),
            ...[...i.papers, ...i.extras].flatMap((p) => [p.range.startLine, p.range.endLine, ...p.links.map((l) => l.line)]),
          ]),
        ];
        for (const n of lines) assert.ok(n >= 1 && n <= lineCount, `line ${n} of ${lineCount}`);
        for (const i of r.issues) {
          for (const x of [i, ...i.papers, ...i.extras]) assert.ok(x.range.startLine <= x.range.endLine);
        }
      });

      it('gives distinct keys within an issue', () => {
        for (const issue of f.result().issues) {
          const keys = [...issue.papers, ...issue.extras].map((p) => p.key);
          assert.equal(new Set(keys).size, keys.length, keys.join(', '));
        }
      });

      it('trims titles, orgs and summary text and leaves no \\r, BOM or U+00A0 in them', () => {
        for (const issue of f.result().issues) {
          const strings = [
            issue.title ?? 'x', ...issue.highlights.flatMap((h) => [h.title, h.org ?? 'x']),
            ...[...issue.papers, ...issue.extras].flatMap((p) => [
              p.title, ...p.summary.flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.items)),
            ]),
            ...issue.papers.flatMap((p) => [p.shortTitle ?? 'x', p.org ?? 'x']),
          ];
          for (const s of strings) {
            assert.equal(s, s.trim(), JSON.stringify(s.slice(0, 60)));
            assert.ok(!/[\r\n\ufeff\u00a0]/.test(s), JSON.stringify(s.slice(0, 60)));
          }
        }
      });

      it('is deterministic', () => {
        assert.deepEqual(fixture(file).result(), f.result());
      });
    });
  }

  it('covers every fixture file that exists', () => {
    assert.ok(ALL.length >= 25, `${ALL.length} fixtures`);
    assert.equal(readFixture('not-an-issue/empty.txt'), '');
  });
});
