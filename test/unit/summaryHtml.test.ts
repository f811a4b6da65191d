import * as assert from 'node:assert/strict';
import { IssueLibrary } from '../../src/core/model/library';
import { parseIssueText } from '../../src/core/parse/parse';
import { NOT_FOUND_NOTICE, offeredLinks, renderSummaryHtml, summaryView, type ReaderState, type SummaryView } from '../../src/webview/summaryHtml';
import { ENGLISH } from './helpers/english';
import { readFixture } from './helpers/fixtures';

const RESOURCES = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  stylesheets: ['https://file+.vscode-resource.vscode-cdn.net/ext/media/codicons/codicon.css', 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css'],
  script: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.js',
};
const NONCE = '0123456789abcdef0123456789abcdef';
const NO_STATE: ReaderState = { note: '', status: null };

function libraryOf(...fixtures: string[]): IssueLibrary {
  const library = new IssueLibrary();
  for (const fixture of fixtures) {
    library.set({ source: { id: fixture, label: fixture, bundled: false }, issues: parseIssueText(readFixture(fixture)).issues, diagnostics: [] });
  }
  return library;
}

function viewOf(library: IssueLibrary, key: string, reader = NO_STATE): SummaryView {
  const [entry] = library.findPaper(key);
  assert.ok(entry, `no paper ${key}`);
  return summaryView(key, entry, reader, ENGLISH);
}

const render = (view: SummaryView) => renderSummaryHtml(view, RESOURCES, NONCE, ENGLISH);

/** The page's text between two markers, e.g. the h1's. */
function between(html: string, open: string, close: string): string {
  const start = html.indexOf(open);
  assert.ok(start >= 0, `no ${open}`);
  return html.slice(start + open.length, html.indexOf(close, start));
}

const linkKinds = (html: string) => [...html.matchAll(/data-link="([a-z]+)"/g)].map((match) => match[1]);

describe('summary panel page', () => {
  const sample = libraryOf('web/vol-132.txt');

  it('shows the title as the h1, the organisation, the issue and week, and the summary', () => {
    const html = render(viewOf(sample, '2511.18659'));
    assert.equal(between(html, '<h1>', '</h1>'), 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning');
    assert.equal((html.match(/<h1>/g) ?? []).length, 1);
    assert.match(html, /<p class="byline">.*Apple<\/p>/);
    assert.match(html, /<p class="issue">Vol\.132 · Nov 24 – Nov 30, 2025<\/p>/);
    assert.match(html, /<p>This paper from Apple presents CLaRa/);
    assert.match(html, /<title>CLaRa: Bridging/);
  });

  it('renders a summary’s lists as lists', () => {
    const html = render(viewOf(sample, '2511.18261'));
    const list = between(html, '<ul>', '</ul>');
    assert.equal((list.match(/<li>/g) ?? []).length, 2);
    assert.match(list, /^<li>Structural Reasoning, which/);
    assert.ok(html.indexOf('<p>This paper from Netflix') < html.indexOf('<ul>'), 'the paragraph comes before its list');
  });

  it('offers arXiv, PDF, code and Hugging Face for a paper with code', () => {
    const html = render(viewOf(sample, '2511.18659'));
    assert.deepEqual(linkKinds(html), ['arxiv', 'pdf', 'code', 'huggingface']);
    assert.match(html, /title="https:\/\/github\.com\/apple\/ml-clara"/);
    assert.match(html, /data-link="huggingface" aria-label="Open the Hugging Face page"/);
  });

  it('shows no code button for a paper without code', () => {
    const html = render(viewOf(sample, '2511.18261'));
    assert.deepEqual(linkKinds(html), ['arxiv', 'pdf', 'huggingface']);
    assert.doesNotMatch(html, /data-link="code"/);
  });

  it('offers a web button only to papers that are not on arXiv', () => {
    const links = libraryOf('edge/vol-134-commas-and-questions.txt', 'edge/vol-135-link-forms.txt');
    const offCampus = render(viewOf(links, 'vol134:learning-to-rank-from-scratch-bootstrapping-a-hotel-search-ranker-without-click-logs'));
    assert.deepEqual(linkKinds(offCampus), ['web']);
    // On arXiv, with an alphaXiv page as its "web" link: the arXiv buttons stand for it.
    assert.deepEqual(linkKinds(render(viewOf(links, '2511.18261'))), ['arxiv', 'pdf', 'huggingface']);
  });

  it('offers the Hugging Face paper page by arXiv id, not a model page', () => {
    const [entry] = sample.findPaper('2511.20478');
    assert.ok(entry);
    const huggingface = offeredLinks(entry.paper).find((link) => link.kind === 'huggingface');
    assert.equal(huggingface?.url, 'https://huggingface.co/papers/2511.20478');
  });

  it('names an extra by its section', () => {
    const html = render(viewOf(sample, '2511.20867'));
    assert.match(html, /<p class="byline">.*Extras: Benchmarks<\/p>/);
  });

  it('has a strict CSP with the nonce on every script and stylesheet, and nothing inline', () => {
    const html = render(viewOf(sample, '2511.18659'));
    const csp = between(html, '<meta http-equiv="Content-Security-Policy" content="', '">');
    const policy = csp.replace(/&#39;/g, "'");
    assert.equal(
      policy,
      `default-src 'none'; style-src ${RESOURCES.cspSource} 'nonce-${NONCE}'; font-src ${RESOURCES.cspSource}; script-src 'nonce-${NONCE}'; img-src ${RESOURCES.cspSource} data:`,
    );
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    assert.deepEqual(scripts, [`<script nonce="${NONCE}" src="${RESOURCES.script}">`]);
    assert.equal((html.match(new RegExp(`<link rel="stylesheet" nonce="${NONCE}"`, 'g')) ?? []).length, 2);
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handlers');
    assert.doesNotMatch(html, /\sstyle\s*=/i, 'no inline styles');
    assert.doesNotMatch(html, /<style\b/i);
  });

  it('keeps hostile newsletter text as text', () => {
    const hostile = libraryOf('edge/vol-136-hostile.txt');
    const [first, second] = hostile.issues()[0]?.issue.papers ?? [];
    assert.ok(first && second);
    const html = render(viewOf(hostile, first.key)) + render(viewOf(hostile, second.key));
    assert.doesNotMatch(html, /<img|<b>|<a href|<div style|alert\("title"\)<\/script>/i);
    assert.match(html, /<h1>&lt;script&gt;alert\(&quot;title&quot;\)&lt;\/script&gt;Hidden Instructions/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.equal((html.match(/<script\b/g) ?? []).length, 2, 'only the two pages’ own scripts');
    // The dropped links are not offered: the code link was javascript: and a broken https URL.
    assert.ok(!linkKinds(render(viewOf(hostile, first.key))).includes('web'));
  });

  it('keeps the reader’s note as text in the textarea, even one that tries to close it', () => {
    const note = '\nfirst line was blank\n</textarea><script>alert(1)</script> & "quotes"';
    const html = render(viewOf(sample, '2511.18659', { note, status: 'reading' }));
    const body = between(html, 'aria-describedby="note-state">', '</textarea>');
    // One newline after the tag is dropped by the HTML parser; the note's own leading newline stays.
    assert.equal(body, `\n\nfirst line was blank\n&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;`);
    assert.equal((html.match(/<\/textarea>/g) ?? []).length, 1);
    assert.match(html, /<span id="note-state" class="note-state" aria-live="polite">Saved<\/span>/);
  });

  it('has a status control with the current status checked and every control named', () => {
    const html = render(viewOf(sample, '2511.18659', { note: '', status: 'reading' }));
    const radios = [...html.matchAll(/<input type="radio" name="status" id="([^"]+)" value="([^"]*)"( checked)?>/g)];
    assert.deepEqual(radios.map((match) => [match[2], match[3] !== undefined]), [['', false], ['toRead', false], ['reading', true], ['read', false]]);
    for (const match of radios) assert.match(html, new RegExp(`<label for="${match[1]}">`));
    assert.match(html, /<legend>Reading status<\/legend>/);
    assert.match(html, /<label id="note-label" for="note">Note<\/label>/);
    for (const button of html.match(/<button\b[^>]*>/g) ?? []) assert.match(button, /aria-label="[^"]+"/);
  });

  it('shows a paper no issue holds any more from what was remembered, with its note', () => {
    const remembered = { title: 'An <old> paper', issueLabel: 'Vol.120 · Sep 1 – Sep 7, 2025', arxivId: '2509.00001' };
    const view = summaryView('2509.00001', undefined, { note: 'still here', status: 'read' }, ENGLISH, remembered);
    const html = render(view);
    assert.equal(between(html, '<h1>', '</h1>'), 'An &lt;old&gt; paper');
    assert.ok(html.includes(NOT_FOUND_NOTICE));
    assert.match(html, /Last seen in Vol\.120/);
    assert.match(html, />\nstill here<\/textarea>/);
    assert.deepEqual(linkKinds(html), ['arxiv', 'pdf', 'huggingface']);
    // Nothing remembered at all: the key stands in for the title, and there are no links.
    const bare = render(summaryView('vol120:gone', undefined, NO_STATE, ENGLISH));
    assert.equal(between(bare, '<h1>', '</h1>'), 'vol120:gone');
    assert.deepEqual(linkKinds(bare), []);
  });
});
