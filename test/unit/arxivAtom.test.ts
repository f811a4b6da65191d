import * as assert from 'node:assert/strict';
import {
  ArxivEntry, arxivIdFromAbsUrl, arxivQueryUrl, categoriesPrimaryFirst, doiUrl, entriesAskedFor, parseArxivAtom, validDoi,
} from '../../src/core/formats/arxivAtom';
import { atomFeed, fixtureIds, readArxivFixture } from '../support/arxivFixtures';

function entries(xml: string): readonly ArxivEntry[] {
  const feed = parseArxivAtom(xml);
  assert.ok(feed.ok, feed.ok ? '' : feed.error);
  return feed.entries;
}

describe('arXiv Atom', () => {
  it('reads the sample’s papers: ids without version, collapsed title and abstract, authors, dates, categories, links', () => {
    const [clara, coldStart] = entries(atomFeed(['2511.18659', '2511.18261']));
    assert.ok(clara && coldStart);
    assert.equal(clara.id, '2511.18659');
    assert.equal(clara.version, 'v2');
    assert.equal(clara.title, 'CLaRa: Bridging Retrieval and Generation with Continuous Latent Reasoning');
    assert.ok(clara.summary.startsWith('Retrieval-augmented generation (RAG) couples a retriever with a language model, yet'));
    assert.ok(!/\s{2}|\n/.test(clara.summary));
    assert.deepEqual(clara.authors, [{ name: 'Jordan Ellis', affiliation: 'Apple' }, { name: 'Priya Raman' }, { name: 'Tomás Oliveira' }]);
    assert.equal(clara.published, '2025-11-23T23:12:41Z');
    assert.equal(clara.updated, '2025-11-27T18:02:11Z');
    assert.deepEqual(clara.categories, ['cs.CL', 'cs.AI', 'cs.IR']);
    assert.equal(clara.primaryCategory, 'cs.CL');
    assert.equal(clara.comment, 'Preprint; code: https://github.com/apple/ml-clara');
    assert.equal(clara.journalRef, undefined);
    assert.equal(clara.doi, undefined);
    assert.equal(clara.absUrl, 'http://arxiv.org/abs/2511.18659v2');
    assert.equal(clara.pdfUrl, 'http://arxiv.org/pdf/2511.18659v2');
    assert.equal(coldStart.id, '2511.18261');
    assert.equal(coldStart.primaryCategory, 'cs.IR');
    assert.deepEqual(coldStart.authors.map((author) => author.name), ['Alex Morgan', 'Sam Whitaker']);
    for (const entry of [clara, coldStart]) assert.ok(ArxivEntry.safeParse(entry).success);
  });

  it('reads arxiv:comment, arxiv:journal_ref and arxiv:doi, and decodes entities once', () => {
    const [paper] = entries(atomFeed(['2511.19987']));
    assert.ok(paper);
    assert.equal(paper.title, 'Rediscovering the Lost Art of Feedback Models for <LLM> Query Expansion & Retrieval');
    assert.equal(paper.comment, 'Accepted at ECIR 2026. 12 pages, 3 figures');
    assert.equal(paper.journalRef, 'Advances in Information Retrieval (ECIR 2026), LNCS');
    assert.equal(paper.doi, '10.1007/978-3-031-00000-0_1');
    assert.equal(paper.authors[1]?.affiliation, 'University of Waterloo');
  });

  it('reports an Error entry as an error for that id, not as a paper', () => {
    const feed = parseArxivAtom(readArxivFixture('error.atom.xml'));
    assert.ok(feed.ok);
    assert.deepEqual(feed.entries, []);
    assert.deepEqual(feed.errors, [{ id: '2511.9999x', message: 'incorrect id format for 2511.9999x' }]);
  });

  it('turns malformed XML, or XML that is not a feed, into a clear error without throwing', () => {
    const malformed = parseArxivAtom(readArxivFixture('malformed.atom.xml'));
    assert.equal(malformed.ok, false);
    assert.match(malformed.ok ? '' : malformed.error, /not well-formed XML/);
    for (const text of ['', 'Rate exceeded.', '<html><body>Service unavailable</body></html>', '<feed>', '\u0000\u0001']) {
      const result = parseArxivAtom(text);
      assert.equal(result.ok, false, JSON.stringify(text));
    }
  });

  it('keeps, of an answer, only the entries for the ids asked for', () => {
    const all = fixtureIds();
    assert.ok(all.length >= 3);
    const asked = all.slice(0, 2);
    const kept = entriesAskedFor(asked, entries(atomFeed(all)));
    assert.deepEqual(kept.map((entry) => entry.id), asked);
    assert.deepEqual(entriesAskedFor([], entries(atomFeed(all))), []);
  });

  it('answers an empty feed with no entries', () => {
    assert.deepEqual(entries(atomFeed([])), []);
  });

  it('keeps an entry it cannot validate out, with an error naming it', () => {
    const broken = atomFeed(['2511.18261']).replace(/<title>LLM Reasoning[^<]*<\/title>/, '<title></title>');
    const feed = parseArxivAtom(broken);
    assert.ok(feed.ok);
    assert.deepEqual(feed.entries, []);
    assert.equal(feed.errors[0]?.id, '2511.18261');
  });

  it('reads abstract-page ids, new and old style, with or without a version', () => {
    assert.deepEqual(arxivIdFromAbsUrl('http://arxiv.org/abs/2511.18659v2'), { id: '2511.18659', version: 'v2' });
    assert.deepEqual(arxivIdFromAbsUrl('https://arxiv.org/abs/cs/0112017v1'), { id: 'cs/0112017', version: 'v1' });
    assert.deepEqual(arxivIdFromAbsUrl('http://arxiv.org/abs/0704.0001'), { id: '0704.0001', version: null });
    assert.equal(arxivIdFromAbsUrl('http://arxiv.org/api/errors#incorrect_id_format_for_x'), null);
  });

  it('builds one batched query URL, only for http(s) addresses', () => {
    assert.equal(arxivQueryUrl('https://export.arxiv.org/api/query', ['2511.18659', '2511.18261']), 'https://export.arxiv.org/api/query?id_list=2511.18659,2511.18261&max_results=2');
    assert.equal(arxivQueryUrl('file:///etc/passwd', ['1']), null);
    assert.equal(arxivQueryUrl('not a url', ['1']), null);
  });

  it('lists the primary category first, once; accepts only DOI-shaped DOIs', () => {
    assert.deepEqual(categoriesPrimaryFirst({ categories: ['cs.AI', 'cs.IR'], primaryCategory: 'cs.IR' }), ['cs.IR', 'cs.AI']);
    assert.equal(validDoi(' 10.1145/3626772.3657888 '), '10.1145/3626772.3657888');
    assert.equal(validDoi('javascript:alert(1)'), null);
    assert.equal(validDoi('10.1/x'), null);
    assert.equal(doiUrl('10.1007/978-3-031-00000-0_1'), 'https://doi.org/10.1007/978-3-031-00000-0_1');
  });
});
