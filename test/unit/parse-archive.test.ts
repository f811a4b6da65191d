// Several issues in one file (Vol.130, 131 and 132 pasted one after another): one issue per volume
// in file order, each with its own papers, and every line number counted in the whole file.
import * as assert from 'node:assert/strict';
import type { Extra, Issue, Paper } from '../../src/core/model/model';
import { diagnosticsWithCode, fixture, lineOf, lineStartingWith, linkStrings, paper } from './helpers/fixtures';
import { TITLE } from './helpers/vol132';

function shifted<T extends Paper | Extra>(p: T, by: number): T {
  return {
    ...p,
    range: { startLine: p.range.startLine + by, endLine: p.range.endLine + by },
    links: p.links.map((l) => ({ ...l, line: l.line + by })),
  };
}

describe('parse: three issues in one file', () => {
  const f = fixture('archive/three-issues.txt');
  const titles = [
    'Scaling Semantic IDs, Token Pooling for ColBERT, LLM Relevance Judges and More!',
    'Agentic Search Benchmarks, Semantic IDs for Cold-Start Items, Early-Exit Rerankers and More!',
    TITLE,
  ];
  const titleLines = titles.map((t) => lineStartingWith(f.text, t));
  const issues = (): Issue[] => f.result().issues;

  it('gives one issue per volume, in file order', () => {
    assert.deepEqual(issues().map((i) => i.volume), [130, 131, 132]);
    assert.deepEqual(issues().map((i) => i.title), titles);
    assert.deepEqual(issues().map((i) => i.week), [
      { start: '2025-11-10', end: '2025-11-16' },
      { start: '2025-11-17', end: '2025-11-23' },
      { start: '2025-11-24', end: '2025-11-30' },
    ]);
  });

  it('starts each issue at its title line and keeps the issues apart', () => {
    assert.deepEqual(titleLines, [1, 29, 54]);
    assert.deepEqual(issues().map((i) => i.range.startLine), titleLines);
    issues().forEach((issue, i) => {
      const next = titleLines[i + 1];
      if (next !== undefined) assert.ok(issue.range.endLine < next, `issue ${i} ends at ${issue.range.endLine}`);
      for (const p of [...issue.papers, ...issue.extras]) {
        assert.ok(p.range.startLine >= issue.range.startLine && p.range.endLine <= issue.range.endLine, p.title);
      }
    });
  });

  it('gives each issue its own papers and highlights', () => {
    assert.deepEqual(issues().map((i) => i.papers.length), [4, 4, 10]);
    assert.deepEqual(issues().map((i) => i.highlights.length), [4, 4, 10]);
    assert.deepEqual(issues()[0]!.papers.map((p) => p.key), ['2511.08214', '2511.09377', '2511.10045', '2511.11562']);
    assert.deepEqual(issues()[1]!.papers.map((p) => p.key), [
      '2511.13870', '2511.14492', 'vol131:measuring-query-ambiguity-in-conversational-search-logs', '2511.15023',
    ]);
    assert.deepEqual(issues()[0]!.extras, []);
    assert.deepEqual(issues()[1]!.extras, []);
    assert.equal(issues()[2]!.extras.length, 1);
  });

  it('reads the links of the first issue with whole-file lines', () => {
    const p = paper(issues()[0]!, 4);
    assert.deepEqual(linkStrings(p), [
      'arxiv https://arxiv.org/abs/2511.11562',
      'code https://github.com/tanaka-nlp/toolrec',
      'huggingface https://huggingface.co/datasets/tanaka-nlp/toolrec-dialogs',
    ]);
    assert.deepEqual(p.links.map((l) => l.line), [22, 23, 24]);
  });

  it('keeps the sign-off of one issue out of the next issue and out of every paper', () => {
    for (const issue of issues()) {
      for (const p of issue.papers) {
        const text = p.summary.flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.items)).join('\n');
        assert.ok(!text.includes('I hope this weekly roundup'), p.title);
      }
    }
  });

  it('reads the third issue exactly like the sample on its own, lines shifted by its offset', () => {
    const alone = fixture('web/vol-132.txt').issue();
    const by = titleLines[2]! - 1;
    const third = issues()[2]!;
    assert.deepEqual(third.papers, alone.papers.map((p) => shifted(p, by)));
    assert.deepEqual(third.extras, alone.extras.map((e) => shifted(e, by)));
    assert.deepEqual(third.highlights, alone.highlights.map((h) => ({ ...h, line: h.line + by })));
  });

  it('reports the paper without links of the second issue on a whole-file line', () => {
    const p = paper(issues()[1]!, 3);
    assert.deepEqual(p.links, []);
    assert.equal(p.range.startLine, lineOf(f.text, '[3] Measuring Query Ambiguity'));
    const warnings = diagnosticsWithCode(f.result(), 'no-links');
    assert.equal(warnings.length, 1, JSON.stringify(f.result().diagnostics));
    assert.ok(warnings[0]!.line >= p.range.startLine && warnings[0]!.line <= p.range.endLine, `line ${warnings[0]!.line}`);
    assert.ok(warnings[0]!.line > titleLines[1]!);
  });

  it('reports nothing else: no errors, no other warnings', () => {
    assert.deepEqual(f.result().diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code), ['no-links']);
  });
});
