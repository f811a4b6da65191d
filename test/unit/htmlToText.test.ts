// HTML pages and the RSS feed into the text the parser reads (src/core/formats/htmlToText.ts), on the
// hand-written pages under test/fixtures/html/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { htmlToText, looksLikeFeed, looksLikeHtml, postToText, readFeed } from '../../src/core/formats/htmlToText';
import { parseIssueText } from '../../src/core/parse/parse';
import { FIXTURES_DIR, readFixture, validate } from './helpers/fixtures';

const html = (name: string): string => fs.readFileSync(path.join(FIXTURES_DIR, 'html', name), 'utf8');

describe('htmlToText', () => {
  it('keeps headings, paragraphs, list items, quotes and line breaks as lines', () => {
    const text = htmlToText('<h2>Title</h2><p>One <b>bold</b>\n  word</p><ul><li>a</li><li><p>b</p></li></ul><blockquote>quoted<br>next</blockquote>');
    assert.equal(text, 'Title\nOne bold word\na\nb\nquoted\nnext');
  });

  it('writes a link as its text and its address, the address once when it is the text', () => {
    assert.equal(htmlToText('<p>📚 <a href="https://arxiv.org/abs/2511.18659">Paper</a></p>'), '📚 Paper https://arxiv.org/abs/2511.18659');
    assert.equal(htmlToText('<p>📚 <a href="https://arxiv.org/abs/2511.18659">https://arxiv.org/abs/2511.18659</a></p>'), '📚 https://arxiv.org/abs/2511.18659');
  });

  it('drops links that are not http(s), and scripts, styles, navigation, footers and buttons', () => {
    const text = htmlToText(
      '<nav>Home</nav><script>alert(1)</script><style>p{}</style><p><a href="javascript:alert(1)">click</a> <a href="mailto:a@b.c">mail</a></p><button>Subscribe</button><footer>© 2025</footer>',
    );
    assert.equal(text, 'click mail');
  });

  it('decodes entities', () => {
    assert.equal(htmlToText('<p>This week&#8217;s &amp; &lt;b&gt; &ldquo;quoted&rdquo;&nbsp;x</p>'), 'This week’s & <b> “quoted”\u00a0x');
  });
});

describe('postToText: a Substack post page', () => {
  it('gives the sample issue line for line from its post page', () => {
    const post = postToText(html('vol-132-post.html'));
    assert.equal(post.found, 'post');
    assert.equal(post.title, 'Unifying Retrieval and Generation, Reasoning-Driven Cold-Start Recommendation with LLMs and More!');
    assert.equal(post.text, readFixture('web/vol-132.txt').trimEnd());
  });

  it('parses into the same issue as the sample text, with no warning', () => {
    const result = validate(parseIssueText(postToText(html('vol-132-post.html')).text), 'vol-132-post.html');
    const sample = parseIssueText(readFixture('web/vol-132.txt'));
    assert.equal(result.issues.length, 1);
    assert.deepEqual(result.issues[0], sample.issues[0]);
    assert.deepEqual(result.diagnostics.filter((d) => d.severity !== 'info'), []);
  });

  it('keeps the paywall notice, so the parser reports the cut-off and keeps the highlights', () => {
    const post = postToText(html('vol-140-paywalled.html'));
    assert.match(post.text, /^Keep reading with a 7-day free trial$/m);
    assert.doesNotMatch(post.text, /Share|Privacy|Subscribe$/m);
    const result = validate(parseIssueText(post.text), 'vol-140-paywalled.html');
    const [issue] = result.issues;
    assert.ok(issue);
    assert.equal(issue.volume, 140);
    assert.equal(issue.highlights.length, 10);
    assert.ok(issue.cutOff, 'the issue is marked as cut off');
    assert.ok(result.diagnostics.some((d) => d.code === 'cut-off'), 'a cut-off diagnostic');
  });

  it('gives a page that is not an issue as text the parser finds no issue in', () => {
    const post = postToText(html('about-page.html'));
    assert.equal(post.title, 'About Top Information Retrieval Papers of the Week');
    assert.match(post.text, /A weekly digest/);
    assert.doesNotMatch(post.text, /window\._preloads|Subscribe|Privacy/);
    assert.equal(parseIssueText(post.text).issues.length, 0);
  });

  it('tells a feed from a page', () => {
    assert.ok(looksLikeFeed(html('feed.xml')));
    assert.ok(!looksLikeFeed(html('vol-132-post.html')));
    assert.ok(looksLikeHtml(html('vol-132-post.html')));
    assert.ok(!looksLikeHtml(readFixture('web/vol-132.txt')));
  });
});

describe('readFeed', () => {
  it('lists the feed’s posts in order with their titles, addresses, dates and subtitles', () => {
    assert.deepEqual(readFeed(html('feed.xml')), [
      { title: 'Query Performance Prediction with LLMs, Generative Retrieval for Ads and More!', url: 'https://recsys.substack.com/p/query-performance-prediction-with', published: '2026-02-02', description: 'Vol.141 for Jan 26 - Feb 1, 2026' },
      { title: 'Deep Research Agents, Long-Document Sparse Retrieval, Generative Retrieval at Scale and More!', url: 'https://recsys.substack.com/p/deep-research-agents-long-document', published: '2026-01-26', description: 'Vol.140 for Jan 19 - Jan 25, 2026' },
      { title: 'Unifying Retrieval and Generation, Reasoning-Driven Cold-Start Recommendation with LLMs and More!', url: 'https://recsys.substack.com/p/unifying-retrieval-and-generation', published: '2025-12-01', description: 'Vol.132 for Nov 24 - Nov 30, 2025' },
    ]);
  });

  it('keeps only http(s) links, and gives null for what is not a feed', () => {
    const feed = '<rss version="2.0"><channel><title>x</title><item><title>bad</title><link>javascript:alert(1)</link></item><item><title>ok</title><link>http://example.com/p/ok</link></item></channel></rss>';
    assert.deepEqual(readFeed(feed)?.map((entry) => entry.url), ['http://example.com/p/ok']);
    assert.equal(readFeed('just text'), null);
  });
});

describe('postToText: contents lines that link to their sections', () => {
  // The paywalled post with each contents line linked as Substack does since 2026: the anchor
  // `/i/<post id>/<N>-<slug>` names the section's real title (here made up, as the post is paid).
  const REAL_TITLES = ['deepresearch bench enterprise agents', 'segment expansion for lsr', 'scaling generative retrieval', 'llm judges calibrated', 'token pruning for colbert', 'sessionqs small lms', 'unified embeddings short video', 'reasoning rerankers without cot', 'citation faithfulness in answer engines', 'temporal drift in dense retrievers'];
  let n = 0;
  const html = readFixture('html/vol-140-paywalled.html').replace(/<li><p><em>([^<]+)<\/em>/g, (_, title: string) => {
    const slug = REAL_TITLES[n]!.replace(/ /g, '-');
    n++;
    return `<li><p><a href="https://recsys.substack.com/i/184455667/${n}-${slug}"><em>${title}</em></a>`;
  });

  it('keeps each anchor, so the parser reads the real title from it and the contents title without it', () => {
    assert.equal(n, 10, 'the fixture has ten contents lines');
    const issue = validate(parseIssueText(postToText(html).text), 'the post').issues[0]!;
    assert.deepEqual(issue.papers.map((paper) => paper.titleHint), REAL_TITLES);
    assert.equal(issue.papers[0]!.title, 'A Benchmark for Deep Research Agents over Enterprise Document Collections');
    assert.equal(issue.papers[0]!.org, 'Schmidt et al.');
    assert.ok(issue.papers.every((paper) => !paper.title.includes('http') && !paper.complete));
  });
});
