// The parser reads exactly what the reference parser (test/unit/helpers/referenceParser, the parser
// as it was when it made one object per line) read: on every real fixture, and on text generated
// from the fixtures' lines with runs of blank lines, whitespace-only lines, front matter and every
// line-end convention mixed in. Compared with deepEqual: issues, papers, ranges and diagnostics.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseIssueBytes, parseIssueLines, parseIssueText } from '../../src/core/parse/parse';
import { decodeLines } from '../../src/core/parse/text';
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

/** A file's bytes, read as the CLI and the extension read them: both entry points, against the reference's. */
function assertSameAsReferenceOnBytes(bytes: Uint8Array, what: string): void {
  const expected = reference.parseIssueLines(reference.decodeLines(bytes));
  assert.deepEqual(parseIssueLines(decodeLines(bytes)), expected, `parseIssueLines differs from the reference on ${what}`);
  assert.deepEqual(parseIssueBytes(bytes), expected, `parseIssueBytes differs from the reference on ${what}`);
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

  /** Texts where a blank line decides something (what a gap between two lines' numbers must stand for). */
  const HEADER = 'Title\nVol.138 for Jan 5 - Jan 11, 2026\nThis week’s newsletter highlights the following research:\nA, from B\n[1] A Paper\nText.\n📝 https://arxiv.org/abs/2601.03318\n';
  const BLANKS_THAT_MATTER = [
    // An extra whose heading is followed only by blank lines, then a line that starts with an emoji.
    `${HEADER}Extras: Datasets\n🗂️ First dataset\n\n📊 Second dataset\nProse.\n🤗 https://huggingface.co/datasets/a/b\n`,
    `${HEADER}Extras: Datasets\n🗂️ First dataset\n📊 Second dataset\n`,
    // A title 4 and 5 lines above the volume line of a second issue.
    `${HEADER}\nSecond title\n\n\n\nVol.139 for Jan 12 - Jan 18, 2026\n[1] B\n`,
    `${HEADER}\nSecond title\n\n\n\n\nVol.139 for Jan 12 - Jan 18, 2026\n[1] B\n`,
    `${HEADER}\nSecond title\n---\n\n\nVol.139 for Jan 12 - Jan 18, 2026\n[1] B\n`,
    // Front matter closed on line 61 and on line 62; an e-mail sign at line 40 and 41 of a segment; a Markdown sign at line 400 and 401.
    `---\n${'\n'.repeat(59)}---\n${HEADER}`,
    `---\n${'\n'.repeat(60)}---\n${HEADER}`,
    `From: a\n${HEADER}${'\n'.repeat(30)}---------- Forwarded message ---------\n${'\n'.repeat(38)}Subject: x\n${HEADER}`,
    `From: a\n${HEADER}${'\n'.repeat(30)}---------- Forwarded message ---------\n${'\n'.repeat(39)}Subject: x\n${HEADER}`,
    `# T\n${'\n'.repeat(397)}# U\n${HEADER}`,
    `# T\n${'\n'.repeat(398)}# U\n${HEADER}`,
    // Wide lines in front matter are not counted: with them, the issue's four wrapped lines would make it hard-wrapped.
    `---\ntitle: A front matter line as wide as a line of wrapped prose is, or wider.\nnote: Another front matter line as wide as a line of wrapped prose is.\n---\n${HEADER.replace('Text.\n', `\n${'A line of prose wrapped at a fixed width, as plain-text e-mail is.\n'.repeat(4)}`)}`,
    // Paragraphs wrapped at a width, with and without a blank line (the last line end makes one).
    `${HEADER}${'A line of prose wrapped at a fixed width, as plain-text e-mail is.\n'.repeat(6)}`,
    `${HEADER}${'A line of prose wrapped at a fixed width, as plain-text e-mail is.\n'.repeat(6)}`.trimEnd(),
    `\n\n${HEADER}`,
    `   \n\t\n${HEADER}\n \n`,
  ];

  it('where a blank line, or how many there are, decides what is read', () => {
    for (const text of BLANKS_THAT_MATTER) {
      for (const br of ['\n', '\r\n', '\r']) assertSameAsReference(text.replace(/\n/g, br));
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

  /** Text wrapped at `width` as plain-text e-mail is: each long line broken at its last space before the width. */
  function hardWrap(text: string, width: number): string {
    const out: string[] = [];
    for (let line of text.split('\n')) {
      while (line.length > width && line.lastIndexOf(' ', width) > 0) {
        const at = line.lastIndexOf(' ', width);
        out.push(line.slice(0, at));
        line = line.slice(at + 1);
      }
      out.push(line);
    }
    return out.join('\n');
  }

  // Archives: issues are parsed one at a time as the next one starts, after the shape is known from
  // the first 400 lines, and a file found hard-wrapped at its end is read again.
  it('on archives of several fixtures one after another, some hard-wrapped, with the shape decided late', () => {
    const archive = fc
      .tuple(
        fc.array(fc.tuple(fc.constantFrom(...FIXTURES), blankRun, fc.option(fixtureLine, { nil: null })), { minLength: 2, maxLength: 6 }),
        fc.constantFrom(0, 0, 64, 72),
        fc.nat({ max: 450 }),
        lineBreak,
      )
      .map(([parts, width, leadingBlanks, br]) => {
        const joined = '\n'.repeat(leadingBlanks) + parts.map(([rel, gap, extra]) => `${readFixture(rel)}\n${gap}\n${extra ?? ''}`).join('\n');
        return (width > 0 ? hardWrap(joined, width) : joined).replace(/\r\n|\r|\n/g, br);
      });
    fc.assert(fc.property(archive, assertSameAsReference), { numRuns: 300 });
  });

  it('on the same texts read from UTF-8 bytes, as the CLI and the extension read files', () => {
    fc.assert(fc.property(text, fc.boolean(), (t, bom) => assertSameAsReferenceOnBytes(Buffer.from((bom ? '\ufeff' : '') + t, 'utf8'), short(t))), { numRuns: 500 });
  });

  it('on bytes that are not all UTF-8, with CR and LF among them, and on UTF-16 files', () => {
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x0a, 0x0d, 0xe2, 0x80, 0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x20, 0x2d));
    fc.assert(fc.property(fc.array(byte, { maxLength: 60 }), (bytes) => assertSameAsReferenceOnBytes(Uint8Array.from(bytes), `bytes ${bytes.join(' ')}`)), { numRuns: 1500 });
    fc.assert(fc.property(text, fc.boolean(), (t, le) => {
      const utf16 = Buffer.from(`\ufeff${t}`, 'utf16le');
      if (!le) utf16.swap16();
      assertSameAsReferenceOnBytes(utf16, `UTF-16 ${le ? 'LE' : 'BE'} ${short(t)}`);
    }), { numRuns: 200 });
  });
});
