// Reading the fixtures under test/fixtures, and small helpers the parse tests share.
// Compiled to out/test/unit/helpers/fixtures.js: the repository root is four levels up.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Extra, Issue, Paper, ParseResult, SummaryBlock } from '../../../src/core/model/model';
import { parseIssueText } from '../../../src/core/parse/parse';

export const FIXTURES_DIR = path.join(__dirname, '../../../../test/fixtures');

/** The fixture's text exactly as stored: a BOM, CRLF line ends and U+00A0 are kept. */
export function readFixture(relPath: string): string {
  return fs.readFileSync(path.join(FIXTURES_DIR, relPath), 'utf8');
}

/** Parses a fixture and checks the result against the zod schema; returns the validated result. */
export function parseFixture(relPath: string): ParseResult {
  return validate(parseIssueText(readFixture(relPath)), relPath);
}

export function validate(result: unknown, what: string): ParseResult {
  const checked = ParseResult.safeParse(result);
  if (!checked.success) {
    assert.fail(`${what}: the parse result does not match the ParseResult schema:\n${checked.error.message}`);
  }
  return checked.data;
}

/** The one issue of a fixture that holds one issue. */
export function onlyIssue(result: ParseResult, what = 'fixture'): Issue {
  assert.equal(result.issues.length, 1, `${what}: expected exactly one issue, got ${result.issues.length}`);
  return result.issues[0]!;
}

/**
 * Folders of fixtures that are not issue text for the parser: `html/` (pages and a feed, for the
 * import) and `hostile/notes/` (Export Notes files, for Import Notes).
 */
const NOT_PARSER_INPUT = new Set(['html', 'hostile/notes']);

/** Folders of API answers (their own READMEs), for the arXiv and Hugging Face metadata tests. */
const API_ANSWERS = new Set(['arxiv', 'huggingface', 'match']);

/** Every fixture file, relative to test/fixtures, with '/' separators, sorted. README.md at the top level excluded. */
export function listFixtures(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(FIXTURES_DIR, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory() && NOT_PARSER_INPUT.has(rel)) continue;
      // arxiv/ and huggingface/ hold API answers for the metadata tests, match/ the corpus and
      // labels of the arXiv matching tests: none is newsletter text.
      if (entry.isDirectory()) {
        if (!API_ANSWERS.has(rel)) walk(rel);
      }
      else if (rel !== 'README.md') out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

/** The lines of a text as a reader counts them (CRLF, LF or CR ends one line). */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** 1-based number of the first line containing `needle` (after `after`, if given); fails if there is none. */
export function lineOf(text: string, needle: string, after = 0): number {
  const lines = linesOf(text);
  for (let i = after; i < lines.length; i++) {
    if (lines[i]!.includes(needle)) return i + 1;
  }
  assert.fail(`no line contains ${JSON.stringify(needle)}`);
}

/** Line `n` (1-based) of a text. */
export function lineAt(text: string, n: number): string {
  const line = linesOf(text)[n - 1];
  assert.ok(line !== undefined, `the text has no line ${n}`);
  return line;
}

/** The text of a summary, one string per paragraph or list item. */
export function summaryTexts(blocks: SummaryBlock[]): string[] {
  return blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.items));
}

/** All summary text of an issue (papers and extras) in one string. */
export function allSummaryText(issue: Issue): string {
  return [...issue.papers, ...issue.extras].flatMap((p: Paper | Extra) => summaryTexts(p.summary)).join('\n');
}

/** A paper's links as `kind url` strings, which makes failures readable. */
export function linkStrings(p: Paper | Extra): string[] {
  return p.links.map((l) => `${l.kind} ${l.url}`);
}

export function paper(issue: Issue, n: number): Paper {
  const p = issue.papers.find((x) => x.number === n);
  assert.ok(p, `no paper numbered ${n} (numbers: ${issue.papers.map((x) => x.number).join(', ')})`);
  return p;
}

export function codes(result: ParseResult, severity?: 'error' | 'warning' | 'info'): string[] {
  return result.diagnostics.filter((d) => severity === undefined || d.severity === severity).map((d) => d.code);
}

export function diagnosticsWithCode(result: ParseResult, code: string) {
  return result.diagnostics.filter((d) => d.code === code);
}

/** No error and no warning: what a clean, complete issue must give. */
export function assertClean(result: ParseResult, what: string): void {
  const noisy = result.diagnostics.filter((d) => d.severity !== 'info');
  assert.deepEqual(noisy, [], `${what}: expected no errors or warnings`);
}

export interface Fixture {
  relPath: string;
  text: string;
  /** The validated parse result, computed on first use (a parser that throws fails the test, not the file). */
  result(): ParseResult;
  /** The one issue of the result. */
  issue(): Issue;
}

export function fixture(relPath: string): Fixture {
  const text = readFixture(relPath);
  let cached: ParseResult | undefined;
  const result = (): ParseResult => (cached ??= validate(parseIssueText(text), relPath));
  return { relPath, text, result, issue: () => onlyIssue(result(), relPath) };
}

/** The `[ https://substack.com/redirect/… ]` target written on line `n` of an e-mail. */
export function redirectOnLine(text: string, n: number): string {
  const m = /\[ (https:\/\/substack\.com\/redirect\/\S+) \]/.exec(lineAt(text, n));
  assert.ok(m, `line ${n} has no Substack redirect`);
  return m[1]!;
}

/** 1-based number of the first line that starts with `prefix` (after line `after`); fails if there is none. */
export function lineStartingWith(text: string, prefix: string, after = 0): number {
  const lines = linesOf(text);
  for (let i = after; i < lines.length; i++) {
    if (lines[i]!.startsWith(prefix)) return i + 1;
  }
  assert.fail(`no line starts with ${JSON.stringify(prefix)}`);
}
