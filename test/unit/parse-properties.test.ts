// Property-based tests of parseIssueText: on arbitrary text, on newsletter-ish lines and on
// mutations of the real sample it never throws, is deterministic, and always returns output the
// zod ParseResult schema accepts, with only http(s) links and line numbers inside the input.
// The "linear time" block is not a timed assertion: it checks that pathological inputs, and the
// same inputs doubled, still complete (within mocha's generous timeout) with valid output.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { ParseResult } from '../../src/core/model/model';
import { MAX_INPUT_CHARS, parseIssueText } from '../../src/core/parse/parse';

// Compiled to out/test/unit: the repository root is three levels up.
const ROOT = path.resolve(__dirname, '..', '..', '..');
const SAMPLE = fs.readFileSync(path.join(ROOT, 'media', 'sample', 'vol-132.txt'), 'utf8');
const SAMPLE_LINES = SAMPLE.split('\n');

/** Lines of the input, counting every line-break convention (the most any parser could see). */
function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

function short(text: string): string {
  return text.length <= 200 ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, 200))}... (${text.length} chars)`;
}

/** Parses, never letting an exception escape unexplained. */
function parse(text: string): ParseResult {
  try {
    return parseIssueText(text);
  } catch (err) {
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    assert.fail(`parseIssueText threw on ${short(text)}:\n${message}`);
  }
}

/** Everything that must hold for any output on any input. */
function checkResult(text: string, result: unknown): void {
  const checked = ParseResult.safeParse(result);
  if (!checked.success) {
    assert.fail(`output does not match ParseResult for ${short(text)}:\n${JSON.stringify(checked.error.issues, null, 1).slice(0, 2000)}`);
  }
  const { issues, diagnostics } = checked.data;
  const lines = lineCount(text);
  const inRange = (line: number, what: string): void => {
    assert.ok(line >= 1 && line <= lines, `${what} line ${line} is outside 1..${lines} for ${short(text)}`);
  };
  const checkRange = (range: { startLine: number; endLine: number }, what: string): void => {
    inRange(range.startLine, `${what} range start`);
    inRange(range.endLine, `${what} range end`);
    assert.ok(range.startLine <= range.endLine, `${what} range ${range.startLine}..${range.endLine} is reversed for ${short(text)}`);
  };
  for (const d of diagnostics) inRange(d.line, `diagnostic ${d.code}`);
  // The parser catches its own exceptions and reports them as `internal-error`: that is a throw too.
  const internal = diagnostics.find((d) => d.code === 'internal-error');
  assert.ok(!internal, `internal error on ${short(text)}: ${internal?.message ?? ''}`);
  for (const issue of issues) {
    checkRange(issue.range, 'issue');
    if (issue.cutOff) inRange(issue.cutOff.line, 'cutOff');
    for (const h of issue.highlights) inRange(h.line, 'highlight');
    for (const items of [issue.papers, issue.extras]) {
      const keys = items.map((item) => item.key);
      assert.equal(new Set(keys).size, keys.length, `duplicate keys ${JSON.stringify(keys)} for ${short(text)}`);
    }
    for (const item of [...issue.papers, ...issue.extras]) {
      checkRange(item.range, `item ${item.key}`);
      for (const link of item.links) {
        assert.ok(/^https?:\/\//.test(link.url), `link ${JSON.stringify(link.url)} is not http(s) for ${short(text)}`);
        inRange(link.line, 'link');
      }
      // An arXiv id is never invented: it comes from one of the item's own links.
      if (item.arxivId !== null) {
        const id = item.arxivId;
        assert.ok(item.links.some((link) => link.url.includes(id)), `arXiv id ${id} of "${item.title}" is in none of its links, for ${short(text)}`);
      }
    }
  }
  if (issues.length === 0) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    assert.equal(errors.length, 1, `no issue, so exactly one error diagnostic expected for ${short(text)}; got ${JSON.stringify(diagnostics)}`);
    assert.ok(
      errors[0]?.code === 'not-an-issue' || errors[0]?.code === 'too-large',
      `no issue, so the error should be not-an-issue or too-large; got ${JSON.stringify(errors[0])}`,
    );
  } else {
    assert.ok(!diagnostics.some((d) => d.code === 'not-an-issue'), `an issue was found, yet a not-an-issue diagnostic for ${short(text)}`);
  }
}

/** Parses twice: no throw, same output both times, valid output. */
function checkText(text: string): ParseResult {
  const first = parse(text);
  const second = parse(text);
  assert.deepStrictEqual(second, first, `two parses of ${short(text)} differ`);
  checkResult(text, first);
  return first;
}

// ---------------------------------------------------------------------------------------------
// Generators

const lineBreak = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

/** Characters that tend to matter: controls, invisible and odd line separators, lone surrogates, markup. */
const oddChar = fc.constantFrom(
  '\u0000', '\t', '\u000b', '\f', '\r', '\n', '\u0085', '\u2028', '\u2029', '\ufeff', '\u200d', '\u00a0',
  '\ud800', '\udc00', ' ', '[', ']', '(', ')', '*', '#', ':', ',', '.', '-', '’', 'a', '1', '📚', '🤗', 'é', '\u0301',
);

const anyString = fc.string({ unit: 'binary', maxLength: 200 });
const oddString = fc.string({ unit: oddChar, maxLength: 300 });
const longLine = fc
  .tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }), fc.integer({ min: 1000, max: 20000 }))
  .map(([s, n]) => s.repeat(n));

function joinLines(line: fc.Arbitrary<string>, maxLength: number): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(line, lineBreak), { maxLength })
    .map((parts) => parts.map(([l, br]) => l + br).join(''));
}

const arbitraryText = fc.oneof(
  anyString,
  oddString,
  longLine,
  joinLines(fc.oneof(anyString, oddString), 40),
  joinLines(fc.oneof({ weight: 5, arbitrary: fc.oneof(anyString, oddString) }, { weight: 1, arbitrary: longLine }), 5),
);

const num = fc.oneof(
  fc.nat(20).map(String),
  fc.constantFrom('0', '007', '-1', '1e3', '132', '99999999999999999999', '', ' 3 ', '١٢', '3.5'),
);
const month = fc.constantFrom('Nov', 'Dec', 'Jan', 'Feb', 'Sept', 'May', 'Foo', 'nov', 'November');
const day = fc.constantFrom('1', '24', '30', '0', '32', '31', '29', '');
const year = fc.constantFrom('2025', '2026', '2024', '0000', '99999', '1999', '');
const word = fc.oneof(
  fc.constantFrom('Apple', 'Netflix', 'Liu et al.', 'the University of Waterloo', 'R²R', 'Benchmarks', '', ' ', 'from', 'Vol.', '[', ']', ':', 'https://', '📚'),
  fc.string({ maxLength: 12 }),
);
const title = fc.oneof(
  fc.constantFrom(
    'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning',
    'RM-R²R: A Route-to-Rerank Post-Training Framework',
    'NVIDIA Nemotron Parse 1.1',
    'Title',
    'T',
    '',
    'A title, from a title, from',
    '<script>alert(1)</script>',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const url = fc.constantFrom(
  'https://arxiv.org/abs/2511.18659',
  'https://arxiv.org/abs/2511.18659v2',
  'http://arxiv.org/pdf/2511.18659',
  'https://arxiv.org/html/2511.18659v1',
  'https://arxiv.org/abs/cs/0112017',
  'https://arxiv.org/abs/2511.18659.',
  'https://arxiv.org/abs/9999.999999999',
  'https://github.com/apple/ml-clara',
  'https://gitlab.com/a/b',
  'https://huggingface.co/nvidia/NVIDIA-Nemotron-Parse-v1.1',
  'https://huggingface.co/papers/2511.18659',
  'https://huggingface.co/datasets/x/y',
  'https://substack.com/redirect/2/eyJlIjoiaHR0cHM6Ly9hcnhpdi5vcmcvYWJzLzI1MTEuMTg2NTkifQ?x=1',
  'https://recsys.substack.com/p/unifying-retrieval',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<b>x</b>',
  'vbscript:x',
  'file:///etc/passwd',
  'ftp://example.com/x',
  'https://',
  'http://',
  'https://a b',
  'https://x.org/"onmouseover="alert(1)',
  "https://x.org/'x'",
  'https://x.org/<script>',
  'https://x.org/`x`',
  'HTTPS://EXAMPLE.COM/A',
  '//arxiv.org/abs/2511.18659',
  'https://example.com/(a)',
  'https://example.com/a)',
);
const emoji = fc.constantFrom('📚', '\u{1f468}\u{1f3fd}\u{1f4bb}', '👨‍💻', '👩🏻‍💻', '🤗', '📝', '⏱️', '🔗', '', '*', '-');

const FIXED_FRAGMENTS = [
  'Vol.12 for Nov 24 - Nov 30, 2025',
  'Vol.132 for Nov 24 - Nov 30, 2025',
  'Vol.157 for Dec 28 - Jan 3, 2026',
  '[3] Title',
  '[1] CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning',
  '📚 https://arxiv.org/abs/2511.18659',
  '👨🏽💻 https://github.com/apple/ml-clara',
  '🤗 https://huggingface.co/nvidia/NVIDIA-Nemotron-Parse-v1.1',
  '📝 https://arxiv.org/abs/2511.20867',
  '⏱️ E-GEO: A Testbed for Generative Engine Optimization in E-Commerce',
  'Extras: Benchmarks',
  'Extras:',
  'This week’s newsletter highlights the following research:',
  "This week's newsletter highlights the following research:",
  'Stay Ahead of the Curve with the Latest Advancements and Discoveries in Information Retrieval.',
  'Unifying Retrieval and Generation, Reasoning-Driven Cold-Start Recommendation with LLMs and More!',
  'x, from y',
  ', from ',
  'Unifying Retrieval and Generation through Continuous Latent Representations, from Apple',
  'The authors propose two reasoning strategies:',
  'Keep reading with a 7-day free trial',
  'Subscribe to Top Information Retrieval Papers of the Week to keep reading this post and get 7 days of free access to the full post archives.',
  '---------- Forwarded message ---------',
  '---------- Forwarded message ----------',
  'From: Sumit Kumar <recsys@substack.com>',
  'Date: Sun, Nov 30, 2025 at 9:00 AM',
  'Subject: Unifying Retrieval and Generation, Reasoning-Driven Cold-Start Recommendation with LLMs and More!',
  'View this post on the web at https://recsys.substack.com/p/unifying-retrieval',
  '[ https://substack.com/redirect/2/abc ]',
  'Unsubscribe https://substack.com/redirect/2/unsub',
  '# Title',
  '# ',
  '**[1] T**',
  '**[',
  '[text](https://arxiv.org/abs/2511.18659)',
  '[text](javascript:alert(1))',
  'javascript:alert(1)',
  '📚 javascript:alert(1)',
  'I hope this weekly roundup of top papers has provided you with valuable insights.',
  '',
  '',
  '   ',
  '\t',
  '\r',
  '\r\n',
  '\u0000',
  '\ufeff',
];

const templated = fc.oneof(
  fc.tuple(num, month, day, month, day, year).map(([n, m1, d1, m2, d2, y]) => `Vol.${n} for ${m1} ${d1} - ${m2} ${d2}, ${y}`),
  fc.tuple(num, title).map(([n, t]) => `[${n}] ${t}`),
  fc.tuple(num, title).map(([n, t]) => `**[${n}] ${t}**`),
  fc.tuple(fc.constantFrom('#', '##', '###'), title).map(([h, t]) => `${h} ${t}`),
  fc.tuple(title, word).map(([t, o]) => `${t}, from ${o}`),
  fc.tuple(emoji, url).map(([e, u]) => `${e} ${u}`),
  fc.tuple(emoji, url, url).map(([e, u, v]) => `${e} ${u} ${v}`),
  url.map((u) => `[ ${u} ]`),
  fc.tuple(title, url).map(([t, u]) => `[${t}](${u})`),
  fc.tuple(title, url).map(([t, u]) => `${t} ${u}`),
  word.map((w) => `Extras: ${w}`),
  title.map((t) => `${t}:`),
  url.map((u) => `View this post on the web at ${u}`),
  fc.tuple(fc.constantFrom('From', 'Date', 'Subject', 'To'), word).map(([k, v]) => `${k}: ${v}`),
);

const vocabularyLine = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FIXED_FRAGMENTS) },
  { weight: 4, arbitrary: templated },
  { weight: 1, arbitrary: fc.string({ unit: oddChar, maxLength: 20 }) },
);

const HEADER = SAMPLE_LINES.slice(0, 4).join('\n') + '\n';
const vocabularyText = fc
  .tuple(fc.boolean(), joinLines(vocabularyLine, 60))
  .map(([withHeader, body]) => (withHeader ? HEADER + body : body));

type Mutation =
  | { op: 'delete'; i: number }
  | { op: 'duplicate'; i: number }
  | { op: 'swap'; i: number; j: number }
  | { op: 'truncate'; i: number }
  | { op: 'insertChars'; i: number; at: number; s: string }
  | { op: 'replaceLine'; i: number; line: string }
  | { op: 'insertLine'; i: number; line: string };

// Line indices over the sample's length (taken modulo the current length when applied), so that
// fast-check's bias towards small numbers does not make every mutation hit the header.
const lineIndex = fc.integer({ min: 0, max: SAMPLE_LINES.length - 1 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), i: lineIndex }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('duplicate' as const), i: lineIndex }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('swap' as const), i: lineIndex, j: lineIndex }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), i: lineIndex }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('insertChars' as const), i: lineIndex, at: fc.nat(), s: fc.oneof(oddString, anyString) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('replaceLine' as const), i: lineIndex, line: vocabularyLine }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('insertLine' as const), i: lineIndex, line: vocabularyLine }) },
);

function applyMutations(mutations: Mutation[]): string {
  const lines = [...SAMPLE_LINES];
  for (const m of mutations) {
    if (lines.length === 0) break;
    const i = m.i % lines.length;
    switch (m.op) {
      case 'delete':
        lines.splice(i, 1);
        break;
      case 'duplicate':
        lines.splice(i, 0, lines[i] ?? '');
        break;
      case 'swap': {
        const j = m.j % lines.length;
        const a = lines[i] ?? '';
        lines[i] = lines[j] ?? '';
        lines[j] = a;
        break;
      }
      case 'truncate':
        lines.length = i;
        break;
      case 'insertChars': {
        const line = lines[i] ?? '';
        const at = m.at % (line.length + 1);
        lines[i] = line.slice(0, at) + m.s + line.slice(at);
        break;
      }
      case 'replaceLine':
        lines[i] = m.line;
        break;
      case 'insertLine':
        lines.splice(i, 0, m.line);
        break;
    }
  }
  return lines.join('\n');
}

/** A mutated sample, optionally cut at a random offset (possibly inside a surrogate pair) and with CRLF line ends. */
const mutatedSample = fc
  .tuple(
    fc.array(mutation, { maxLength: 8 }),
    fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: SAMPLE.length }) }),
    fc.boolean(),
  )
  .map(([mutations, cut, crlf]) => {
    let text = applyMutations(mutations);
    if (cut !== undefined) text = text.slice(0, cut);
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

// ---------------------------------------------------------------------------------------------

describe('parseIssueText properties', function () {
  this.timeout(60_000);

  it('the unmutated sample passes every check and yields one issue', function () {
    const result = checkText(SAMPLE);
    assert.equal(result.issues.length, 1);
    assert.equal(result.issues[0]?.papers.length, 10);
  });

  it('never throws, is deterministic and valid on edge-case strings', function () {
    const edge = [
      '', ' ', '\n', '\r', '\r\n', '\n\n\n', '\u0000', '\ufeff', '\ud800', '\udc00\ud800', '\u2028', '[', ']', '[]', '[0]', '[1]',
      'Vol.', 'Vol.1', 'Vol.1 for', 'Extras:', ', from', 'from', '📚', '📚 ', '📚 https://', '**[', '# ', 'http://', ':',
      HEADER, HEADER.trimEnd(), SAMPLE.replace(/\n/g, '\r'), '\ufeff' + SAMPLE, SAMPLE + '\u0000',
    ];
    for (const text of edge) checkText(text);
  });

  it('never throws, is deterministic and valid on arbitrary strings (unicode, control chars, long lines)', function () {
    fc.assert(fc.property(arbitraryText, (text) => void checkText(text)), { numRuns: 1000 });
  });

  it('never throws, is deterministic and valid on lines of newsletter-ish fragments', function () {
    fc.assert(fc.property(vocabularyText, (text) => void checkText(text)), { numRuns: 2000 });
  });

  it('never throws, is deterministic and valid on mutations of the real sample', function () {
    fc.assert(fc.property(mutatedSample, (text) => void checkText(text)), { numRuns: 1500 });
  });

  it('gives the same result for LF and CRLF line ends on mutations of the sample', function () {
    fc.assert(
      fc.property(
        // Line ends normalised first: inserted fragments may hold CR or CRLF of their own.
        fc.array(mutation, { maxLength: 6 }).map((m) => applyMutations(m).replace(/\r\n?/g, '\n')),
        (lf) => {
          assert.deepStrictEqual(parse(lf.replace(/\n/g, '\r\n')), parse(lf), `LF and CRLF differ for ${short(lf)}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers too-large, with no issue, for input longer than MAX_INPUT_CHARS', function () {
    assert.ok(Number.isSafeInteger(MAX_INPUT_CHARS) && MAX_INPUT_CHARS > SAMPLE.length, `MAX_INPUT_CHARS = ${MAX_INPUT_CHARS}`);
    for (const text of [
      'a'.repeat(MAX_INPUT_CHARS + 1),
      SAMPLE + '\n'.repeat(MAX_INPUT_CHARS + 1 - SAMPLE.length),
    ]) {
      const result = parse(text);
      checkResult('(too-large input)', result);
      assert.equal(result.issues.length, 0);
      assert.equal(result.diagnostics.length, 1);
      assert.equal(result.diagnostics[0]?.severity, 'error');
      assert.equal(result.diagnostics[0]?.code, 'too-large');
    }
  });
});

describe('parseIssueText on pathological inputs, doubled (completes; not a timed assertion)', function () {
  // Generous: a linear parser needs well under a second for each of these (x1 and x2 together);
  // a quadratic one needs far longer at x2. Mocha cannot interrupt a synchronous call, so a
  // failing case still runs to its end before it is reported.
  this.timeout(5_000);

  /** Scales `n` down, if need be, so that the doubled input still fits under MAX_INPUT_CHARS. */
  function fit(unit: number, count: number, extra = 0): number {
    const room = Math.floor((MAX_INPUT_CHARS - extra - 16) / 2 / unit);
    return Math.max(1, Math.min(count, room));
  }

  const cases: Array<{ name: string; make: (scale: 1 | 2) => string }> = [
    { name: "200k '[' chars", make: (k) => '['.repeat(fit(1, 200_000) * k) },
    { name: "a 100k-char line of 'a,' repeated", make: (k) => 'a,'.repeat(fit(2, 50_000) * k) },
    { name: "50k lines of ', from , from'", make: (k) => ', from , from\n'.repeat(fit(14, 50_000) * k) },
    { name: "header + 50k lines of ', from , from'", make: (k) => HEADER + ', from , from\n'.repeat(fit(14, 50_000, HEADER.length) * k) },
    { name: 'header + 20k highlight lines', make: (k) => HEADER + 'Some title, from Some Org\n'.repeat(fit(26, 20_000, HEADER.length) * k) },
    { name: 'a 200k-char line of spaces ending in x', make: (k) => ' '.repeat(fit(1, 200_000) * k) + 'x' },
    { name: 'a 200k-char line of tabs and spaces ending in :', make: (k) => ' \t'.repeat(fit(2, 100_000) * k) + ':' },
    { name: "a line of 'https://' repeated", make: (k) => 'https://'.repeat(fit(8, 25_000) * k) },
    { name: 'a paper link with a 200k-char URL', make: (k) => HEADER + '[1] T\nx\n📚 https://arxiv.org/abs/' + '1'.repeat(fit(1, 200_000, 200) * k) },
    { name: "a line of '**[' repeated", make: (k) => '**['.repeat(fit(3, 60_000) * k) },
    { name: "a line of '[a](' repeated", make: (k) => '[a]('.repeat(fit(4, 50_000) * k) },
    { name: "a line of '[1] ' repeated", make: (k) => '[1] '.repeat(fit(4, 50_000) * k) },
    { name: "'[' + 200k digits + '] T'", make: (k) => '[' + '1'.repeat(fit(1, 200_000, 8) * k) + '] T' },
    { name: "'Vol.' + 200k digits", make: (k) => 'Vol.' + '1'.repeat(fit(1, 200_000, 8) * k) + ' for Nov 24 - Nov 30, 2025' },
    { name: "a line of 'Vol.1 for ' repeated", make: (k) => 'Vol.1 for '.repeat(fit(10, 20_000) * k) },
    { name: "a line of ', from x' repeated", make: (k) => 'x' + ', from x'.repeat(fit(8, 25_000) * k) },
    { name: '100k lines ending in :', make: (k) => 'a:\n'.repeat(fit(3, 100_000) * k) },
    { name: '200k lone CRs', make: (k) => '\r'.repeat(fit(1, 200_000) * k) },
    { name: '20k Extras: lines', make: (k) => 'Extras: B\n'.repeat(fit(10, 20_000) * k) },
    { name: '50k emoji lines', make: (k) => '📚 \n'.repeat(fit(4, 50_000) * k) },
    {
      name: '2k numbered papers after a header',
      make: (k) => {
        const one = (n: number): string => `[${n}] Title ${n}\nSummary of paper ${n}.\n📚 https://arxiv.org/abs/2511.${String(10000 + (n % 90000))}\n`;
        const count = fit(one(99999).length, 2_000, HEADER.length) * k;
        let body = HEADER;
        for (let n = 1; n <= count; n++) body += one(n);
        return body;
      },
    },
    { name: "a paper link ending in 100k ')'", make: (k) => HEADER + '[1] T\nx\n📚 https://x.org/' + ')'.repeat(fit(1, 100_000, 200) * k) + '\n' },
    { name: "a paper link ending in '(' and 100k ')'", make: (k) => HEADER + '[1] T\nx\n📚 https://x.org/(' + ')'.repeat(fit(1, 100_000, 200) * k) + '\n' },
    {
      name: 'one paper with 25k distinct link lines',
      make: (k) => HEADER + '[1] T\nx\n' + Array.from({ length: fit(26, 25_000, 200) * k }, (_, i) => `📚 https://x.org/${i}\n`).join(''),
    },
    {
      name: 'one line of 10k distinct URLs',
      make: (k) => HEADER + '[1] T\nx\n' + Array.from({ length: fit(20, 10_000, 200) * k }, (_, i) => `https://x.org/${i}`).join(' ') + '\n',
    },
    {
      name: 'a hard-wrapped paragraph of 6k lines',
      make: (k) => HEADER + '[1] T\n' + `${'word '.repeat(14)}wor\n`.repeat(fit(74, 6_000, 200) * k) + '\n📚 https://arxiv.org/abs/2511.18659\n',
    },
    { name: "a line of '[https://' repeated (e-mail redirects)", make: (k) => HEADER + '[1] T\n' + '[https://'.repeat(fit(9, 15_000, 200) * k) + '\n' },
    { name: "a line of '[ https://x ]' repeated", make: (k) => HEADER + '[1] T\nx\n' + '[ https://x ]'.repeat(fit(13, 15_000, 200) * k) + '\n' },
    { name: "a line of '<https://' repeated (autolinks)", make: (k) => HEADER + '[1] T\n' + '<https://'.repeat(fit(9, 22_000, 200) * k) + '\n' },
    { name: 'the sample repeated 40 times', make: (k) => (SAMPLE + '\n').repeat(fit(SAMPLE.length + 1, 40) * k) },
  ];

  for (const c of cases) {
    it(`${c.name}: x1 and x2 both complete with valid output`, function () {
      for (const k of [1, 2] as const) {
        const text = c.make(k);
        assert.ok(text.length <= MAX_INPUT_CHARS, `${c.name} x${k} is ${text.length} chars, over MAX_INPUT_CHARS`);
        checkResult(text, parse(text));
      }
    });
  }
});
