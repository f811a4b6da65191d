// The Markdown shape: a copy of the web page (`# title`, `**[n] Title**`, `- ` lists, `[text](url)`,
// hard-wrapped paragraphs) and a note clipped into Obsidian (front matter, `## [n] Title`).
import * as assert from 'node:assert/strict';
import {
  allSummaryText, assertClean, fixture, lineOf, linkStrings, paper, readFixture, summaryTexts,
} from './helpers/fixtures';
import { EXTRA, PAPERS, TITLE, WEEK, expectedExtraSummary, expectedSummaries } from './helpers/vol132';

const MARKUP = /\*\*|\]\(|^#|^[-*+] |<https?:|(^|\s)[*_][^\s*_]/;

describe('parse: Markdown copy of the web page (Vol.132)', () => {
  const f = fixture('markdown/vol-132.md');
  const text = f.text;
  const web = readFixture('web/vol-132.txt');

  it('gives one Markdown issue with title (without "# "), volume and week', () => {
    const issue = f.issue();
    assert.equal(issue.shape, 'markdown');
    assert.equal(issue.title, TITLE);
    assert.equal(issue.volume, 132);
    assert.deepEqual(issue.week, WEEK);
    assert.equal(issue.cutOff, null);
  });

  it('reports no errors and no warnings', () => {
    assertClean(f.result(), f.relPath);
  });

  it('reads the highlights from the "- " list', () => {
    const issue = f.issue();
    assert.deepEqual(issue.highlights.map((h) => [h.title, h.org, h.line]), PAPERS.map((p, i) => [p.shortTitle, p.org, 9 + i]));
  });

  it('reads the "**[n] Title**" papers with the titles, orgs, arXiv ids and keys of the web text', () => {
    const issue = f.issue();
    assert.deepEqual(issue.papers.map((p) => p.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(issue.papers.map((p) => p.title), PAPERS.map((p) => p.title));
    assert.deepEqual(issue.papers.map((p) => p.shortTitle), PAPERS.map((p) => p.shortTitle));
    assert.deepEqual(issue.papers.map((p) => p.org), PAPERS.map((p) => p.org));
    assert.deepEqual(issue.papers.map((p) => p.arxivId), PAPERS.map((p) => p.arxivId));
    assert.deepEqual(issue.papers.map((p) => p.key), PAPERS.map((p) => p.arxivId));
    assert.equal(paper(issue, 1).range.startLine, lineOf(text, '**[1] CLaRa'));
  });

  it('joins hard-wrapped lines, removes emphasis and link syntax: summaries equal the web text\'s', () => {
    const issue = f.issue();
    const expected = expectedSummaries(web);
    issue.papers.forEach((p, i) => assert.deepEqual(p.summary, expected[i], `paper ${i + 1}`));
  });

  it('leaves no Markdown markup in titles, highlights or summaries', () => {
    const issue = f.issue();
    const strings = [issue.title ?? '', ...issue.highlights.map((h) => h.title),
      ...[...issue.papers, ...issue.extras].flatMap((p) => [p.title, ...summaryTexts(p.summary)])];
    for (const s of strings) assert.ok(!MARKUP.test(s), `markup left in ${JSON.stringify(s.slice(0, 80))}`);
  });

  it('reads links in every Markdown form: [emoji url](url), emoji [word](url), emoji <url>', () => {
    const issue = f.issue();
    for (const n of [1, 2, 4, 5, 6, 7, 8, 9, 10]) {
      assert.deepEqual(linkStrings(paper(issue, n)), PAPERS[n - 1]!.links.map(([k, u]) => `${k} ${u}`), `paper ${n}`);
    }
    assert.deepEqual(paper(issue, 1).links.map((l) => l.line), [40, 42]);
    assert.equal(paper(issue, 5).links[1]!.line, lineOf(text, '<https://github.com/nourj98/hyde-feedback>'));
  });

  it('keeps paper 3\'s arXiv and code links in order (its summary also links FAISS inline)', () => {
    const links = linkStrings(paper(f.issue(), 3));
    const arxiv = links.indexOf('arxiv https://arxiv.org/abs/2511.16681');
    const code = links.indexOf('code https://github.com/FastLM/SPI_VecDB');
    assert.ok(arxiv >= 0 && code > arxiv, JSON.stringify(links));
  });

  it('reads the extra from "**Extras: Benchmarks**" and its bold, emoji-led title', () => {
    const issue = f.issue();
    assert.equal(issue.extras.length, 1);
    const extra = issue.extras[0]!;
    assert.equal(extra.section, EXTRA.section);
    assert.equal(extra.title, EXTRA.title);
    assert.equal(extra.arxivId, EXTRA.arxivId);
    assert.equal(extra.key, EXTRA.arxivId);
    assert.deepEqual(linkStrings(extra), EXTRA.links.map(([k, u]) => `${k} ${u}`));
    assert.deepEqual(extra.summary, expectedExtraSummary(web));
  });

  it('leaves the rule and the sign-off out of every item', () => {
    const issue = f.issue();
    const rule = lineOf(text, '---');
    for (const item of [...issue.papers, ...issue.extras]) assert.ok(item.range.endLine < rule, item.title);
    const summaries = allSummaryText(issue);
    assert.ok(!summaries.includes('I hope this weekly roundup'));
    assert.ok(!summaries.includes('---'));
  });
});

describe('parse: Markdown clipped into Obsidian, with front matter (Vol.133)', () => {
  const f = fixture('markdown/vol-133-obsidian-clip.md');

  it('gives one Markdown issue with title, volume and zero-padded week', () => {
    const issue = f.issue();
    assert.equal(issue.shape, 'markdown');
    assert.equal(issue.title, 'Feedback Models for HyDE, NVIDIA Nemotron Parse 1.1, Generative Early Stage Ranking and More!');
    assert.equal(issue.volume, 133);
    assert.deepEqual(issue.week, { start: '2025-12-01', end: '2025-12-07' });
  });

  it('reads the "## [n] Title" papers and their "emoji [word](url)" links', () => {
    const issue = f.issue();
    assert.deepEqual(issue.papers.map((p) => [p.number, p.title, p.org, p.key]), [
      [1, 'Revisiting Feedback Models for HyDE', 'the University of Waterloo', '2511.19349'],
      [2, 'NVIDIA Nemotron Parse 1.1', 'NVIDIA', '2511.20478'],
      [3, 'Generative Early Stage Ranking', 'Meta', '2511.21095'],
    ]);
    assert.deepEqual(issue.papers.map(linkStrings), [
      ['arxiv https://arxiv.org/abs/2511.19349', 'code https://github.com/nourj98/hyde-feedback'],
      ['arxiv https://arxiv.org/abs/2511.20478', 'huggingface https://huggingface.co/nvidia/NVIDIA-Nemotron-Parse-v1.1',
        'huggingface https://huggingface.co/nvidia/NVIDIA-Nemotron-Parse-v1.1-TC'],
      ['arxiv https://arxiv.org/abs/2511.21095'],
    ]);
  });

  it('keeps the front matter out of the issue\'s items', () => {
    const summaries = allSummaryText(f.issue());
    for (const s of ['clippings', 'source:', 'Sumit Kumar', 'published:']) assert.ok(!summaries.includes(s), s);
    assert.ok(f.issue().papers.every((p) => p.range.startLine > lineOf(f.text, '# Feedback Models')));
  });

  it('reports no errors and no warnings', () => {
    assertClean(f.result(), f.relPath);
  });
});
