// Every contents line is a paper: an issue cut off by the paywall, or a copy missing some
// sections, still lists each paper of its contents, numbered in contents order and marked
// incomplete, with the real title's words from the line's anchor where the web page gave one.
import * as assert from 'node:assert/strict';
import { parseIssueText } from '../../src/core/parse/parse';
import { codes, diagnosticsWithCode, fixture, lineOf, onlyIssue, paper, validate } from './helpers/fixtures';

describe('parse: the sample cut off inside its first paper (paywall)', () => {
  const f = fixture('paywall/vol-132-cut-in-first-paper.txt');

  it('lists all ten papers in contents order, each with its organisation', () => {
    const issue = f.issue();
    assert.deepEqual(issue.papers.map((p) => p.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(issue.papers.map((p) => p.org), issue.highlights.map((h) => h.org));
    assert.deepEqual(issue.papers.map((p) => p.shortTitle), issue.highlights.map((h) => h.title));
  });

  it('marks the cut section incomplete: it keeps its real title and what was read, keyed by volume and number', () => {
    const first = paper(f.issue(), 1);
    assert.equal(first.title, 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning');
    assert.equal(first.complete, false);
    assert.equal(first.key, 'vol132:#1');
    assert.equal(first.summary.length, 1);
    assert.deepEqual(first.links, []);
  });

  it('lists papers 2 to 10 from their contents lines alone, incomplete', () => {
    const issue = f.issue();
    for (let n = 2; n <= 10; n++) {
      const p = paper(issue, n);
      const line = lineOf(f.text, `${issue.highlights[n - 1]!.title}, from`);
      assert.deepEqual([p.key, p.complete, p.title, p.arxivId, p.summary.length, p.links.length], [`vol132:#${n}`, false, issue.highlights[n - 1]!.title, null, 0, 0]);
      assert.deepEqual(p.range, { startLine: line, endLine: line });
    }
    assert.equal(paper(issue, 6).title, 'A Lightweight End-to-End Model for Structured Document Understanding');
    assert.equal(paper(issue, 6).org, 'NVIDIA');
  });

  it('warns cut-off once, naming the nine missing sections, and no-links for none of them', () => {
    const cut = diagnosticsWithCode(f.result(), 'cut-off');
    assert.equal(cut.length, 1);
    assert.match(cut[0]!.message, /\b9 of the 10\b/);
    assert.deepEqual(diagnosticsWithCode(f.result(), 'no-links'), []);
    assert.deepEqual(codes(f.result(), 'error'), []);
  });
});

describe('parse: contents lines with their section anchors (a post imported from the web)', () => {
  const f = fixture('paywall/vol-132-contents-anchors.txt');

  it('keeps the address out of the title and still splits off the organisation', () => {
    const issue = f.issue();
    assert.equal(issue.highlights.length, 10);
    for (const h of issue.highlights) {
      assert.ok(!h.title.includes('http') && !h.title.includes('substack'), h.title);
      assert.ok(h.org !== null && !h.org.includes('http'), String(h.org));
    }
    assert.equal(issue.highlights[4]!.org, 'the University of Waterloo');
  });

  it('reads the real title from each anchor, in both the 2025 and 2026 forms', () => {
    const hints = f.issue().papers.map((p) => p.titleHint);
    assert.equal(hints[0], 'clara bridging retrieval and generation with continuous latent reasoning');
    assert.equal(hints[5], 'nvidia nemotron parse 1 1');
    assert.equal(hints[4], 'revisiting feedback models for hyde');
    assert.ok(hints.every((hint) => hint !== null && hint.length > 0), JSON.stringify(hints));
  });

  it('takes the anchor of a line without the 2026 number prefix as a whole slug', () => {
    const text = f.text.replace('/i/179612345/5-revisiting', '/i/179612345/revisiting');
    const issue = onlyIssue(validate(parseIssueText(text), 'edited anchors'));
    assert.equal(paper(issue, 5).titleHint, 'revisiting feedback models for hyde');
  });
});

describe('parse: a copy missing its last sections, with no paywall line', () => {
  const f = fixture('edge/vol-132-sections-missing.txt');

  it('keeps sections 1 to 7 complete and lists 8 to 10 from the contents', () => {
    const issue = f.issue();
    assert.equal(issue.cutOff, null);
    assert.deepEqual(issue.papers.map((p) => [p.number, p.complete]), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => [n, n <= 7]));
    assert.equal(paper(issue, 8).key, 'vol132:#8');
    assert.equal(paper(issue, 8).title, 'Generative Early Stage Ranking with Target-Aware Attention at Scale');
    assert.equal(issue.extras.length, 1);
  });

  it('still warns that the contents and the sections differ', () => {
    assert.equal(diagnosticsWithCode(f.result(), 'highlights-mismatch').length, 1);
  });
});

describe('parse: a complete issue', () => {
  it('has every paper complete, with no title hint', () => {
    const issue = fixture('web/vol-132.txt').issue();
    assert.deepEqual(issue.papers.map((p) => [p.complete, p.titleHint]), issue.papers.map(() => [true, null]));
  });
});

describe('parse: a contents list misread in a file of several shapes', () => {
  it('lists no paper from it: a CRLF e-mail pasted after web text keeps its hard-wrapped lines apart', () => {
    // As an archive of pasted issues can be (and as the parser benchmark builds its input).
    const first = fixture('edge/vol-132-sections-missing.txt').text.replace(/Vol\.132(?!\d)/g, 'Vol.149');
    const web = fixture('edge/vol-135-link-forms.txt').text;
    const email = fixture('email/vol-132-forwarded-crlf.eml.txt').text.replace(/Vol\.132(?!\d)/g, 'Vol.150');
    const issue = validate(parseIssueText([first, web, email].join('\n')), 'web then e-mail').issues[2]!;
    assert.ok(issue.highlights.length > 10, `the premise: the list is misread (${issue.highlights.length} lines)`);
    assert.deepEqual(issue.papers.map((p) => p.complete), issue.papers.map(() => true));
    assert.equal(issue.papers.length, 10);
  });
});
