// The arXiv part of the summary panel's page: after the newsletter's summary, escaped, with a
// quiet line while it loads or when it cannot.
import * as assert from 'node:assert/strict';
import { parseArxivAtom, type ArxivEntry } from '../../src/core/formats/arxivAtom';
import { IssueLibrary } from '../../src/core/model/library';
import { parseIssueText } from '../../src/core/parse/parse';
import { ARXIV_DISABLED, ARXIV_LOADING, renderSummaryHtml, summaryView, type ArxivPanelView } from '../../src/webview/summaryHtml';
import { atomFeed } from '../support/arxivFixtures';
import { ENGLISH } from './helpers/english';
import { readFixture } from './helpers/fixtures';

const RESOURCES = { cspSource: 'https://example.test', stylesheets: [], script: 'https://example.test/panel.js' };

function entryOf(id: string): ArxivEntry {
  const feed = parseArxivAtom(atomFeed([id]));
  assert.ok(feed.ok && feed.entries[0]);
  return feed.entries[0];
}

function page(key: string, arxiv: ArxivPanelView | null): string {
  const library = new IssueLibrary();
  library.set({ source: { id: 'web', label: 'web', bundled: false }, issues: parseIssueText(readFixture('web/vol-132.txt')).issues, diagnostics: [] });
  const [entry] = library.findPaper(key);
  return renderSummaryHtml(summaryView(key, entry, { note: '', status: null }, ENGLISH, undefined, arxiv), RESOURCES, '0'.repeat(32), ENGLISH);
}

describe('summary panel page: arXiv details', () => {
  it('shows authors, first version, categories (primary first), comment and the folded abstract after the summary', () => {
    const html = page('2511.18659', { state: 'ready', entry: entryOf('2511.18659') });
    assert.ok(html.indexOf('id="summary-heading"') < html.indexOf('id="arxiv-heading"'), 'the newsletter’s summary comes first');
    assert.ok(html.indexOf('id="arxiv-heading"') < html.indexOf('id="note-label"'));
    assert.match(html, /Jordan Ellis <span class="affiliation">\(Apple\)<\/span>, Priya Raman, Tomás Oliveira/);
    assert.match(html, /<time datetime="2025-11-23">2025-11-23<\/time>/);
    assert.match(html, /<code class="primary">cs\.CL<\/code> <code>cs\.AI<\/code> <code>cs\.IR<\/code>/);
    assert.match(html, /<details class="abstract"><summary>arXiv abstract<\/summary><p>Retrieval-augmented generation/);
    assert.ok(!html.includes('data-doi'), 'no DOI, no DOI button');
  });

  it('escapes what arXiv sends, and offers a DOI only as a button', () => {
    const entry = entryOf('2511.19987');
    const html = page('2511.19987', { state: 'ready', entry: { ...entry, comment: '<img src=x onerror=alert(1)>', authors: [{ name: 'A "quoted" <b>name</b>' }] } });
    assert.ok(!html.includes('<img src=x'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(html.includes('A &quot;quoted&quot; &lt;b&gt;name&lt;/b&gt;'));
    assert.match(html, /<button type="button" class="doi-link" data-doi [^>]*>10\.1007\/978-3-031-00000-0_1<\/button>/);
    assert.ok(html.includes('Advances in Information Retrieval (ECIR 2026), LNCS'));
    const bad = page('2511.19987', { state: 'ready', entry: { ...entry, doi: 'javascript:alert(1)' } });
    assert.ok(!bad.includes('data-doi'));
  });

  it('says what is missing while loading, when unavailable, and when the network is off', () => {
    assert.ok(page('2511.18659', { state: 'loading' }).includes(ARXIV_LOADING));
    assert.ok(page('2511.18659', { state: 'unavailable', reason: 'arXiv is rate-limiting, will retry' }).includes('arXiv details unavailable: arXiv is rate-limiting, will retry.'));
    assert.ok(page('2511.18659', { state: 'disabled' }).includes(ARXIV_DISABLED));
    assert.ok(!page('2511.18659', null).includes('arxiv-heading'));
  });
});
