// Same paper, same key in every shape: the web text, the e-mail and the Markdown copy of one issue
// must give the same papers (keys, titles, orgs, arXiv ids and summary text).
import * as assert from 'node:assert/strict';
import type { Extra, Issue, Paper } from '../../src/core/model/model';
import { fixture, summaryTexts } from './helpers/fixtures';

/** What must agree between shapes; summaries compared as text, one string per paragraph or list item. */
function essence(issue: Issue) {
  const item = (p: Paper | Extra) => ({
    key: p.key,
    title: p.title,
    arxivId: p.arxivId,
    summary: summaryTexts(p.summary),
  });
  return {
    volume: issue.volume,
    week: issue.week,
    title: issue.title,
    highlights: issue.highlights.map((h) => [h.title, h.org]),
    papers: issue.papers.map((p) => ({ ...item(p), number: p.number, shortTitle: p.shortTitle, org: p.org })),
    extras: issue.extras.map((e) => ({ ...item(e), section: e.section })),
  };
}

describe('parse: one issue in three shapes (Vol.132)', () => {
  const web = fixture('web/vol-132.txt');
  const shapes = [fixture('email/vol-132-forwarded.eml.txt'), fixture('markdown/vol-132.md')];

  for (const other of shapes) {
    describe(other.relPath, () => {
      it('has the keys of the web text, in the same order', () => {
        assert.deepEqual(other.issue().papers.map((p) => p.key), web.issue().papers.map((p) => p.key));
      });

      it('has the titles, orgs and arXiv ids of the web text', () => {
        const pick = (i: Issue) => i.papers.map((p) => [p.title, p.shortTitle, p.org, p.arxivId]);
        assert.deepEqual(pick(other.issue()), pick(web.issue()));
      });

      it('has the summary text of the web text', () => {
        const pick = (i: Issue) => i.papers.map((p) => summaryTexts(p.summary));
        assert.deepEqual(pick(other.issue()), pick(web.issue()));
      });

      it('agrees with the web text on everything but shape, address, lines and link targets', () => {
        assert.deepEqual(essence(other.issue()), essence(web.issue()));
      });
    });
  }
});

describe('parse: one issue as web text and as an Obsidian clip (Vol.133)', () => {
  it('gives the same papers', () => {
    const web = fixture('edge/vol-133-zero-padded-days.txt').issue();
    const clip = fixture('markdown/vol-133-obsidian-clip.md').issue();
    assert.deepEqual(essence(clip), essence(web));
  });
});
