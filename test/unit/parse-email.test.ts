// The e-mail shape: a Gmail-style forward of the Substack e-mail, links as `text [ redirect ]`,
// hard-wrapped paragraphs and Substack's footer.
import * as assert from 'node:assert/strict';
import {
  allSummaryText, assertClean, fixture, lineOf, lineStartingWith, linkStrings, paper, redirectOnLine,
} from './helpers/fixtures';
import { EXTRA, PAPERS, TITLE, WEEK } from './helpers/vol132';

describe('parse: forwarded e-mail (Vol.132)', () => {
  const f = fixture('email/vol-132-forwarded.eml.txt');
  const text = f.text;

  it('gives one e-mail issue: title from Subject:, address from "View this post on the web at"', () => {
    const issue = f.issue();
    assert.equal(issue.shape, 'email');
    assert.equal(issue.title, TITLE);
    assert.equal(issue.webUrl, 'https://recsys.substack.com/p/unifying-retrieval-and-generation');
    assert.equal(issue.volume, 132);
    assert.deepEqual(issue.week, WEEK);
    assert.equal(issue.cutOff, null);
  });

  it('reports no errors and no warnings', () => {
    assertClean(f.result(), f.relPath);
  });

  it('joins hard-wrapped highlights and still splits them on the last ", from "', () => {
    const issue = f.issue();
    assert.deepEqual(issue.highlights.map((h) => [h.title, h.org]), PAPERS.map((p) => [p.shortTitle, p.org]));
    // The first highlight is wrapped before "from Apple": it starts on line 18.
    assert.equal(issue.highlights[0]!.line, 18);
    assert.equal(lineOf(text, 'Unifying Retrieval and Generation through'), 18);
  });

  it('reads the 10 papers with the titles, orgs and arXiv ids of the web text', () => {
    const issue = f.issue();
    assert.deepEqual(issue.papers.map((p) => p.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(issue.papers.map((p) => p.title), PAPERS.map((p) => p.title));
    assert.deepEqual(issue.papers.map((p) => p.org), PAPERS.map((p) => p.org));
    assert.deepEqual(issue.papers.map((p) => p.arxivId), PAPERS.map((p) => p.arxivId));
    assert.deepEqual(issue.papers.map((p) => p.key), PAPERS.map((p) => p.arxivId));
  });

  it('takes the visible URL where the link text is a URL, and the redirect where it is not', () => {
    const issue = f.issue();
    assert.deepEqual(linkStrings(paper(issue, 1)), [
      'arxiv https://arxiv.org/abs/2511.18659',
      'code https://github.com/apple/ml-clara',
    ]);
    // "👨🏽💻 GitHub [ https://substack.com/redirect/… ]": the target is unknown offline.
    const gitHubLine = lineOf(text, 'GitHub [ https://substack.com/redirect/');
    assert.deepEqual(linkStrings(paper(issue, 3)), [
      'arxiv https://arxiv.org/abs/2511.16681',
      `web ${redirectOnLine(text, gitHubLine)}`,
    ]);
    const tcLine = lineOf(text, 'Nemotron-Parse-1.1-TC [ https://substack.com/redirect/');
    assert.deepEqual(linkStrings(paper(issue, 6)), [
      'arxiv https://arxiv.org/abs/2511.20478',
      'huggingface https://huggingface.co/nvidia/NVIDIA-Nemotron-Parse-v1.1',
      `web ${redirectOnLine(text, tcLine)}`,
    ]);
    assert.deepEqual(paper(issue, 3).links.map((l) => l.line), [lineOf(text, 'https://arxiv.org/abs/2511.16681'), gitHubLine]);
  });

  it('gives every other paper exactly the links of the web text', () => {
    const issue = f.issue();
    for (const n of [1, 2, 4, 5, 7, 8, 9, 10]) {
      assert.deepEqual(linkStrings(paper(issue, n)), PAPERS[n - 1]!.links.map(([k, u]) => `${k} ${u}`), `paper ${n}`);
    }
  });

  it('reads the extra like the web text', () => {
    const issue = f.issue();
    assert.equal(issue.extras.length, 1);
    const extra = issue.extras[0]!;
    assert.equal(extra.section, EXTRA.section);
    assert.equal(extra.title, EXTRA.title);
    assert.equal(extra.arxivId, EXTRA.arxivId);
    assert.deepEqual(linkStrings(extra), EXTRA.links.map(([k, u]) => `${k} ${u}`));
  });

  it('keeps the forward header, the forwarder\'s note, the sign-off and the footer out of every item', () => {
    const issue = f.issue();
    const summaries = allSummaryText(issue);
    for (const s of ['Worth a look', 'Forwarded message', 'From:', 'Subject:', 'View this post', 'I hope this weekly roundup',
      'I also blog', 'free subscriber', 'Upgrade to paid', 'Unsubscribe', '\u00a9 2025', 'Market Street', 'Start writing']) {
      assert.ok(!summaries.includes(s), `"${s}" is in a summary`);
    }
    const urls = [...issue.papers, ...issue.extras].flatMap((p) => p.links.map((l) => l.url));
    for (const u of urls) {
      assert.ok(!/app-link|disable_email|signup|\/subscribe\?/.test(u), `footer link ${u} taken as a paper link`);
    }
    const signOff = lineOf(text, 'I hope this weekly roundup');
    for (const item of [...issue.papers, ...issue.extras]) {
      assert.ok(item.range.endLine < signOff, `${item.title} runs into the sign-off`);
      assert.ok(item.range.startLine > lineOf(text, 'View this post on the web at'), `${item.title} starts in the header`);
    }
  });
});

describe('parse: the same e-mail with CRLF line ends', () => {
  it('gives exactly the result of the LF e-mail', () => {
    const lf = fixture('email/vol-132-forwarded.eml.txt').result();
    const crlf = fixture('email/vol-132-forwarded-crlf.eml.txt').result();
    assert.deepEqual(crlf, lf);
  });
});

describe('parse: e-mail whose paper links are only "Paper [ redirect ]" (Vol.139)', () => {
  const f = fixture('email/vol-139-fwd-paper-links.eml.txt');
  const text = f.text;
  const heading = (n: number) => lineStartingWith(text, `[${n}] `);

  it('takes the title from Subject: without "Fwd: "', () => {
    const issue = f.issue();
    assert.equal(issue.shape, 'email');
    assert.equal(issue.title, 'Reasoning for Cold-Start Items, Domain-Routed Rerankers, Scaling Up Ranking Models and More!');
    assert.equal(issue.webUrl, 'https://recsys.substack.com/p/reasoning-for-cold-start-items-domain');
    assert.equal(issue.volume, 139);
    assert.deepEqual(issue.week, { start: '2026-01-12', end: '2026-01-18' });
  });

  it('reads the four papers and their highlights', () => {
    const issue = f.issue();
    assert.deepEqual(issue.papers.map((p) => p.title), [
      'LLM Reasoning for Cold-Start Item Recommendation',
      'R²R: A Route-to-Rerank Post-Training Framework for Multi-Domain Decoder-Only Rerankers',
      'E2E-GRec: An End-to-End Joint Training Framework for Graph Neural Networks and Recommender Systems',
      'STORE: Semantic Tokenization, Orthogonal Rotation and Efficient Attention for Scaling Up Ranking Models',
    ]);
    assert.deepEqual(issue.papers.map((p) => p.org), ['Netflix', 'Wang et al.', 'TikTok', 'Alibaba']);
  });

  it('keeps a redirect-only paper link as a web link and never invents an arXiv id', () => {
    const issue = f.issue();
    for (const n of [1, 3]) {
      const p = paper(issue, n);
      const linkLine = lineOf(text, '\u{1F4DA} Paper [ https://substack.com/redirect/', heading(n));
      assert.deepEqual(p.links, [{ kind: 'web', url: redirectOnLine(text, linkLine), line: linkLine }], `paper ${n}`);
      assert.equal(p.arxivId, null, `paper ${n}`);
      assert.equal(p.arxivVersion, null, `paper ${n}`);
    }
    assert.equal(paper(issue, 1).key, 'vol139:llm-reasoning-for-cold-start-item-recommendation');
    assert.equal(paper(issue, 3).key,
      'vol139:e2e-grec-an-end-to-end-joint-training-framework-for-graph-neural-networks-and-recommender-systems');
  });

  it('reads the arXiv id (and version) where the link text is the arXiv URL', () => {
    const issue = f.issue();
    assert.equal(paper(issue, 2).arxivId, '2511.19987');
    assert.equal(paper(issue, 2).key, '2511.19987');
    const p4 = paper(issue, 4);
    assert.equal(p4.arxivId, '2511.18805');
    assert.equal(p4.arxivVersion, 'v1');
    assert.equal(p4.key, '2511.18805');
    const codeLine = lineOf(text, 'Code [ https://substack.com/redirect/');
    assert.deepEqual(linkStrings(p4), ['arxiv https://arxiv.org/abs/2511.18805v1', `web ${redirectOnLine(text, codeLine)}`]);
  });

  it('keeps the outer headers and the forwarder\'s note out of the issue', () => {
    const issue = f.issue();
    const summaries = allSummaryText(issue);
    assert.ok(!summaries.includes('Two for Thursday'));
    assert.ok(!summaries.includes('Daniel'));
    assert.ok(issue.papers.every((p) => p.range.startLine >= heading(1)));
  });
});
