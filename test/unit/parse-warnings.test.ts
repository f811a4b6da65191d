// Warnings for issues that are incomplete but still issues: no Vol. line, a highlights list that
// does not match the papers, a paper without links.
import * as assert from 'node:assert/strict';
import { diagnosticsWithCode, fixture, lineAt, paper } from './helpers/fixtures';

describe('parse: an issue without its "Vol." line', () => {
  const f = fixture('edge/no-volume-line.txt');

  it('is still one issue, with no volume and no week', () => {
    const issue = f.issue();
    assert.equal(issue.volume, null);
    assert.deepEqual(issue.week, { start: null, end: null });
    assert.equal(issue.title, lineAt(f.text, 1));
  });

  it('still reads the highlights and the papers', () => {
    const issue = f.issue();
    assert.equal(issue.highlights.length, 3);
    assert.deepEqual(issue.papers.map((p) => [p.number, p.key, p.org]), [
      [1, '2511.21095', 'Meta'], [2, '2511.20564', 'TikTok'], [3, '2511.18805', 'Alibaba'],
    ]);
  });

  it('warns missing-volume, once, and reports no errors', () => {
    const warnings = diagnosticsWithCode(f.result(), 'missing-volume');
    assert.equal(warnings.length, 1, JSON.stringify(f.result().diagnostics));
    assert.equal(warnings[0]!.severity, 'warning');
    assert.deepEqual(f.result().diagnostics.filter((d) => d.severity === 'error'), []);
  });
});

describe('parse: five highlights for six papers (Vol.143)', () => {
  const f = fixture('edge/vol-143-highlights-mismatch.txt');

  it('keeps all five highlights and all six papers', () => {
    assert.equal(f.issue().highlights.length, 5);
    assert.deepEqual(f.issue().papers.map((p) => p.number), [1, 2, 3, 4, 5, 6]);
  });

  it('still pairs paper n with highlight n, and leaves paper 6 without one', () => {
    const issue = f.issue();
    for (let n = 1; n <= 5; n++) {
      assert.equal(paper(issue, n).shortTitle, issue.highlights[n - 1]!.title);
      assert.equal(paper(issue, n).org, issue.highlights[n - 1]!.org);
    }
    assert.equal(paper(issue, 6).shortTitle, null);
    assert.equal(paper(issue, 6).org, null);
    assert.equal(paper(issue, 6).key, '2511.20478');
  });

  it('warns highlights-mismatch, once, and reports no errors', () => {
    const warnings = diagnosticsWithCode(f.result(), 'highlights-mismatch');
    assert.equal(warnings.length, 1, JSON.stringify(f.result().diagnostics));
    assert.equal(warnings[0]!.severity, 'warning');
    assert.deepEqual(f.result().diagnostics.filter((d) => d.severity === 'error'), []);
  });
});

describe('parse: warnings are not raised where nothing is wrong', () => {
  it('does not warn highlights-mismatch, missing-volume or no-links on the sample', () => {
    const result = fixture('web/vol-132.txt').result();
    for (const code of ['highlights-mismatch', 'missing-volume', 'no-links', 'dropped-link', 'cut-off']) {
      assert.deepEqual(diagnosticsWithCode(result, code), [], code);
    }
  });
});
