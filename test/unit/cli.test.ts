// End-to-end tests of the parse CLI: builds dist/cli.js with esbuild, then runs it with node
// (and once through `npm run parse`) and checks its JSON, stderr and exit statuses.
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Compiled to out/test/unit: the repository root is three levels up.
const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SAMPLE_PATH = path.join(ROOT, 'media', 'sample', 'vol-132.txt');

interface CliLink { kind: string; url: string }
interface CliPaper {
  number: number | null;
  title: string;
  shortTitle: string | null;
  contentsTitle: string | null;
  complete: boolean;
  org: string | null;
  key: string;
  arxivId: string | null;
  summary: string;
  links: CliLink[];
}
interface CliExtra { section: string; title: string; summary: string; arxivId: string | null; links: CliLink[] }
interface CliIssue {
  volume: number | null;
  week: { start: string | null; end: string | null };
  title: string | null;
  highlights: Array<{ title: string; org: string | null }>;
  papers: CliPaper[];
  extras: CliExtra[];
}
interface CliEntry {
  file: string;
  issues: CliIssue[];
  diagnostics: Array<{ severity: string; line: number; message: string }>;
}

function run(args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
}

function describeRun(r: SpawnSyncReturns<string>): string {
  return `status ${String(r.status)}, signal ${String(r.signal)}\n--- stderr ---\n${r.stderr}\n--- stdout (start) ---\n${r.stdout.slice(0, 1000)}`;
}

function parseJson(r: SpawnSyncReturns<string>): CliEntry[] {
  let value: unknown;
  try {
    value = JSON.parse(r.stdout);
  } catch (err) {
    assert.fail(`stdout is not JSON (${String(err)}):\n${describeRun(r)}`);
  }
  assert.ok(Array.isArray(value), 'stdout is a JSON array');
  return value as CliEntry[];
}

function stderrLines(r: SpawnSyncReturns<string>): string[] {
  return r.stderr.split(/\r?\n/).filter((line) => line.trim() !== '');
}

function assertNoStack(r: SpawnSyncReturns<string>): void {
  assert.ok(!/^\s+at /m.test(r.stderr), `stderr holds a stack trace:\n${r.stderr}`);
}

function isStringOrNull(v: unknown): boolean {
  return v === null || typeof v === 'string';
}

const TITLES = [
  'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning',
  'LLM Reasoning for Cold-Start Item Recommendation',
  'Towards Hyper-Efficient RAG Systems in VecDBs: Distributed Parallel Multi-Resolution Vector Search',
  'R²R: A Route-to-Rerank Post-Training Framework for Multi-Domain Decoder-Only Rerankers',
  'Revisiting Feedback Models for HyDE',
  'NVIDIA Nemotron Parse 1.1',
  'Beyond Patch Aggregation: 3-Pass Pyramid Indexing for Vision-Enhanced Document Retrieval',
  'Generative Early Stage Ranking',
  'E2E-GRec: An End-to-End Joint Training Framework for Graph Neural Networks and Recommender Systems',
  'STORE: Semantic Tokenization, Orthogonal Rotation and Efficient Attention for Scaling Up Ranking Models',
];
const ARXIV_IDS = [
  '2511.18659', '2511.18261', '2511.16681', '2511.19987', '2511.19349',
  '2511.20478', '2511.21121', '2511.21095', '2511.20564', '2511.18805',
];

describe('parse CLI (dist/cli.js)', function () {
  this.timeout(60_000);
  let tmp = '';

  before(function () {
    const build = spawnSync(process.execPath, ['esbuild.js', '--cli'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    assert.equal(build.status, 0, `node esbuild.js --cli failed:\n${build.stderr}${build.stdout}`);
    assert.ok(fs.existsSync(CLI), 'dist/cli.js was built');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-papers-cli-'));
  });

  after(function () {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  function tempFile(name: string, text: string): string {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, text, 'utf8');
    return file;
  }

  it('parses the sample: exit 0 and the documented JSON shape', function () {
    const r = run([SAMPLE_PATH]);
    assert.equal(r.status, 0, describeRun(r));
    const entries = parseJson(r);
    assert.equal(entries.length, 1);
    const entry = entries[0]!;
    assert.equal(typeof entry.file, 'string');
    assert.equal(path.resolve(ROOT, entry.file), SAMPLE_PATH);
    assert.ok(Array.isArray(entry.diagnostics));
    for (const d of entry.diagnostics) {
      assert.ok(['error', 'warning', 'info'].includes(d.severity), `severity ${d.severity}`);
      assert.ok(Number.isInteger(d.line) && d.line >= 1, `line ${d.line}`);
      assert.equal(typeof d.message, 'string');
    }
    assert.deepEqual(entry.diagnostics.filter((d) => d.severity === 'error'), [], 'no error diagnostics');

    assert.equal(entry.issues.length, 1);
    const issue = entry.issues[0]!;
    assert.equal(issue.volume, 132);
    assert.deepEqual(issue.week, { start: '2025-11-24', end: '2025-11-30' });
    assert.equal(issue.title, 'Unifying Retrieval and Generation, Reasoning-Driven Cold-Start Recommendation with LLMs and More!');

    assert.equal(issue.highlights.length, 10);
    assert.equal(issue.highlights[0]?.title, 'Unifying Retrieval and Generation through Continuous Latent Representations');
    assert.equal(issue.highlights[0]?.org, 'Apple');
    assert.equal(issue.highlights[4]?.org, 'the University of Waterloo');
    for (const h of issue.highlights) {
      assert.equal(typeof h.title, 'string');
      assert.ok(isStringOrNull(h.org));
    }

    assert.deepEqual(issue.papers.map((p) => p.title), TITLES);
    assert.deepEqual(issue.papers.map((p) => p.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(issue.papers.map((p) => p.arxivId), ARXIV_IDS);
    for (const p of issue.papers) {
      assert.ok(typeof p.key === 'string' && p.key.length > 0, `key of ${p.title}`);
      assert.ok(isStringOrNull(p.shortTitle) && isStringOrNull(p.org), `shortTitle/org of ${p.title}`);
      assert.equal(p.complete, true, `complete of ${p.title}`);
      assert.equal(p.contentsTitle, p.shortTitle, `contentsTitle of ${p.title}`);
      assert.ok(typeof p.summary === 'string' && p.summary.length > 0, `summary of ${p.title}`);
      assert.ok(Array.isArray(p.links) && p.links.length >= 1, `links of ${p.title}`);
      for (const l of p.links) {
        assert.equal(typeof l.kind, 'string');
        assert.match(l.url, /^https?:\/\//);
      }
    }
    const [p1, p2, , , p5] = issue.papers;
    assert.equal(p1?.org, 'Apple');
    assert.equal(p1?.shortTitle, 'Unifying Retrieval and Generation through Continuous Latent Representations');
    assert.ok(p1?.summary.startsWith('This paper from Apple presents CLaRa'), p1?.summary.slice(0, 80));
    assert.ok(p1?.links.some((l) => l.kind === 'code' && l.url === 'https://github.com/apple/ml-clara'), JSON.stringify(p1?.links));
    assert.ok(p1?.links.some((l) => l.kind === 'arxiv' && l.url === 'https://arxiv.org/abs/2511.18659'), JSON.stringify(p1?.links));
    assert.equal(p5?.org, 'the University of Waterloo');

    // Paper 2's summary: a paragraph ending in ':', a list of two items on their own lines, a paragraph.
    const lines = (p2?.summary ?? '').split('\n').map((l) => l.replace(/^\s*(?:[-*•]\s+)?/, ''));
    const first = lines.findIndex((l) => l.startsWith('Structural Reasoning, which'));
    assert.ok(first > 0, `no list item line in paper 2's summary:\n${p2?.summary}`);
    assert.ok(lines[first + 1]?.startsWith('Soft Self-Consistency, a simpler variant'), `second item not on the next line:\n${p2?.summary}`);
    assert.ok(lines.slice(0, first).some((l) => l.endsWith('two reasoning strategies:')), `list intro missing:\n${p2?.summary}`);
    assert.ok(lines.slice(first + 2).some((l) => l.startsWith('Beyond evaluating')), `closing paragraph missing:\n${p2?.summary}`);
    assert.ok(!p2?.summary.includes('📚') && !p2?.summary.includes('https://'), 'the link line is not in the summary');

    assert.equal(issue.extras.length, 1);
    const extra = issue.extras[0]!;
    assert.equal(extra.title, 'E-GEO: A Testbed for Generative Engine Optimization in E-Commerce');
    assert.equal(extra.section, 'Benchmarks');
    assert.equal(extra.arxivId, '2511.20867');
    assert.ok(extra.summary.startsWith('E-GEO is a benchmark'), extra.summary.slice(0, 80));
    assert.ok(extra.links.some((l) => l.url === 'https://github.com/psbagga17/E-GEO'), JSON.stringify(extra.links));
    // The sign-off is not part of the last extra.
    assert.ok(!extra.summary.includes('I hope this weekly roundup'), 'sign-off leaked into the extra');
  });

  it('lists every contents line of a paywalled issue as a paper, with contentsTitle and complete', function () {
    const r = run([path.join(ROOT, 'test', 'fixtures', 'paywall', 'vol-132-cut-in-first-paper.txt')]);
    assert.equal(r.status, 0, describeRun(r));
    const issue = parseJson(r)[0]?.issues[0];
    assert.ok(issue, describeRun(r));
    assert.deepEqual(issue.papers.map((p) => [p.number, p.complete, p.contentsTitle === issue.highlights[(p.number ?? 0) - 1]?.title]), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => [n, false, true]));
    assert.equal(issue.papers[0]?.title, 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning');
    assert.equal(issue.papers[1]?.key, 'vol132:#2');
  });

  it('gives contentsTitle null where the issue has no contents list', function () {
    const text = fs.readFileSync(SAMPLE_PATH, 'utf8').split('\n').filter((_, i) => i < 3 || i > 13).join('\n');
    const r = run([tempFile('vol-132-no-contents.txt', text)]);
    assert.equal(r.status, 0, describeRun(r));
    const papers = parseJson(r)[0]?.issues[0]?.papers ?? [];
    assert.equal(papers.length, 10);
    assert.deepEqual(new Set(papers.map((p) => `${p.contentsTitle}/${p.complete}`)), new Set(['null/true']));
  });

  it('gives each diagnostic with its severity, line and message', function () {
    const r = run([path.join(ROOT, 'test', 'fixtures', 'edge', 'vol-143-highlights-mismatch.txt')]);
    assert.equal(r.status, 0, describeRun(r));
    const diagnostics = parseJson(r)[0]?.diagnostics ?? [];
    assert.ok(diagnostics.length > 0, 'the fixture has problems to report');
    for (const d of diagnostics) {
      assert.ok(['error', 'warning', 'info'].includes(d.severity), `severity ${d.severity}`);
      assert.ok(Number.isInteger(d.line) && d.line >= 1, `line ${d.line}`);
      assert.equal(typeof d.message, 'string');
      assert.ok(d.message.length > 0);
    }
  });

  it('gives one entry per file, in argument order', function () {
    const other = tempFile('vol-133.txt', fs.readFileSync(SAMPLE_PATH, 'utf8').replace('Vol.132 for', 'Vol.133 for'));
    const r = run([other, SAMPLE_PATH]);
    assert.equal(r.status, 0, describeRun(r));
    const entries = parseJson(r);
    assert.equal(entries.length, 2);
    assert.equal(path.resolve(ROOT, entries[0]!.file), other);
    assert.equal(path.resolve(ROOT, entries[1]!.file), SAMPLE_PATH);
    assert.deepEqual(entries.map((e) => e.issues.map((i) => i.volume)), [[133], [132]]);
  });

  it('reads a file saved as UTF-16 LE or BE with a byte-order mark as the extension does (Notepad’s “Unicode”)', function () {
    const sample = fs.readFileSync(SAMPLE_PATH, 'utf8');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]);
    const be = Buffer.from(le).swap16(); // FE FF, then every code unit big-endian
    const leFile = path.join(tmp, 'vol-132-utf16le.txt');
    const beFile = path.join(tmp, 'vol-132-utf16be.txt');
    fs.writeFileSync(leFile, le);
    fs.writeFileSync(beFile, be);
    assert.deepEqual([...be.subarray(0, 4)], [0xfe, 0xff, 0x00, sample.charCodeAt(0)], 'big-endian with its mark');
    const r = run([SAMPLE_PATH, leFile, beFile]);
    assert.equal(r.status, 0, describeRun(r));
    const [utf8, utf16le, utf16be] = parseJson(r);
    assert.equal(utf8?.issues[0]?.papers.length, 10);
    assert.deepEqual(utf16le?.issues, utf8?.issues);
    assert.deepEqual(utf16be?.issues, utf8?.issues);
    assert.deepEqual(utf16le?.diagnostics, utf8?.diagnostics);
  });

  it('exits 1 with a one-line message and no stack trace for a file that is not an issue', function () {
    const file = tempFile('not-an-issue.txt', 'Dear diary,\nnothing to see here.\n[not] a paper, from nowhere\n');
    const r = run([file]);
    assert.equal(r.status, 1, describeRun(r));
    assert.equal(stderrLines(r).length, 1, `stderr is not one line:\n${r.stderr}`);
    assertNoStack(r);
  });

  it('exits 1 for an empty file', function () {
    const r = run([tempFile('empty.txt', '')]);
    assert.equal(r.status, 1, describeRun(r));
    assert.equal(stderrLines(r).length, 1, `stderr is not one line:\n${r.stderr}`);
    assertNoStack(r);
  });

  it('exits 1 when any one of several files holds no issue', function () {
    const r = run([SAMPLE_PATH, tempFile('prose.txt', 'Just prose.\n')]);
    assert.equal(r.status, 1, describeRun(r));
    assertNoStack(r);
  });

  it('exits 1 with a one-line message and no stack trace for a missing file', function () {
    const r = run([path.join(tmp, 'does-not-exist.txt')]);
    assert.equal(r.status, 1, describeRun(r));
    assert.equal(stderrLines(r).length, 1, `stderr is not one line:\n${r.stderr}`);
    assertNoStack(r);
  });

  it('exits 1 without a stack trace for a directory given as a file', function () {
    const r = run([tmp]);
    assert.equal(r.status, 1, describeRun(r));
    assert.equal(stderrLines(r).length, 1, `stderr is not one line:\n${r.stderr}`);
    assertNoStack(r);
  });

  it('refuses a file over 64 MB by its size, before reading it: one line on stderr, exit 1', function () {
    const file = path.join(tmp, 'huge.txt');
    fs.writeFileSync(file, 'Vol.132 for Nov 24 - Nov 30, 2025\n');
    fs.truncateSync(file, 100 * 1024 * 1024); // sparse: no disk is used for it
    const r = run([file]);
    assert.equal(r.status, 1, describeRun(r));
    assertNoStack(r);
    assert.deepEqual(stderrLines(r), [`${file}: This file is 100.0 MB; the parser reads issue files up to 64 MB, so it was not read.`]);
    assert.deepEqual(parseJson(r)[0]?.diagnostics.map((d) => d.line), [1]);
  });

  it('stops reading standard input past 64 MB: one line on stderr, exit 1', function () {
    const input = Buffer.alloc(65 * 1024 * 1024, 'a');
    const r = spawnSync(process.execPath, [CLI, '-'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000, input });
    assert.equal(r.status, 1, describeRun(r));
    assertNoStack(r);
    assert.deepEqual(stderrLines(r), ['-: This input holds more than 64 MB; the parser reads issue files up to 64 MB, so it was not read.']);
  });

  it('reads an issue from standard input', function () {
    const r = spawnSync(process.execPath, [CLI, '-'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000, input: fs.readFileSync(SAMPLE_PATH) });
    assert.equal(r.status, 0, describeRun(r));
    assert.equal(parseJson(r)[0]?.issues[0]?.papers.length, 10);
  });

  it('exits 2 with usage on stderr when given no arguments', function () {
    const r = run([]);
    assert.equal(r.status, 2, describeRun(r));
    assert.match(r.stderr, /usage/i);
    assertNoStack(r);
  });

  it('exits 2 for an unknown option', function () {
    const r = run(['--no-such-option', SAMPLE_PATH]);
    assert.equal(r.status, 2, describeRun(r));
    assert.ok(r.stderr.trim().length > 0, 'says something on stderr');
    assertNoStack(r);
  });

  it('prints usage and exits 0 for --help', function () {
    const r = run(['--help']);
    assert.equal(r.status, 0, describeRun(r));
    assert.match(r.stdout, /usage/i);
  });

  it('prints pure JSON through `npm run --silent parse -- FILE`', function () {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['run', '--silent', 'parse', '--', SAMPLE_PATH], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
      shell: process.platform === 'win32',
    });
    assert.equal(r.status, 0, describeRun(r));
    const entries = parseJson(r);
    assert.equal(entries.length, 1);
    assert.equal(entries[0]?.issues[0]?.papers.length, 10);
  });
});
