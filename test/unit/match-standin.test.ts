// The local stand-in for arXiv's search (test/support/arxivSearchLanguage.ts and
// arxivSearchServer.ts): it must read what arXiv's manual documents, refuse what it does not (so
// that a bad query fails a test), filter and order as asked, and answer Atom that the extension's
// parser reads.
import * as assert from 'node:assert/strict';
import { parseArxivAtom } from '../../src/core/formats/arxivAtom';
import { QuerySyntaxError, SearchIndex, parseSearchQuery, type SearchableEntry } from '../support/arxivSearchLanguage';
import { ArxivSearchServer } from '../support/arxivSearchServer';
import { readCorpus, readLabels, slugWords, type CorpusEntry } from '../support/matchCorpus';

function entry(id: string, title: string, summary: string, authors: string[], published: string, categories = ['cs.IR']): SearchableEntry {
  return { id, title, summary, authors: authors.map((name) => ({ name })), published, categories };
}

const SMALL = new SearchIndex([
  entry('2511.00001', 'Cold-Start Recommendation with LLM Reasoning', 'Items without history are hard to recommend.', ['Alex Morgan'], '2025-11-20T10:00:00Z'),
  entry('2511.00002', 'Reasoning About Start States', 'Cold weather and recommendation engines.', ['Wei Liu', 'Ana Ruiz'], '2025-11-02T10:00:00Z', ['cs.AI']),
  entry('2509.00003', 'Cold-start recommendation, again', 'A cold-start recommendation study of cold-start items.', ['Jun Liu'], '2025-09-10T10:00:00Z'),
]);

const ids = (query: string, sortBy: 'relevance' | 'submittedDate' = 'relevance') => SMALL.search(parseSearchQuery(query), sortBy).map((e) => e.id);

describe('stand-in for arXiv search: the query language', () => {
  it('reads every documented form: prefixes, phrases, AND / OR / ANDNOT, parentheses, submittedDate', () => {
    for (const query of [
      'ti:cold',
      'abs:"cold start" AND au:liu',
      'all:recommendation OR ti:reasoning OR cat:cs.AI',
      '(ti:cold OR abs:cold) ANDNOT au:morgan',
      '((ti:a OR ti:b) AND (abs:c OR abs:d)) AND submittedDate:[202510130000 TO 202512012359]',
      'au:"van der berg" AND cat:cs.IR',
    ]) {
      assert.doesNotThrow(() => parseSearchQuery(query), query);
    }
  });

  it('refuses what the manual does not document, or what would be ambiguous, with a reason', () => {
    const refused: [string, RegExp][] = [
      ['ti:cold ti:start', /no operator between them/],
      ['ti:a AND ti:b OR ti:c', /AND and OR mixed without parentheses/],
      ['cold', /expected a field prefix/],
      ['ti:a and ti:b', /expected a field prefix/],
      ['co:preprint', /unsupported field prefix co:/],
      ['jr:sigir', /unsupported field prefix jr:/],
      ['(ti:a OR ti:b', /unbalanced parenthesis/],
      ['ti:a OR ti:b)', /unbalanced parenthesis/],
      ['ti:cold-start', /letters and digits only/],
      ['ti:"cold-start"', /a phrase holds only words/],
      ['ti:"cold start', /unterminated phrase/],
      ['ti:""', /empty phrase/],
      ['ti:', /nothing after ti:/],
      ['ti:a AND', /ends where a term was expected/],
      ['AND ti:a', /AND where a term was expected/],
      ['submittedDate:[20251013 TO 20251201]', /submittedDate must be written/],
      ['submittedDate:[202502300000 TO 202503010000]', /real dates/],
      ['submittedDate:[202512010000 TO 202510130000]', /ends before it starts/],
      ['ti:a\tOR ti:b', /only plain spaces/],
      ['', /empty search_query/],
      ['ti:a OR ti:b:c', /letters and digits only/],
    ];
    for (const [query, reason] of refused) {
      assert.throws(() => parseSearchQuery(query), (error: unknown) => error instanceof QuerySyntaxError && reason.test(error.message), query);
    }
  });

  it('matches words and phrases per field, case and accents folded, and applies AND, OR, ANDNOT and dates', () => {
    assert.deepEqual(ids('ti:"cold start"').sort(), ['2509.00003', '2511.00001']);
    assert.deepEqual(ids('abs:"cold start"'), ['2509.00003'], 'a phrase is words side by side: "Cold weather" does not count');
    assert.deepEqual(ids('au:liu').sort(), ['2509.00003', '2511.00002']);
    assert.deepEqual(ids('au:LIU AND ti:reasoning'), ['2511.00002']);
    assert.deepEqual(ids('ti:cold ANDNOT au:liu'), ['2511.00001']);
    assert.deepEqual(ids('cat:cs.AI'), ['2511.00002']);
    assert.deepEqual(ids('all:morgan'), ['2511.00001'], 'all: includes authors');
    assert.deepEqual(ids('ti:cold AND submittedDate:[202510130000 TO 202512012359]'), ['2511.00001']);
    assert.deepEqual(ids('ti:cold AND submittedDate:[202511201000 TO 202511201000]'), ['2511.00001'], 'both ends are included, to the minute');
    assert.deepEqual(ids('ti:cold AND submittedDate:[202511201001 TO 202511302359]'), []);
    assert.deepEqual(ids('ti:recommendations'), [], 'no stemming: a plural is another word');
  });

  it('orders by relevance (tf-idf: more and rarer words first, then newest) or by date', () => {
    assert.deepEqual(ids('abs:cold OR abs:start OR ti:recommendation'), ['2509.00003', '2511.00001', '2511.00002'], 'the last two tie: newest first');
    assert.deepEqual(ids('abs:cold OR abs:start OR ti:recommendation OR abs:weather'), ['2509.00003', '2511.00002', '2511.00001']);
    assert.deepEqual(ids('ti:cold OR ti:reasoning', 'submittedDate'), ['2511.00001', '2511.00002', '2509.00003']);
  });
});

describe('stand-in for arXiv search: the server', () => {
  let server: ArxivSearchServer;
  let corpus: CorpusEntry[];
  before(async () => {
    corpus = readCorpus();
    server = await ArxivSearchServer.start(corpus);
  });
  after(async () => server.close());
  beforeEach(() => server.reset());

  const get = async (search: string) => {
    const response = await fetch(`${server.url}?${search}`);
    return { status: response.status, body: await response.text() };
  };

  it('answers Atom that parseArxivAtom reads, with the corpus’s ids, titles, authors, affiliations and dates', async () => {
    const { status, body } = await get(`search_query=${encodeURIComponent('ti:clara')}&sortBy=relevance&max_results=5`);
    assert.equal(status, 200);
    assert.match(body, /<opensearch:totalResults [^>]*>1<\/opensearch:totalResults>/);
    const feed = parseArxivAtom(body);
    assert.ok(feed.ok);
    assert.deepEqual(feed.errors, []);
    const [clara] = feed.entries;
    const source = corpus.find((e) => e.id === '2511.18659')!;
    assert.equal(clara?.id, '2511.18659');
    assert.equal(clara.version, 'v2');
    assert.equal(clara.title, source.title);
    assert.equal(clara.summary, source.summary);
    assert.equal(clara.published, source.published);
    assert.deepEqual(clara.authors[0], { name: 'Jordan Ellis', affiliation: 'Apple' });
    assert.equal(clara.comment, source.comment);
    assert.deepEqual(clara.categories, source.categories);
  });

  it('honours max_results and start, and counts every match in totalResults', async () => {
    const query = encodeURIComponent('abs:retrieval AND submittedDate:[202510130000 TO 202512012359]');
    const all = parseArxivAtom((await get(`search_query=${query}&max_results=100`)).body);
    const page = await get(`search_query=${query}&start=2&max_results=3`);
    const second = parseArxivAtom(page.body);
    assert.ok(all.ok && second.ok);
    assert.ok(all.entries.length > 5);
    assert.deepEqual(second.entries.map((e) => e.id), all.entries.slice(2, 5).map((e) => e.id));
    assert.match(page.body, new RegExp(`<opensearch:totalResults [^>]*>${all.entries.length}</opensearch:totalResults>`));
    const defaults = parseArxivAtom((await get(`search_query=${query}`)).body);
    assert.ok(defaults.ok);
    assert.equal(defaults.entries.length, 10, 'arXiv’s default is 10');
  });

  it('answers a look-up by ids (the panel’s) with the corpus’s entries for them', async () => {
    const answer = await get('id_list=2511.18659,9999.99999');
    assert.equal(answer.status, 200);
    const feed = parseArxivAtom(answer.body);
    assert.ok(feed.ok);
    assert.deepEqual(feed.entries.map((entry) => entry.id), ['2511.18659']);
  });

  it('refuses a malformed query or parameter with HTTP 400 and an Error entry, and records every request', async () => {
    const bad = await get(`search_query=${encodeURIComponent('ti:cold ti:start')}`);
    assert.equal(bad.status, 400);
    const feed = parseArxivAtom(bad.body);
    assert.ok(feed.ok);
    assert.equal(feed.entries.length, 0);
    assert.match(feed.errors[0]?.message ?? '', /no operator between them/);
    assert.equal((await get('search_query=ti:a&max_results=abc')).status, 400);
    assert.equal((await get('search_query=ti:a&max_results=2001')).status, 400);
    assert.equal((await get('search_query=ti:a&sortBy=popularity')).status, 400);
    assert.equal((await get('search_query=ti:a&foo=1')).status, 400);
    assert.equal((await get('search_query=ti:a&search_query=ti:b')).status, 400);
    assert.deepEqual(server.requests.map((r) => r.status), [400, 400, 400, 400, 400, 400]);
    assert.equal(server.requests[0]?.query, 'ti:cold ti:start');
    assert.ok(server.requests.every((r, i) => i === 0 || r.at >= server.requests[i - 1]!.at));
  });
});

describe('matching fixtures', () => {
  const corpus = readCorpus();
  const sets = readLabels();

  it('hold each id once, dates consistent with ids, and every labelled paper', () => {
    assert.equal(new Set(corpus.map((e) => e.id)).size, corpus.length);
    for (const e of corpus) {
      const [, yy, mm] = /^(\d{2})(\d{2})\./.exec(e.id)!;
      assert.equal(e.published.slice(2, 7), `${yy}-${mm}`, `${e.id} published ${e.published}`);
      assert.ok(e.updated >= e.published, e.id);
    }
    for (const set of sets) for (const paper of set.papers) if (paper.expected) assert.ok(corpus.some((e) => e.id === paper.expected), paper.expected);
    const vol132 = sets.find((s) => s.name === 'vol-132')!;
    assert.equal(vol132.papers.length, 10);
    assert.ok(sets.some((s) => s.papers.some((p) => p.expected === null)), 'a paper not on arXiv');
    const window = corpus.filter((e) => e.role === 'distractor' && e.published >= '2025-10-13' && e.published <= '2025-12-01T23:59');
    assert.ok(window.length >= 30, `${window.length} distractors in Vol.132's weeks`);
  });

  it('give hints that are the slugs of the real titles, one with its digits lost', () => {
    for (const set of sets) {
      for (const paper of set.papers) {
        const slug = slugWords(paper.realTitle);
        const expected = paper.hintLostDigits ? slug.replace(/\d/g, '').replace(/\s+/g, ' ').trim() : slug;
        assert.equal(paper.hint, expected, paper.realTitle);
      }
    }
    assert.ok(sets.some((s) => s.papers.some((p) => p.hintLostDigits)));
  });
});
