// The text of the web page (the sample issue, Vol.132): what every field of the result must be.
import * as assert from 'node:assert/strict';
import { allSummaryText, assertClean, fixture, lineAt, lineOf, linkStrings } from './helpers/fixtures';
import { EXTRA, PAPERS, SIGNOFF_LINE, SIGNOFF_STARTS, TITLE, WEEK } from './helpers/vol132';

const FIXTURE = 'web/vol-132.txt';

describe('parse: web text (Vol.132 sample)', () => {
  const f = fixture(FIXTURE);
  const text = f.text;

  it('gives one web issue with its volume, week and title', () => {
    assert.equal(f.issue().shape, 'web');
    assert.equal(f.issue().volume, 132);
    assert.deepEqual(f.issue().week, WEEK);
    assert.equal(f.issue().title, TITLE);
    assert.equal(f.issue().title, lineAt(text, 1));
    assert.equal(f.issue().webUrl, null, 'the web text does not name its address');
    assert.equal(f.issue().cutOff, null);
  });

  it('reports no errors and no warnings', () => {
    assertClean(f.result(), FIXTURE);
  });

  it('reads the 10 highlights with title, org (after the last ", from ") and line', () => {
    assert.deepEqual(
      f.issue().highlights.map((h) => [h.title, h.org, h.line]),
      PAPERS.map((p, i) => [p.shortTitle, p.org, 5 + i]),
    );
  });

  it('numbers the 10 papers 1..10 and takes the title after "[n] " exactly', () => {
    assert.deepEqual(f.issue().papers.map((p) => p.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(f.issue().papers.map((p) => p.title), PAPERS.map((p) => p.title));
  });

  it('gives each paper the n-th highlight as shortTitle and org', () => {
    assert.deepEqual(f.issue().papers.map((p) => p.shortTitle), PAPERS.map((p) => p.shortTitle));
    assert.deepEqual(f.issue().papers.map((p) => p.org), ['Apple', 'Netflix', 'Liu et al.', 'Wang et al.',
      'the University of Waterloo', 'NVIDIA', 'Inception AI', 'Meta', 'TikTok', 'Alibaba']);
  });

  it('reads arXiv ids without version and keys papers by their arXiv id', () => {
    assert.deepEqual(f.issue().papers.map((p) => p.arxivId), PAPERS.map((p) => p.arxivId));
    assert.deepEqual(f.issue().papers.map((p) => p.arxivVersion), PAPERS.map(() => null));
    assert.deepEqual(f.issue().papers.map((p) => p.key), PAPERS.map((p) => p.arxivId));
  });

  it('lists each paper\'s links in order, classified by URL', () => {
    assert.deepEqual(
      f.issue().papers.map(linkStrings),
      PAPERS.map((p) => p.links.map(([kind, url]) => `${kind} ${url}`)),
    );
  });

  it('gives each link the line it was read from', () => {
    for (const p of f.issue().papers) {
      for (const l of p.links) {
        assert.equal(l.line, lineOf(text, l.url), `${p.title}: ${l.url}`);
      }
    }
    // spot checks, by hand
    assert.deepEqual(f.issue().papers[0]!.links.map((l) => l.line), [17, 18]);
    assert.deepEqual(f.issue().papers[5]!.links.map((l) => l.line), [38, 39, 40]);
  });

  it('keeps single-paragraph summaries as one paragraph with the line\'s text', () => {
    for (const n of [1, 3, 4, 5, 6, 7, 8, 9]) {
      const p = f.issue().papers[n - 1]!;
      assert.deepEqual(p.summary, [{ type: 'paragraph', text: lineAt(text, PAPERS[n - 1]!.headingLine + 1) }], `paper ${n}`);
    }
  });

  it('turns the lines after a line ending in ":" into a list (paper 2)', () => {
    assert.deepEqual(f.issue().papers[1]!.summary, [
      { type: 'paragraph', text: lineAt(text, 20) },
      { type: 'list', items: [lineAt(text, 21), lineAt(text, 22)] },
      { type: 'paragraph', text: lineAt(text, 23) },
    ]);
    assert.ok(lineAt(text, 21).startsWith('Structural Reasoning, '));
    assert.ok(lineAt(text, 22).startsWith('Soft Self-Consistency, '));
    assert.ok(lineAt(text, 23).startsWith('Beyond evaluating '));
  });

  it('turns the three innovations of paper 10 into a list followed by a paragraph', () => {
    assert.deepEqual(f.issue().papers[9]!.summary, [
      { type: 'paragraph', text: lineAt(text, 51) },
      { type: 'list', items: [lineAt(text, 52), lineAt(text, 53), lineAt(text, 54)] },
      { type: 'paragraph', text: lineAt(text, 55) },
    ]);
    assert.ok(lineAt(text, 55).startsWith('Experiments demonstrate '));
  });

  it('never puts a link line into a summary', () => {
    const summaries = allSummaryText(f.issue());
    assert.ok(!summaries.includes('https://'), 'a URL in a summary');
    assert.ok(!/[\u{1F4DA}\u{1F4DD}\u{1F917}\u{1F4BB}]/u.test(summaries), 'a link emoji in a summary');
  });

  it('gives each paper a range from its "[n]" line to its last link, before the next paper', () => {
    f.issue().papers.forEach((p, i) => {
      const expected = PAPERS[i]!;
      assert.equal(p.range.startLine, expected.headingLine, `paper ${i + 1} start`);
      const lastLink = Math.max(...p.links.map((l) => l.line));
      const next = PAPERS[i + 1]?.headingLine ?? EXTRA.extrasLine;
      assert.ok(p.range.endLine >= lastLink && p.range.endLine < next, `paper ${i + 1} ends at ${p.range.endLine}`);
    });
  });

  it('reads the one extra: section, title without its emoji, arXiv id and links', () => {
    assert.equal(f.issue().extras.length, 1);
    const extra = f.issue().extras[0]!;
    assert.equal(extra.section, EXTRA.section);
    assert.equal(extra.title, EXTRA.title);
    assert.equal(extra.arxivId, EXTRA.arxivId);
    assert.equal(extra.arxivVersion, null);
    assert.equal(extra.key, EXTRA.arxivId);
    assert.deepEqual(linkStrings(extra), EXTRA.links.map(([k, u]) => `${k} ${u}`));
    assert.deepEqual(extra.links.map((l) => l.line), [60, 61]);
    assert.deepEqual(extra.summary, [{ type: 'paragraph', text: lineAt(text, 59) }]);
    assert.ok(extra.range.startLine <= EXTRA.titleLine && extra.range.startLine >= EXTRA.extrasLine);
    assert.ok(extra.range.endLine >= EXTRA.lastLinkLine);
  });

  it('leaves the sign-off out of every paper and extra', () => {
    const summaries = allSummaryText(f.issue());
    for (const s of SIGNOFF_STARTS) assert.ok(!summaries.includes(s), `"${s}" is in a summary`);
    for (const item of [...f.issue().papers, ...f.issue().extras]) {
      assert.ok(item.range.endLine < SIGNOFF_LINE, `${item.title} runs into the sign-off`);
    }
  });

  it('spans the issue from line 1 to at least its last link', () => {
    assert.equal(f.issue().range.startLine, 1);
    assert.ok(f.issue().range.endLine >= EXTRA.lastLinkLine);
  });
});
