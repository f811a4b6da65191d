// Hostile input: links that are not http(s), or an https URL with markup glued on, are dropped with
// a `dropped-link` warning on their line; markup in titles and summaries is kept as plain text;
// a line of hundreds of thousands of links is read like any other.
import * as assert from 'node:assert/strict';
import { parseIssueText } from '../../src/core/parse/parse';
import { codes, diagnosticsWithCode, fixture, lineAt, lineOf, linkStrings, onlyIssue, paper, readFixture } from './helpers/fixtures';

const HOSTILE = /javascript:|command:|file:|data:|onerror|<|>|"|github\.com\/x\/y/;

describe('parse: hostile web text (Vol.136)', () => {
  const f = fixture('edge/vol-136-hostile.txt');

  it('drops every hostile link and keeps the good ones in order', () => {
    assert.deepEqual(f.issue().papers.map(linkStrings), [
      ['arxiv https://arxiv.org/abs/2512.19021'],
      ['arxiv https://arxiv.org/abs/2512.20330', 'code https://github.com/wu-lab/html-sanitize-bench'],
      ['arxiv https://arxiv.org/abs/2512.21477', 'code https://github.com/nguyen-ir/poison-dr'],
    ]);
    for (const p of f.issue().papers) {
      for (const l of p.links) assert.ok(!HOSTILE.test(l.url), l.url);
    }
  });

  it('warns dropped-link once per dropped link, on its line', () => {
    const expected = ['javascript:alert(1)', 'https://github.com/x/y"><img', 'command:workbench', 'file:///etc/passwd', 'data:text/html']
      .map((s) => lineOf(f.text, s));
    assert.deepEqual(expected, [11, 12, 16, 17, 21]);
    const warnings = diagnosticsWithCode(f.result(), 'dropped-link');
    assert.deepEqual(warnings.map((d) => d.line).sort((a, b) => a - b), expected);
    assert.ok(warnings.every((d) => d.severity === 'warning'));
  });

  it('still reads the arXiv ids and keys', () => {
    assert.deepEqual(f.issue().papers.map((p) => [p.arxivId, p.key]), [
      ['2512.19021', '2512.19021'], ['2512.20330', '2512.20330'], ['2512.21477', '2512.21477'],
    ]);
  });

  it('keeps markup in titles and highlights as text, exactly', () => {
    assert.equal(paper(f.issue(), 1).title,
      '<script>alert("title")</script>Hidden Instructions: Indirect Prompt Injection Through Retrieved Documents');
    assert.equal(paper(f.issue(), 2).title, 'Sanitizing Retrieved <b>HTML</b> for LLM Agents');
    assert.equal(f.issue().highlights[1]!.title, 'Sanitizing Retrieved <b>HTML</b> for LLM Agents');
    assert.equal(paper(f.issue(), 2).shortTitle, 'Sanitizing Retrieved <b>HTML</b> for LLM Agents');
  });

  it('keeps markup in summaries as text, exactly (a javascript: inside prose is text, not a link)', () => {
    assert.deepEqual(paper(f.issue(), 1).summary, [{ type: 'paragraph', text: lineAt(f.text, 9) }]);
    assert.ok(lineAt(f.text, 9).includes('<img src=x onerror=alert(1)>'));
    assert.deepEqual(paper(f.issue(), 2).summary, [{ type: 'paragraph', text: lineAt(f.text, 14) }]);
    assert.ok(lineAt(f.text, 14).includes('<a href="javascript:alert(2)">click here</a>'));
  });

  it('reports no errors', () => {
    assert.deepEqual(f.result().diagnostics.filter((d) => d.severity === 'error'), []);
  });
});

describe('parse: hostile Markdown (Vol.136)', () => {
  const f = fixture('edge/vol-136-hostile.md');

  it('drops javascript:, command:, file: and data: targets of Markdown links and autolinks', () => {
    assert.deepEqual(f.issue().papers.map(linkStrings), [
      ['arxiv https://arxiv.org/abs/2512.19021'],
      ['arxiv https://arxiv.org/abs/2512.20330', 'code https://github.com/wu-lab/html-sanitize-bench'],
      ['arxiv https://arxiv.org/abs/2512.21477'],
    ]);
  });

  it('warns dropped-link on the line of each dropped Markdown link', () => {
    const markdownLinks = ['(javascript:alert(1))', '(command:workbench', '<file:///etc/passwd>', '(data:text/html']
      .map((s) => lineOf(f.text, s));
    assert.deepEqual(markdownLinks, [21, 31, 33, 43]);
    const htmlAnchor = lineOf(f.text, '<a href="javascript:alert(3)">');
    const lines = diagnosticsWithCode(f.result(), 'dropped-link').map((d) => d.line).sort((a, b) => a - b);
    // The raw-HTML anchor may or may not count as a link; nothing else may be reported.
    for (const n of markdownLinks) assert.ok(lines.includes(n), `no dropped-link warning on line ${n}: ${lines.join(', ')}`);
    for (const n of lines) assert.ok([...markdownLinks, htmlAnchor].includes(n), `unexpected dropped-link on line ${n}`);
  });

  it('reports no errors', () => {
    assert.deepEqual(f.result().diagnostics.filter((d) => d.severity === 'error'), []);
  });
});

describe('parse: hostile sizes (generated here; too large to keep as fixtures)', () => {
  const sample = readFixture('web/vol-132.txt');
  /** The sample with `line` added after paper 1's arXiv link, as one more link line. */
  const withLine = (line: string): string => {
    const at = lineOf(sample, '📚 https://arxiv.org/abs/2511.18659');
    const lines = sample.split('\n');
    lines.splice(at, 0, line);
    return lines.join('\n');
  };

  it('reads a line of 200,000 Substack redirects as one link, not as an internal error', () => {
    const result = parseIssueText(withLine(`Code ${'[https://substack.com/redirect/abc] '.repeat(200_000)}`));
    assert.deepEqual(codes(result, 'error'), []);
    const issue = onlyIssue(result);
    assert.equal(issue.papers.length, 10);
    assert.deepEqual(linkStrings(paper(issue, 1)), [
      'arxiv https://arxiv.org/abs/2511.18659',
      'web https://substack.com/redirect/abc',
      'code https://github.com/apple/ml-clara',
    ]);
  });

  it('warns once per link on a line of 200,000 links it drops, and reads the issue', () => {
    const result = parseIssueText(withLine(`Code ${'[https://substack.com/redirect/a"b] '.repeat(200_000)}`));
    assert.deepEqual(codes(result, 'error'), []);
    assert.equal(onlyIssue(result).papers.length, 10);
    assert.equal(diagnosticsWithCode(result, 'dropped-link').length, 200_000);
  });
});
