// Benchmark of parseIssueText on an archive of 500 issues, against two references measured on
// the same text in the same run: the floor (splitting the text into lines) and markdown-it's
// tokenizer, and the reference parser (the parser before it read its input in one pass, kept in
// test/unit/helpers/referenceParser). Also reports the heap held by the result, and, for the
// generated hostile files of millions of line ends (test/support/hostileIssues.ts), the time and
// peak RSS of a process that reads and parses the file as the CLI does. Run with `npm run bench`
// (compiles, then `node --expose-gc out/bench/parse.bench.js`).
//
// This is a benchmark, not a test: targets are printed as PASS/MISS and a MISS still exits 0.
// It exits non-zero only when the sanity check fails (the archive did not parse to 500 issues
// with the expected number of papers), because then the figures mean nothing.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import MarkdownIt from 'markdown-it';
import { parseIssueBytes, parseIssueText } from '../src/core/parse/parse';
import { toJsonEntry } from '../src/cli/json';
import { decodeLines } from '../src/core/parse/text';
import { readIssueFile } from '../src/sources/sniff';
import * as reference from '../test/unit/helpers/referenceParser';
import { HOSTILE_ISSUES, writeHostileIssue, type HostileIssue } from '../test/support/hostileIssues';

const ISSUES = 500;
const WARMUP = 2;
const RUNS = 9;
const FIRST_VOLUME = 1000;

const TARGET_MD_OVER_PARSE = 4; // parse at least 4x faster than markdown-it
const TARGET_PARSE_OVER_FLOOR = 5; // parse within 5x of the floor
const TARGET_HEAP_OVER_INPUT = 3; // heap held by the result < 3x the input size (UTF-8 bytes)

// Compiled to out/bench: the repository root is two levels up.
const ROOT = path.resolve(__dirname, '..', '..');
const gc = (globalThis as { gc?: () => void }).gc;

interface Fixture {
  name: string;
  text: string;
  papers: number;
}

const VOLUME_LINE = /Vol\.\s*(\d+)/;
/** A real archive is mostly complete issues: fixtures with fewer papers (edge cases, paywalled copies) are left out. */
const MIN_PAPERS = 8;

/** Renumbers the issue: every `Vol.N` with the fixture's own N (title, front matter, volume line). */
function withVolume(text: string, volume: number): string {
  const own = VOLUME_LINE.exec(text)?.[1];
  if (own === undefined) return text;
  return text.replace(new RegExp(`Vol\\.\\s*${own}(?!\\d)`, 'g'), `Vol.${volume}`);
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile() && fs.statSync(full).size < 1_000_000) out.push(full);
  }
  return out.sort();
}

/** The sample and every fixture that parses to one complete issue whose volume can be varied, alone and twice in a row. */
function loadFixtures(): { usable: Fixture[]; skipped: string[] } {
  const candidates = [path.join(ROOT, 'media', 'sample', 'vol-132.txt'), ...listFiles(path.join(ROOT, 'test', 'fixtures'))];
  const usable: Fixture[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const file of candidates) {
    const name = path.relative(ROOT, file);
    const text = fs.readFileSync(file, 'utf8');
    if (seen.has(text)) continue;
    seen.add(text);
    if (!VOLUME_LINE.test(text)) {
      skipped.push(`${name} (no Vol.N line)`);
      continue;
    }
    const one = parseIssueText(withVolume(text, 7));
    const issue = one.issues[0];
    if (one.issues.length !== 1 || !issue || issue.volume !== 7) {
      skipped.push(`${name} (does not parse to one issue with a volume)`);
      continue;
    }
    if (issue.papers.length < MIN_PAPERS || issue.cutOff !== null) {
      skipped.push(`${name} (not a complete issue: ${issue.papers.length} papers${issue.cutOff ? ', cut off' : ''})`);
      continue;
    }
    if (one.diagnostics.some((d) => d.severity === 'error')) {
      skipped.push(`${name} (error diagnostics)`);
      continue;
    }
    const two = parseIssueText(`${withVolume(text, 8)}\n${withVolume(text, 9)}`);
    if (two.issues.map((i) => i.volume).join() !== '8,9') {
      skipped.push(`${name} (two copies in a row do not give two issues)`);
      continue;
    }
    usable.push({ name, text, papers: issue.papers.length });
  }
  return { usable, skipped };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

let sink = 0;

/** Median wall time in ms of `fn` over RUNS runs, after WARMUP runs; a full GC before each run. */
function time(fn: () => number): number {
  return timeRounds([fn]).medians[0]!;
}

/**
 * The steps measured in rounds: each round runs every step once (a full GC before each), so that
 * all of them see the machine as it is in that round, and a ratio between two steps is the median
 * of their ratios round by round. A machine shared with others speeds up and slows down by a third
 * within a minute; measured one after the other, each step would meet it in another state.
 */
function timeRounds(steps: ReadonlyArray<() => number>): { medians: number[]; ratio: (a: number, b: number) => number } {
  for (let i = 0; i < WARMUP; i++) for (const step of steps) sink += step();
  const samples: number[][] = steps.map(() => []);
  for (let round = 0; round < RUNS; round++) {
    steps.forEach((step, index) => {
      gc?.();
      const t0 = performance.now();
      sink += step();
      samples[index]!.push(performance.now() - t0);
    });
  }
  return {
    medians: samples.map(median),
    ratio: (a, b) => median(samples[a]!.map((value, round) => value / samples[b]![round]!)),
  };
}

const fmt = (n: number, digits = 1): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pad = (s: string, n: number): string => s.padEnd(n);
const lpad = (s: string, n: number): string => s.padStart(n);

function main(): number {
  const { usable, skipped } = loadFixtures();
  if (usable.length === 0) {
    console.error('sanity: FAIL: no fixture parses (not even media/sample/vol-132.txt)');
    for (const s of skipped) console.error(`  skipped ${s}`);
    return 1;
  }

  const pieces: string[] = [];
  const uses = new Map<string, number>();
  let expectedPapers = 0;
  for (let i = 0; i < ISSUES; i++) {
    const fixture = usable[i % usable.length]!;
    pieces.push(withVolume(fixture.text, FIRST_VOLUME + i));
    expectedPapers += fixture.papers;
    uses.set(fixture.name, (uses.get(fixture.name) ?? 0) + 1);
  }
  const text = pieces.join('\n');
  pieces.length = 0;
  const utf8Bytes = Buffer.byteLength(text, 'utf8');
  const utf16Bytes = text.length * 2;
  const mb = utf8Bytes / 1e6;

  console.log('Weekly Papers: parseIssueText benchmark');
  console.log(`input:    ${ISSUES} issues in one text, ${fmt(mb, 2)} MB UTF-8 (${utf8Bytes.toLocaleString('en-US')} bytes; ${text.length.toLocaleString('en-US')} UTF-16 code units), ${text.split('\n').length.toLocaleString('en-US')} lines`);
  console.log(`fixtures: ${[...uses].map(([name, n]) => `${name} x${n}`).join(', ')}`);
  if (skipped.length > 0) {
    // Grouped by reason; set BENCH_VERBOSE=1 to list every skipped fixture.
    const reasons = new Map<string, number>();
    for (const s of skipped) {
      const reason = (/\(([^:)]+)/.exec(s)?.[1] ?? s).trim();
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    console.log(`skipped:  ${skipped.length} files: ${[...reasons].map(([reason, n]) => `${n} ${reason}`).join('; ')}`);
    if (process.env['BENCH_VERBOSE']) for (const s of skipped) console.log(`          ${s}`);
  }
  console.log(`method:   ${WARMUP} warm-up rounds, then ${RUNS} rounds that run the four steps below once each, a full GC before each${gc ? '' : ' (gc unavailable: run with --expose-gc)'}; medians, and ratios as the median of the rounds' ratios; node ${process.version}`);
  console.log('');

  const md = new MarkdownIt();
  const FLOOR = 0;
  const MD = 1;
  const PARSE = 2;
  const REFERENCE = 3;
  const rounds = timeRounds([
    () => text.split(/\r?\n/).length,
    () => md.parse(text, {}).length,
    () => parseIssueText(text).issues.length,
    () => reference.parseIssueText(text).issues.length,
  ]);
  const [floorMs, mdMs, parseMs, referenceMs] = rounds.medians as [number, number, number, number];

  // Heap held by the result: full GC, parse, full GC again with the result still referenced.
  let heapGrowth: number | null = null;
  let held: ReturnType<typeof parseIssueText> | null = null;
  if (gc) {
    gc();
    gc();
    const before = process.memoryUsage().heapUsed;
    held = parseIssueText(text);
    gc();
    gc();
    heapGrowth = process.memoryUsage().heapUsed - before;
  } else {
    held = parseIssueText(text);
  }
  const issues = held.issues.length;
  const papers = held.issues.reduce((n, i) => n + i.papers.length, 0);
  const volumes = new Set(held.issues.map((i) => i.volume)).size;
  const errors = held.diagnostics.filter((d) => d.severity === 'error').length;

  const rows: Array<[string, number]> = [
    ['floor: text.split(/\\r?\\n/)', floorMs],
    ['markdown-it: md.parse(text, {})', mdMs],
    ['parseIssueText(text)', parseMs],
    ['reference parser (before)', referenceMs],
  ];
  console.log(`${pad('step', 34)}${lpad('median ms', 11)}${lpad('MB/s', 10)}`);
  for (const [name, ms] of rows) console.log(`${pad(name, 34)}${lpad(fmt(ms), 11)}${lpad(fmt(mb / (ms / 1000)), 10)}`);
  console.log('');

  const mdOverParse = rounds.ratio(MD, PARSE);
  const parseOverFloor = rounds.ratio(PARSE, FLOOR);
  const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');
  const targets: Array<[string, string, string, string]> = [
    ['speed vs markdown-it (md / parse)', `${fmt(mdOverParse, 2)}x`, `>= ${TARGET_MD_OVER_PARSE}x`, verdict(mdOverParse >= TARGET_MD_OVER_PARSE)],
    ['speed vs floor (parse / floor)', `${fmt(parseOverFloor, 2)}x`, `<= ${TARGET_PARSE_OVER_FLOOR}x`, verdict(parseOverFloor <= TARGET_PARSE_OVER_FLOOR)],
    ['before: md / reference parser', `${fmt(rounds.ratio(MD, REFERENCE), 2)}x`, '(info)', ''],
    ['before: reference parser / floor', `${fmt(rounds.ratio(REFERENCE, FLOOR), 2)}x`, '(info)', ''],
  ];
  if (heapGrowth !== null) {
    targets.push(
      ['heap held / input (UTF-8 bytes)', `${fmt(heapGrowth / utf8Bytes, 2)}x`, `< ${TARGET_HEAP_OVER_INPUT}x`, verdict(heapGrowth / utf8Bytes < TARGET_HEAP_OVER_INPUT)],
      ['heap held / input (UTF-16 bytes)', `${fmt(heapGrowth / utf16Bytes, 2)}x`, '(info)', ''],
    );
  } else {
    targets.push(['heap held / input', 'n/a', `< ${TARGET_HEAP_OVER_INPUT}x`, 'n/a (no --expose-gc)']);
  }
  console.log(`${pad('target', 36)}${lpad('figure', 9)}  ${pad('target', 8)}  result`);
  for (const [name, figure, target, result] of targets) console.log(`${pad(name, 36)}${lpad(figure, 9)}  ${pad(target, 8)}  ${result}`);
  if (heapGrowth !== null) {
    console.log(`heap held by the result: ${fmt(heapGrowth / 1e6, 2)} MB (input ${fmt(mb, 2)} MB UTF-8, ${fmt(utf16Bytes / 1e6, 2)} MB UTF-16)`);
  }
  console.log('');

  hardWrappedArchive();
  if (gc) readingHeld(Buffer.from(text, 'utf8'));
  hostileLines();
  hostileFiles();

  const sane = issues === ISSUES && papers === expectedPapers && volumes === ISSUES && errors === 0 && sink > 0;
  console.log(
    `sanity:   ${issues} issues (expected ${ISSUES}), ${papers} papers (expected ${expectedPapers}), ` +
      `${volumes} distinct volumes, ${errors} error diagnostics: ${sane ? 'OK' : 'FAIL'}`,
  );
  if (!sane) {
    for (const d of held.diagnostics.slice(0, 5)) console.log(`          ${d.severity} line ${d.line} [${d.code}] ${d.message}`);
  }
  return sane ? 0 : 1;
}

/**
 * An archive of plain-text e-mails, hard-wrapped: the parser guesses whether a file is hard-wrapped
 * before it has read it all (from the lines read when its first issue is parsed) and reads it
 * again when the guess was wrong; this shows that an archive of e-mails is read once.
 */
function hardWrappedArchive(): void {
  const email = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'email', 'vol-132-forwarded.eml.txt'), 'utf8');
  const copies = 300;
  const text = Array.from({ length: copies }, (_, i) => withVolume(email, FIRST_VOLUME + i)).join('\n');
  const rounds = timeRounds([() => text.split(/\r?\n/).length, () => parseIssueText(text).issues.length, () => reference.parseIssueText(text).issues.length]);
  const [floorMs, parseMs, referenceMs] = rounds.medians as [number, number, number];
  console.log(`hard-wrapped e-mails (${copies} copies of test/fixtures/email/vol-132-forwarded.eml.txt, ${fmt(Buffer.byteLength(text, 'utf8') / 1e6, 2)} MB), median ms:`);
  console.log(`  floor ${fmt(floorMs)}, parseIssueText ${fmt(parseMs)}, reference parser ${fmt(referenceMs)}: parse / floor ${fmt(rounds.ratio(1, 0), 2)}x, parse / reference ${fmt(rounds.ratio(1, 2), 2)}x (info)`);
  console.log('');
}

const TARGET_HOSTILE_OVER_PROSE = 10; // a line of link-like junk reads within 10x of prose of the same length

/**
 * Lines built to make a link reader backtrack (one used to read on through 4,096 characters at
 * every `[`): each read as one paper's body, against ordinary prose of the same length.
 */
/** Heap held by `fn`'s result: full GC, run, full GC again with the result still referenced. */
function heapHeldBy(fn: () => unknown): number {
  gc?.();
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const result = fn();
  gc?.();
  gc?.();
  const held = process.memoryUsage().heapUsed - before;
  if (result === undefined) throw new Error('no result'); // keeps the result alive until here
  return held;
}

/**
 * What a workspace issue file costs while it is published (src/sources/sniff.ts readIssueFile):
 * now the result and the text of the lines its problems are on; the baseline, in the same run,
 * is how it read before, every line decoded into an array kept beside the result.
 */
function readingHeld(bytes: Uint8Array): void {
  const now = heapHeldBy(() => readIssueFile(bytes));
  const before = heapHeldBy(() => {
    const lines = decodeLines(bytes);
    return { lines, result: parseIssueBytes(bytes) };
  });
  console.log('reading an issue file as the workspace does (readIssueFile), heap held while it is published:');
  console.log(`  readIssueFile:                   ${fmt(now / 1e6, 2)} MB (${fmt(now / bytes.length, 2)}x the input)`);
  console.log(`  baseline: every line kept beside the result: ${fmt(before / 1e6, 2)} MB (${fmt(before / bytes.length, 2)}x the input)`);
  console.log(`  readIssueFile / baseline:        ${fmt(now / before, 2)}x`);
  console.log('');
}

function hostileLines(): void {
  const header = 'Title\nVol.132 for Nov 24 - Nov 30, 2025\nThis week’s newsletter highlights the following research:\nA, from B\n[1] A Paper\n';
  const length = 1_000_000;
  const prose = 'Ordinary prose, with words and a comma: it is just as long as the other line. '.repeat(Math.ceil(length / 80)).slice(0, length);
  const proseMs = time(() => parseIssueText(`${header}${prose}\n`).issues.length);
  console.log(`${pad('a 1 MB line of', 36)}${lpad('median ms', 11)}  ${pad('vs prose', 9)}  target`);
  console.log(`${pad('  ordinary prose', 36)}${lpad(fmt(proseMs), 11)}`);
  for (const piece of ['[https://', '](', '<https://', '[ ']) {
    const line = piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
    const ms = time(() => parseIssueText(`${header}${line}\n`).issues.length);
    const ratio = ms / proseMs;
    console.log(`${pad(`  ${JSON.stringify(piece)} repeated`, 36)}${lpad(fmt(ms), 11)}  ${pad(`${fmt(ratio, 2)}x`, 9)}  <= ${TARGET_HOSTILE_OVER_PROSE}x  ${ratio <= TARGET_HOSTILE_OVER_PROSE ? 'PASS' : 'MISS'}`);
  }
  console.log('');
}

const TARGET_HOSTILE_MS = 2000;
const TARGET_HOSTILE_RSS_MB = 300;
/** The reference reads every line into an object: on the full files it takes minutes and gigabytes (4.2 GB for 30 MB), so it reads a copy this long. */
const REFERENCE_LINE_ENDS = 1024 * 1024;

interface ChildFigures {
  readonly ms: number;
  readonly maxRssMb: number;
  readonly issues: number;
}

/**
 * Each generated hostile file read and parsed in a process of its own, as the CLI reads a file
 * (bytes, parsed, the JSON entry built): its parse time and its peak RSS (maxRSS, which includes
 * Node itself, about 40 MB), against the targets; the reference parser on a shorter copy.
 */
function hostileFiles(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-papers-bench-'));
  try {
    console.log(`${pad('hostile file (one process each)', 50)}${lpad('read+parse', 10)}${lpad('max RSS MB', 12)}  target`);
    for (const issue of HOSTILE_ISSUES) {
      const file = writeHostileIssue(issue, dir);
      const after = runChild('parser', file);
      const ok = after !== null && after.ms < TARGET_HOSTILE_MS && after.maxRssMb < TARGET_HOSTILE_RSS_MB && after.issues === 1;
      console.log(`${pad(`  ${issue.name}: parser`, 50)}${figures(after)}  < ${TARGET_HOSTILE_MS} ms, < ${TARGET_HOSTILE_RSS_MB} MB  ${ok ? 'PASS' : 'MISS'}`);
      const shorter = writeHostileIssue(shorterCopy(issue), dir);
      const before = runChild('reference', shorter);
      console.log(`${pad(`  reference (before), ${fmt(REFERENCE_LINE_ENDS / (1024 * 1024), 0)} MB copy only`, 50)}${figures(before)}`);
    }
    console.log(`  (the reference is not run on the full files: it made an object per line, ${fmt(4.2, 1)} GB and over a minute for the 30 MB one)`);
    console.log('');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function shorterCopy(issue: HostileIssue): HostileIssue {
  return { ...issue, name: `reference-${issue.name}`, lineEnds: Math.min(issue.lineEnds, REFERENCE_LINE_ENDS) };
}

function figures(run: ChildFigures | null): string {
  return run === null ? lpad('failed', 22) : `${lpad(fmt(run.ms), 10)}${lpad(fmt(run.maxRssMb), 12)}`;
}

function runChild(parser: 'parser' | 'reference', file: string): ChildFigures | null {
  const run = spawnSync(process.execPath, [__filename, '--child', parser, file], { encoding: 'utf8', timeout: 300_000 });
  if (run.status !== 0) {
    console.log(`  ${parser} on ${path.basename(file)} failed: ${run.stderr.slice(0, 300)}`);
    return null;
  }
  return JSON.parse(run.stdout) as ChildFigures;
}

/** In the child: reads and parses one file as the CLI does, and prints its figures as JSON. */
function child(parser: string, file: string): number {
  const t0 = performance.now();
  const bytes = fs.readFileSync(file);
  const result = parser === 'reference' ? reference.parseIssueLines(reference.decodeLines(bytes)) : parseIssueBytes(bytes);
  const json = JSON.stringify(toJsonEntry(file, result));
  // Read, parsed and its JSON built, as the CLI does (without printing it).
  const ms = performance.now() - t0;
  const figuresOf: ChildFigures = { ms, maxRssMb: process.resourceUsage().maxRSS / 1024, issues: json.length > 0 ? result.issues.length : 0 };
  process.stdout.write(JSON.stringify(figuresOf));
  return 0;
}

try {
  const at = process.argv.indexOf('--child');
  process.exitCode = at >= 0 ? child(process.argv[at + 1] ?? '', process.argv[at + 2] ?? '') : main();
} catch (err) {
  console.error(`bench failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
