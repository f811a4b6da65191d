// Benchmark of the search behind "Open Paper..." and the Issues filter, on 11,000 papers built
// from the sample issue (as the VS Code benchmark's workspace is). The baseline, measured in the
// same run, is the simplest index: a normalised copy of each paper's text, scanned with
// `includes` per query word. Figures: build time, heap held, and time per keystroke while typing.
// Run with `npm run bench` (after the parser benchmark). Not a test: it asserts nothing about
// speed, and fails only when the two disagree on an answer, since then the figures mean nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeIssue } from './vscode/makeWorkspace';
import { parseIssueText } from '../src/core/parse/parse';
import { searchablePaper } from '../src/core/search/librarySearch';
import { normalizeForSearch, queryWords } from '../src/core/search/normalize';
import { PaperSearchIndex, type SearchablePaper } from '../src/core/search/paperSearchIndex';
import { IssueLibrary } from '../src/core/model/library';

const ROOT = path.resolve(__dirname, '..', '..');
const ISSUES = 1000;
const gc = (globalThis as { gc?: () => void }).gc;

/**
 * The baseline: the index this one replaced, a normalised copy of every paper's text scanned
 * with `includes`, narrowing the last query's matches while the reader types on.
 */
class CopyIndex {
  private readonly all: { key: string; text: string }[];
  private last: { words: string[]; matches: { key: string; text: string }[] } | null = null;
  constructor(papers: readonly SearchablePaper[]) {
    this.all = papers.map((paper) => ({ key: paper.key, text: normalizeForSearch(`${paper.title}\n${paper.org ?? ''}\n${paper.issueLabel ?? ''}\n${paper.summary}`) }));
  }
  search(query: string): string[] {
    const words = queryWords(query);
    if (words.length === 0) return this.all.map((paper) => paper.key);
    const narrows = this.last !== null && this.last.words.every((old) => words.some((word) => word.includes(old)));
    const pool = narrows && this.last ? this.last.matches : this.all;
    const matches = pool.filter((paper) => words.every((word) => paper.text.includes(word)));
    this.last = { words, matches };
    return matches.map((paper) => paper.key);
  }
}

function heapAfterGc(): number {
  gc?.();
  gc?.();
  // Typed arrays live outside the JavaScript heap: count them too.
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** Builds the index and reports the heap it holds and how long the build took (best of 3). */
function build<T>(make: () => T): { index: T; ms: number; bytes: number } {
  let ms = Infinity;
  for (let i = 0; i < 2; i++) {
    const started = performance.now();
    make();
    ms = Math.min(ms, performance.now() - started);
  }
  const before = heapAfterGc();
  const started = performance.now();
  const index = make();
  ms = Math.min(ms, performance.now() - started);
  return { index, ms, bytes: heapAfterGc() - before };
}

/** Typing each query letter by letter, 5 times; the median time per keystroke, and the slowest keystroke (by its median). */
function typing(search: (query: string) => string[], queries: readonly string[]): { median: number; slowest: number; slowestQuery: string } {
  const perKeystroke = new Map<string, number[]>();
  for (let round = 0; round < 5; round++) {
    for (const query of queries) {
      for (let end = 1; end <= query.length; end++) {
        const typed = query.slice(0, end);
        const started = performance.now();
        search(typed);
        const list = perKeystroke.get(typed) ?? [];
        list.push(performance.now() - started);
        perKeystroke.set(typed, list);
      }
      search(''); // the reader clears the box
    }
  }
  const medians = [...perKeystroke].map(([typed, list]) => ({ typed, ms: list.sort((a, b) => a - b)[Math.floor(list.length / 2)] as number }));
  medians.sort((a, b) => a.ms - b.ms);
  const slowest = medians[medians.length - 1] ?? { typed: '', ms: 0 };
  return { median: medians[Math.floor(medians.length / 2)]?.ms ?? 0, slowest: slowest.ms, slowestQuery: slowest.typed };
}

function main(): number {
  if (!gc) console.warn('(run with --expose-gc for heap figures)');
  const sample = fs.readFileSync(path.join(ROOT, 'media', 'sample', 'vol-132.txt'), 'utf8');
  const library = new IssueLibrary();
  let textBytes = 0;
  for (let i = 0; i < ISSUES; i++) {
    const text = makeIssue(sample, 1000 + i);
    textBytes += Buffer.byteLength(text);
    const result = parseIssueText(text);
    library.set({ source: { id: `file:${i}`, label: `vol-${1000 + i}.txt`, bundled: false }, issues: result.issues, diagnostics: result.diagnostics });
  }
  const papers = [...library.paperIndex().values()].map((entries) => searchablePaper(entries[0]!));
  // Words of the made-up vocabulary (see makeWorkspace.ts), common and rare, one that no paper
  // has, an issue label, and a short one that almost every word holds.
  const queries = ['reion kenking', 'netvalse', 'workjectry denobval', 'vol. 1500', 'zzz', 'e', 'qa 4-128x', 'bedlarvaltri'];

  const words = build(() => PaperSearchIndex.of(papers));
  const copies = build(() => new CopyIndex(papers));
  for (const query of [...queries, 'r', 're', 'reion', 'ken king']) {
    const got = [...words.index.search(query)].sort();
    const expected = copies.index.search(query).sort();
    if (got.join() !== expected.join()) {
      console.error(`sanity: FAIL: "${query}" finds ${got.length} papers, the baseline ${expected.length}`);
      return 1;
    }
  }
  const wordTimes = typing((query) => words.index.search(query), queries);
  const copyTimes = typing((query) => copies.index.search(query), queries);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  console.log(`\nWeekly Papers: paper search benchmark (${papers.length.toLocaleString('en-US')} papers from ${ISSUES} issues, ${mb(textBytes)} of text, ${words.index.vocabularySize.toLocaleString('en-US')} distinct words)`);
  const rows = [
    ['', 'word index', 'baseline: text copies', 'ratio'],
    ['build', ms(words.ms), ms(copies.ms), `${(words.ms / copies.ms).toFixed(2)}x`],
    ['heap held', mb(words.bytes), mb(copies.bytes), `${(words.bytes / copies.bytes).toFixed(2)}x`],
    ['  against the text', `${(words.bytes / textBytes).toFixed(2)}x`, `${(copies.bytes / textBytes).toFixed(2)}x`, ''],
    ['keystroke, median', ms(wordTimes.median), ms(copyTimes.median), `${(wordTimes.median / copyTimes.median).toFixed(2)}x`],
    ['keystroke, slowest', `${ms(wordTimes.slowest)} ("${wordTimes.slowestQuery}")`, `${ms(copyTimes.slowest)} ("${copyTimes.slowestQuery}")`, `${(wordTimes.slowest / copyTimes.slowest).toFixed(2)}x`],
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
  console.log(`sanity: the index and the baseline agree on ${queries.length + 4} queries`);
  return 0;
}

process.exitCode = main();
