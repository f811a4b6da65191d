// The author block of a paper's page on arXiv (LaTeXML's HTML): found between `ltx_authors` and the
// abstract, tags dropped, entities decoded, bounded; nothing for a page without one.
import * as assert from 'node:assert/strict';
import { MAX_AUTHOR_BLOCK_CHARS, arxivPageUrl, authorBlockText } from '../../src/core/match/authorBlock';

const page = (authors: string, after = '<div class="ltx_abstract"><h6>Abstract</h6><p>We study Apple pie.</p></div>') =>
  `<!DOCTYPE html><html><head><title>T</title><style>.ltx_authors{}</style></head><body><article class="ltx_document">` +
  `<h1 class="ltx_title ltx_title_document">A Title</h1><div class="ltx_authors">${authors}</div>${after}</article></body></html>`;

describe('the author block of a paper page', () => {
  it('keeps names, affiliations and addresses, without tags, and stops at the abstract', () => {
    const html = page(
      '<span class="ltx_creator ltx_role_author"><span class="ltx_personname">Ana Pérez<sup>1</sup><br class="ltx_break">NVIDIA &amp; University of Toronto</span></span>' +
        '<span class="ltx_contact ltx_role_email"><a href="mailto:ana@nvidia.com">ana@nvidia.com</a></span>',
    );
    assert.equal(authorBlockText(html), 'Ana Pérez 1 NVIDIA & University of Toronto ana@nvidia.com');
  });

  it('stops at the first section when there is no abstract, and at the end of the article', () => {
    assert.equal(authorBlockText(page('Bo Li, Kyoto University', '<section class="ltx_section"><p>Apple</p></section>')), 'Bo Li, Kyoto University');
    assert.equal(authorBlockText(page('Bo Li, Kyoto University', '')), 'Bo Li, Kyoto University');
  });

  it('decodes numeric entities and drops ones that are not characters', () => {
    assert.equal(authorBlockText(page('Zo&#235; &#x4E2D; &#0; &#xD800; &bogus;')), 'Zoë 中 &bogus;');
  });

  it('says nothing of a page without an author block (an error page, another kind of page)', () => {
    assert.equal(authorBlockText('<html><body><h1>No HTML for this paper</h1></body></html>'), null);
    assert.equal(authorBlockText(page('   ')), null);
  });

  it('is bounded: a block without an end, or a huge one, keeps at most MAX_AUTHOR_BLOCK_CHARS', () => {
    const huge = `<div class="ltx_authors">${'<b>Apple</b> '.repeat(200_000)}`;
    const text = authorBlockText(huge);
    assert.ok(text !== null && text.length <= MAX_AUTHOR_BLOCK_CHARS, String(text?.length));
  });
});

describe('the address of a paper page', () => {
  it('is <pages address>/html/<id>, https only (http only on this computer), for arXiv ids only', () => {
    assert.equal(arxivPageUrl('https://arxiv.org', '2511.20478'), 'https://arxiv.org/html/2511.20478');
    assert.equal(arxivPageUrl('https://arxiv.org/', '2511.20478v2'), 'https://arxiv.org/html/2511.20478v2');
    assert.equal(arxivPageUrl('http://127.0.0.1:8080/mirror', 'hep-th/0601001'), 'http://127.0.0.1:8080/mirror/html/hep-th/0601001');
    assert.equal(arxivPageUrl('http://arxiv.org', '2511.20478'), null);
    assert.equal(arxivPageUrl('not a url', '2511.20478'), null);
    assert.equal(arxivPageUrl('https://arxiv.org', '../../etc/passwd'), null);
    assert.equal(arxivPageUrl('https://arxiv.org', '2511.20478?x=1'), null);
  });
});
