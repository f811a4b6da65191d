// The summary panel's page for a paper the issue holds only in part: it says so, shows the
// contents title where the editor rewrote it, and where the paper's arXiv id came from.
import * as assert from 'node:assert/strict';
import { IssueLibrary } from '../../src/core/model/library';
import { parseIssueText } from '../../src/core/parse/parse';
import { renderMatch, renderSummaryHtml, summaryView, type MatchPanelView } from '../../src/webview/summaryHtml';
import { ENGLISH } from './helpers/english';
import { readFixture } from './helpers/fixtures';

const RESOURCES = { cspSource: 'https://x.vscode-cdn.net', stylesheets: [], script: 'https://x.vscode-cdn.net/panel.js' };
const NONCE = '0123456789abcdef0123456789abcdef';

function page(fixture: string, key: string, match: MatchPanelView | null = null): string {
  const library = new IssueLibrary();
  library.set({ source: { id: fixture, label: fixture, bundled: false }, issues: parseIssueText(readFixture(fixture)).issues, diagnostics: [] });
  const [entry] = library.findPaper(key);
  assert.ok(entry, `no paper ${key}`);
  return renderSummaryHtml(summaryView(key, entry, { note: '', status: null }, ENGLISH, undefined, null, match), RESOURCES, NONCE, ENGLISH);
}

describe('summary panel page: a paper listed from its contents line', () => {
  const html = page('paywall/vol-132-cut-in-first-paper.txt', 'vol132:#6', { kind: 'notYet', reason: null });

  it('says plainly that the summary is behind the paywall', () => {
    assert.match(html, /class="notice incomplete"[^>]*>.*Only the contents line of this paper is in the issue you have: its summary is behind the paywall/);
    assert.doesNotMatch(html, /id="summary-heading"/);
  });

  it('shows what is known: the contents title as its title, the organisation and the issue', () => {
    assert.match(html, /<h1>A Lightweight End-to-End Model for Structured Document Understanding<\/h1>/);
    assert.match(html, /<p class="byline">.*NVIDIA<\/p>/);
    assert.match(html, /Vol\.132/);
    assert.doesNotMatch(html, /In the contents:/);
  });

  it('offers to choose its arXiv record while it is not matched', () => {
    assert.match(html, /Not matched to arXiv yet\./);
    assert.match(html, /<button type="button" class="choose-match" data-choose-match/);
  });
});

describe('summary panel page: the section the paywall cut', () => {
  const html = page('paywall/vol-132-cut-in-first-paper.txt', 'vol132:#1');

  it('keeps what was read, says the rest is behind the paywall, and shows the contents title', () => {
    assert.match(html, /<p>This paper from Apple presents CLaRa/);
    assert.match(html, /The rest of this summary is behind the paywall/);
    assert.match(html, /In the contents: “Unifying Retrieval and Generation through Continuous Latent Representations”/);
  });
});

describe('summary panel page: a complete paper', () => {
  it('has no paywall notice, and says its arXiv id is from the newsletter', () => {
    const html = page('web/vol-132.txt', '2511.18659', { kind: 'newsletter', arxivId: '2511.18659' });
    assert.doesNotMatch(html, /incomplete/);
    assert.match(html, /<code>2511\.18659<\/code> <span class="origin">from the newsletter<\/span>/);
    assert.doesNotMatch(html, /data-choose-match/);
  });
});

describe('summary panel page: where an arXiv id came from', () => {
  it('names a search, the reader, and "not on arXiv", each with a way to change it', () => {
    const found = renderMatch({ kind: 'found', arxivId: '2511.20478', title: 'NVIDIA Nemotron Parse 1.1', byAffiliation: false }, ENGLISH);
    assert.match(found, /<code>2511\.20478<\/code> <span class="match-title">NVIDIA Nemotron Parse 1\.1<\/span> <span class="origin">found on arXiv by its title<\/span>/);
    const byAffiliation = renderMatch({ kind: 'found', arxivId: '2511.19349', title: 'Revisiting Feedback Models for HyDE', byAffiliation: true }, ENGLISH);
    assert.match(byAffiliation, /<span class="origin">found on arXiv by its title and its authors’ affiliations<\/span>/);
    assert.match(found, /data-choose-match/);
    assert.match(renderMatch({ kind: 'chosen', arxivId: '2511.20478', title: null }, ENGLISH), /chosen by you/);
    assert.match(renderMatch({ kind: 'chosen', arxivId: null, title: null }, ENGLISH), /Not on arXiv \(chosen by you\)/);
    assert.match(renderMatch({ kind: 'possible', count: 3 }, ENGLISH), /3 possible matches/);
    assert.match(renderMatch({ kind: 'notYet', reason: 'offline' }, ENGLISH), /Not matched to arXiv yet \(offline\)/);
    assert.equal(renderMatch(null, ENGLISH), '');
  });

  it('names the issue’s web page under a doubtful match, where it would give the real title, escaped', () => {
    const possible = renderMatch({ kind: 'possible', count: 2, titlesPage: 'recsys.substack.com' }, ENGLISH);
    assert.match(possible, /<p class="arxiv-match-hint">The issue’s web page \(recsys\.substack\.com\) links each paper to its real title: Choose arXiv Match\.\.\. can import it\.<\/p>/);
    assert.match(renderMatch({ kind: 'noMatch', titlesPage: 'recsys.substack.com' }, ENGLISH), /arxiv-match-hint/);
    assert.doesNotMatch(renderMatch({ kind: 'possible', count: 2, titlesPage: null }, ENGLISH), /arxiv-match-hint/);
    assert.doesNotMatch(renderMatch({ kind: 'possible', count: 2, titlesPage: '<b>x</b>' }, ENGLISH), /<b>/);
  });

  it('escapes the record’s title', () => {
    const html = renderMatch({ kind: 'found', arxivId: '2511.20478', title: '<img src=x onerror=alert(1)>', byAffiliation: false }, ENGLISH);
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });
});
