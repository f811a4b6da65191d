// Telling issue files from other text files by their start (src/sources/sniff.ts), on the
// fixtures: every issue shape passes, ordinary text does not, and a file that passes but holds
// no issue is still ignored.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { SNIFF_BYTES, looksLikeIssueFile, readIssueFile } from '../../src/sources/sniff';
import { decodeLines, decodeText, splitLines } from '../../src/core/parse/text';
import { linesAt } from '../../src/core/parse/lineSource';
import { parseIssueText } from '../../src/core/parse/parse';
import { formatNotesMarkdown } from '../../src/core/formats/notesMarkdown';
import { FIXTURES_DIR, listFixtures, readFixture } from './helpers/fixtures';

const bytesOf = (relPath: string): Uint8Array => fs.readFileSync(path.join(FIXTURES_DIR, relPath));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const ISSUE = readFixture('web/vol-132.txt');

describe('sniffing issue files', () => {
  for (const relPath of listFixtures().filter((file) => !file.startsWith('not-an-issue/'))) {
    it(`takes ${relPath} for an issue, by its start alone`, () => {
      assert.equal(looksLikeIssueFile(bytesOf(relPath)), true);
      assert.ok(readIssueFile(bytesOf(relPath)), `${relPath} gave no issue`);
    });
  }

  it('passes over notes and empty files without parsing them', () => {
    assert.equal(looksLikeIssueFile(bytesOf('not-an-issue/meeting-notes.txt')), false);
    assert.equal(looksLikeIssueFile(bytesOf('not-an-issue/empty.txt')), false);
    assert.equal(looksLikeIssueFile(bytesOf('README.md')), false);
  });

  it('ignores a README whose numbered references pass the sniff: parsing finds no issue in it', () => {
    // `[1] S. Robertson …` looks like a first paper; the parser then sees no paper in it.
    assert.equal(looksLikeIssueFile(bytesOf('not-an-issue/README.md')), true);
    assert.equal(readIssueFile(bytesOf('not-an-issue/README.md')), null);
    assert.equal(readIssueFile(bytesOf('not-an-issue/meeting-notes.txt')), null);
  });

  it('recognises each sign on its own: volume line, highlights header, first paper, forward header', () => {
    assert.equal(looksLikeIssueFile(utf8('Some title\nVol.7 for Jan 6 - Jan 12, 2025\n')), true);
    assert.equal(looksLikeIssueFile(utf8('**This week’s newsletter highlights the following research:**\n')), true);
    assert.equal(looksLikeIssueFile(utf8('## [1] Dense Retrieval, Again\n')), true);
    assert.equal(looksLikeIssueFile(utf8('hi!\n\n---------- Forwarded message ---------\nFrom: x\n')), true);
  });

  it('is not fooled by Markdown link definitions, later reference numbers or a volume in prose', () => {
    assert.equal(looksLikeIssueFile(utf8('See [the paper][1].\n\n[1]: https://arxiv.org/abs/2511.18659\n')), false);
    assert.equal(looksLikeIssueFile(utf8('[2] Lin et al. Pyserini.\n[3] Ma et al.\n')), false);
    assert.equal(looksLikeIssueFile(utf8('The journal volume for this year is out.\nvol 3 of the series\n')), false);
  });

  it('finds a sign past its first look at the start, and is not fooled by a line cut where that look ends', () => {
    const prose = `${'Notes about nothing in particular. '.repeat(10)}\n`.repeat(8);
    assert.ok(prose.length > 1024);
    assert.equal(looksLikeIssueFile(utf8(prose + ISSUE)), true, 'the volume line after a few KB of prose');
    assert.equal(looksLikeIssueFile(utf8(ISSUE + '\0')), false, 'a NUL byte past the first look is still binary');
    // `[1] Title` cut at its `[1] ` would be no sign; whole, it is one. The line "Vol.7 for Jan"
    // cut after `Vol.7` says nothing either way: only whole lines of the first look count.
    for (let pad = 1000; pad < 1030; pad++) {
      const text = `${'x'.repeat(pad)}\nVol.7 for Jan 6 - Jan 12, 2025\n${'Notes. '.repeat(400)}`;
      assert.equal(looksLikeIssueFile(utf8(text)), true, `padded by ${pad}`);
      assert.equal(looksLikeIssueFile(utf8(text.replace('Vol.7 for Jan 6 - Jan 12, 2025', 'Vol.7 of the series'))), false, `padded by ${pad}`);
    }
  });

  it('looks only at the first 64 KB', () => {
    const filler = `${'Notes about nothing in particular. '.repeat(40)}\n`.repeat(Math.ceil(SNIFF_BYTES / 1400) + 1);
    assert.ok(filler.length > SNIFF_BYTES);
    assert.equal(looksLikeIssueFile(utf8(filler + ISSUE)), false);
    assert.equal(looksLikeIssueFile(utf8(ISSUE + filler)), true);
  });

  it('never takes a file Export Notes wrote for an issue, even when a note quotes one', () => {
    const states = new Map([['2511.18659', { status: 'reading' as const, note: ISSUE, updatedAt: '2025-12-01T10:00:00.000Z', title: 'CLaRa', issueLabel: 'Vol.132', arxivId: '2511.18659' }]]);
    const exported = formatNotesMarkdown(states, '2025-12-01');
    assert.ok(exported.includes('Vol.132 for Nov 24'), 'the note holds the issue text');
    assert.equal(looksLikeIssueFile(utf8(exported)), false);
    assert.equal(looksLikeIssueFile(utf8(`\ufeff${exported.replace(/\n/g, '\r\n')}`)), false, 'with a BOM and CRLF');
    assert.equal(looksLikeIssueFile(utf8(exported.replace('# Weekly Papers notes', '# My notes'))), true, 'the export heading is what tells');
  });

  it('takes a file with NUL bytes for binary, and reads UTF-16 with a byte-order mark', () => {
    assert.equal(looksLikeIssueFile(new Uint8Array([...utf8(ISSUE.slice(0, 200)), 0, 1, 2])), false);
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from({ length: ISSUE.length }, (_, i) => ISSUE.charCodeAt(i)).buffer)]);
    assert.equal(looksLikeIssueFile(utf16), true);
    assert.equal(decodeText(utf16), ISSUE);
    assert.equal(readIssueFile(utf16)?.result.issues[0]?.volume, 132);
  });

  it('keeps line numbers as the file has them, with a BOM and CRLF', () => {
    const read = readIssueFile(bytesOf('edge/vol-132-crlf-bom.txt'));
    const plain = readIssueFile(bytesOf('web/vol-132.txt'));
    assert.ok(read && plain);
    assert.deepEqual(read.result.issues[0]?.papers.map((p) => p.range.startLine), plain.result.issues[0]?.papers.map((p) => p.range.startLine));
  });
});

describe('placing an issue file’s problems without keeping its lines', () => {
  const textOf = (bytes: Uint8Array, line: number): string => splitLines(decodeText(bytes))[line - 1] ?? '';

  it('keeps the text of the lines its problems are on, and of no other line', () => {
    for (const relPath of ['edge/vol-135-link-forms.txt', 'edge/vol-132-crlf-bom.txt', 'paywall/vol-141-after-first-paper.txt', 'web/vol-132.txt']) {
      const bytes = bytesOf(relPath);
      const read = readIssueFile(bytes);
      assert.ok(read, relPath);
      const problemLines = new Set(read.result.diagnostics.map((d) => d.line).filter((line) => textOf(bytes, line) !== ''));
      assert.deepEqual(new Set(read.problemLines.keys()), problemLines, `${relPath}: the lines kept`);
      for (const [line, text] of read.problemLines) assert.equal(text, textOf(bytes, line), `${relPath}: line ${line}`);
    }
  });

  it('finds any line as the whole text numbers it, in UTF-8 and UTF-16, whatever the line ends', () => {
    const utf16be = (text: string): Uint8Array => new Uint8Array([0xfe, 0xff, ...Array.from({ length: text.length }, (_, i) => text.charCodeAt(i)).flatMap((code) => [code >> 8, code & 0xff])]);
    const piece = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r', '\ufeff', '’'));
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 8 }), (pieces, wanted) => {
      const text = pieces.join('');
      for (const bytes of [utf8(text), utf16be(text)]) {
        const expected = new Map(wanted.map((line) => [line, textOf(bytes, line)] as const).filter(([line, t]) => line >= 1 && t !== ''));
        assert.deepEqual(linesAt(bytes, new Set(wanted)), expected);
      }
    }));
  });
});

describe('decoding a file line by line', () => {
  const utf16le = (text: string): Uint8Array => new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from({ length: text.length }, (_, i) => text.charCodeAt(i)).buffer)]);
  const whole = (bytes: Uint8Array): string[] => splitLines(decodeText(bytes));

  it('gives the lines of the whole text, whatever the line breaks, byte-order mark or encoding', () => {
    for (const text of ['', '\n', 'a', 'a\n', 'a\r\nb\rc\n\nd', '\r\r\n\n', '\ufeffBOM then text\r\n', 'é ’ 🙂\n\u2028x', 'a\r']) {
      assert.deepEqual(decodeLines(utf8(text)), whole(utf8(text)), JSON.stringify(text));
      assert.deepEqual(decodeLines(utf16le(text)), whole(utf16le(text)), `UTF-16: ${JSON.stringify(text)}`);
    }
    assert.deepEqual(decodeLines(new Uint8Array([0x61, 0xff, 0x0a, 0xe2, 0x80])), ['a\ufffd', '\ufffd'], 'bytes that are not UTF-8 read as U+FFFD, as TextDecoder reads them');
  });

  it('reads a file of 300,000 lines that end in a lone CR (classic Mac OS)', () => {
    const text = `${ISSUE.split('\n').slice(0, 8).join('\r')}${'\r'.repeat(300_000)}`;
    const lines = decodeLines(utf8(text));
    assert.equal(lines.length, 300_008);
    assert.deepEqual(lines, whole(utf8(text)));
    assert.equal(readIssueFile(utf8(text))?.result.issues.length, 1);
  });

  it('agrees with decoding the whole text, on any text', () => {
    const piece = fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('\n', '\r\n', '\r', '\ufeff', '’', '🙂'));
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
      const bytes = utf8(pieces.join(''));
      assert.deepEqual(decodeLines(bytes), whole(bytes));
    }));
  });

  it('reads an issue file to the same issue as its whole text does', () => {
    for (const relPath of ['web/vol-132.txt', 'edge/vol-132-crlf-bom.txt']) {
      assert.deepEqual(readIssueFile(bytesOf(relPath))?.result, parseIssueText(decodeText(bytesOf(relPath))), relPath);
    }
  });
});
