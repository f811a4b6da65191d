// Web text cut off by Substack's paywall: still one issue, what is there is kept, Substack's own
// lines are in no summary, and a `cut-off` warning says how many highlighted papers are missing.
import * as assert from 'node:assert/strict';
import { allSummaryText, diagnosticsWithCode, fixture, lineAt, lineOf, linkStrings } from './helpers/fixtures';

const SUBSTACK_LINES = ['Keep reading with a 7-day free trial', 'Subscribe to Top Information Retrieval Papers',
  'Start trial', 'Already a paid subscriber? Sign in', '\u00a9 2026 Sumit Kumar', 'Privacy', 'Start your Substack',
  'Get the app', 'Substack is the home for great culture'];

describe('parse: paywall right after the highlights (Vol.140)', () => {
  const f = fixture('paywall/vol-140-after-highlights.txt');
  const paywallLine = lineOf(f.text, 'Keep reading with a 7-day free trial');

  it('still gives one issue with volume, week and title', () => {
    const issue = f.issue();
    assert.equal(issue.volume, 140);
    assert.deepEqual(issue.week, { start: '2026-01-19', end: '2026-01-25' });
    assert.equal(issue.title, 'Deep Research Agents, Long-Document Sparse Retrieval, Generative Retrieval at Scale and More!');
    assert.equal(issue.shape, 'web');
  });

  it('keeps exactly the 10 highlights: the paywall lines are not highlights', () => {
    const issue = f.issue();
    assert.equal(issue.highlights.length, 10);
    assert.equal(issue.highlights[3]!.title, 'Calibrating LLM Relevance Judgments Against Human Assessors');
    assert.equal(issue.highlights[3]!.org, 'O\u2019Brien et al.');
    assert.equal(issue.highlights[9]!.title, 'Temporal Drift in Dense Retrievers: A Longitudinal Study');
    assert.equal(issue.highlights[9]!.org, 'Larsen et al.');
  });

  it('lists its 10 papers from the contents, incomplete, keyed by volume and number, and no extras', () => {
    const issue = f.issue();
    assert.deepEqual(issue.papers.map((p) => [p.number, p.key, p.complete, p.title, p.org]), issue.highlights.map((h, i) => [i + 1, `vol140:#${i + 1}`, false, h.title, h.org]));
    for (const p of issue.papers) {
      assert.deepEqual([p.summary, p.links, p.arxivId, p.shortTitle], [[], [], null, p.title]);
      assert.deepEqual(p.range, { startLine: 5 + (p.number ?? 0) - 1, endLine: 5 + (p.number ?? 0) - 1 });
    }
    assert.deepEqual(issue.extras, []);
  });

  it('marks the issue cut off at the first Substack line', () => {
    assert.equal(paywallLine, 15);
    const cutOff = f.issue().cutOff;
    assert.ok(cutOff, 'cutOff is null');
    assert.equal(cutOff.line, paywallLine);
    assert.ok(cutOff.reason.length > 0);
  });

  it('warns with code cut-off, on that line, that all 10 highlighted papers are missing', () => {
    const warnings = diagnosticsWithCode(f.result(), 'cut-off');
    assert.equal(warnings.length, 1, JSON.stringify(f.result().diagnostics));
    assert.equal(warnings[0]!.severity, 'warning');
    assert.equal(warnings[0]!.line, paywallLine);
    assert.match(warnings[0]!.message, /\b10\b/);
  });

  it('reports no errors', () => {
    assert.deepEqual(f.result().diagnostics.filter((d) => d.severity === 'error'), []);
  });
});

describe('parse: paywall after the first paper (Vol.141)', () => {
  const f = fixture('paywall/vol-141-after-first-paper.txt');
  const paywallLine = lineOf(f.text, 'Keep reading with a 7-day free trial');

  it('still gives one issue, with a week that crosses into February', () => {
    const issue = f.issue();
    assert.equal(issue.volume, 141);
    assert.deepEqual(issue.week, { start: '2026-01-26', end: '2026-02-01' });
    assert.equal(issue.highlights.length, 8);
  });

  it('keeps the one paper that is there, complete, with its summary and links', () => {
    const issue = f.issue();
    assert.equal(issue.papers.length, 8);
    const p = issue.papers[0]!;
    assert.equal(p.complete, true);
    assert.equal(p.number, 1);
    assert.equal(p.title, 'Listwise Self-Assessment: Query Performance Prediction with Large Language Models');
    assert.equal(p.shortTitle, 'Predicting Query Performance by Asking the LLM to Judge Its Own Rankings');
    assert.equal(p.org, 'de Vries et al.');
    assert.equal(p.key, '2601.17342');
    assert.deepEqual(p.summary, [
      { type: 'paragraph', text: lineAt(f.text, 14) },
      { type: 'paragraph', text: lineAt(f.text, 15) },
    ]);
    assert.ok(lineAt(f.text, 14).startsWith('This paper from de Vries et al. proposes LSA-QPP'));
    assert.ok(lineAt(f.text, 15).endsWith('on the hardest 20% of queries.'));
    assert.deepEqual(linkStrings(p), ['arxiv https://arxiv.org/abs/2601.17342', 'code https://github.com/devries-ir/lsa-qpp']);
    assert.ok(p.range.endLine < paywallLine);
  });

  it('lists papers 2 to 8 from the contents, incomplete', () => {
    const rest = f.issue().papers.slice(1);
    assert.deepEqual(rest.map((p) => [p.number, p.key, p.complete, p.summary.length, p.links.length]), [2, 3, 4, 5, 6, 7, 8].map((n) => [n, `vol141:#${n}`, false, 0, 0]));
    assert.equal(rest[0]!.title, 'Generative Retrieval for Ads with Constrained Decoding');
    assert.equal(rest[0]!.org, 'Kim et al.');
  });

  it('keeps Substack\'s lines out of every summary', () => {
    const summaries = allSummaryText(f.issue());
    for (const s of SUBSTACK_LINES) assert.ok(!summaries.includes(s), `"${s}" is in a summary`);
  });

  it('marks the issue cut off at the first Substack line and warns that 7 papers are missing', () => {
    assert.equal(paywallLine, 18);
    assert.equal(f.issue().cutOff?.line, paywallLine);
    const warnings = diagnosticsWithCode(f.result(), 'cut-off');
    assert.equal(warnings.length, 1, JSON.stringify(f.result().diagnostics));
    assert.equal(warnings[0]!.severity, 'warning');
    assert.equal(warnings[0]!.line, paywallLine);
    assert.match(warnings[0]!.message, /\b7\b/);
  });

  it('reports no errors', () => {
    assert.deepEqual(f.result().diagnostics.filter((d) => d.severity === 'error'), []);
  });
});

describe('parse: a complete issue is not cut off', () => {
  it('has cutOff null and no cut-off warning', () => {
    const f = fixture('web/vol-132.txt');
    assert.equal(f.issue().cutOff, null);
    assert.deepEqual(diagnosticsWithCode(f.result(), 'cut-off'), []);
  });
});
