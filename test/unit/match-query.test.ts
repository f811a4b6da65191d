// What is asked of arXiv's search for one contents line (src/core/match/arxivSearchQuery.ts):
// only forms arXiv's API manual documents, every operator written out, the weeks as a
// submittedDate range, the surname as au: without letting it hide the paper, the hint first.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  arxivSearchUrl, authorSurname, dateClause, hintWords, searchQueries, searchWindow, titleTerms, type MatchRequest,
} from '../../src/core/match/arxivSearchQuery';
import { parseSearchQuery, type QueryNode } from '../support/arxivSearchLanguage';
import { readLabels, requestFor } from '../support/matchCorpus';

const WEEK = { weekStart: '2025-11-24', weekEnd: '2025-11-30' } as const;

function request(contentsTitle: string, org: string | null, extra: Partial<MatchRequest> = {}): MatchRequest {
  return { contentsTitle, titleHint: null, org, ...WEEK, ...extra };
}

/** Checks a query without the stand-in's parser: characters, parentheses, operators between every two terms. */
function assertWellFormed(query: string): void {
  assert.match(query, /^[a-z0-9 ():"[\]A-Z]+$/, `stray characters in ${query}`);
  let depth = 0;
  for (const c of query) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    assert.ok(depth >= 0, `a parenthesis closes before it opens: ${query}`);
  }
  assert.equal(depth, 0, `unbalanced parentheses: ${query}`);
  assert.equal((query.match(/"/g) ?? []).length % 2, 0, `unbalanced quotes: ${query}`);
  // Between two terms (prefix:word, prefix:"phrase", a date, a closing parenthesis) there is always an operator.
  const operand = String.raw`(?:(?:ti|abs|au|all|cat):(?:"[^"]*"|[^ ()"]+)|submittedDate:\[\d{12} TO \d{12}\]|\))`;
  assert.doesNotMatch(query, new RegExp(`${operand} (?!AND |OR |ANDNOT |\\))`), `two terms without an operator: ${query}`);
  parseSearchQuery(query); // the stand-in's strict parser agrees
}

function terms(node: QueryNode): string[] {
  if (node.kind === 'term') return [`${node.field}:${node.words.join(' ')}`];
  if (node.kind === 'date') return [`date:${node.from}-${node.to}`];
  return [...terms(node.left), ...terms(node.right)];
}

describe('arXiv search queries for a contents line', () => {
  it('reads the surname from "X et al." and "X and Y", and nothing from an organisation', () => {
    assert.equal(authorSurname('Liu et al.'), 'Liu');
    assert.equal(authorSurname('Wang et al'), 'Wang');
    assert.equal(authorSurname('Liu and Wang'), 'Liu');
    assert.equal(authorSurname('Liu & Wang'), 'Liu');
    assert.equal(authorSurname('van der Berg et al.'), 'van der Berg');
    assert.equal(authorSurname('Ahmed Karim et al.'), 'Karim');
    assert.equal(authorSurname('Müller et al.'), 'Müller');
    for (const org of ['Apple', 'the University of Waterloo', 'Inception AI', 'Mila and McGill University', 'the University of Amsterdam and Google', '', null]) {
      assert.equal(authorSurname(org), null, String(org));
    }
  });

  it('searches from six weeks before the week to the day after it, to the minute, in UTC', () => {
    assert.equal(dateClause(WEEK), 'submittedDate:[202510130000 TO 202512012359]');
    assert.equal(dateClause({ weekStart: '2025-12-29', weekEnd: '2026-01-04' }), 'submittedDate:[202511170000 TO 202601052359]');
    assert.equal(dateClause({ weekStart: null, weekEnd: '2025-11-30' }), 'submittedDate:[202510190000 TO 202512012359]');
    assert.equal(dateClause({ weekStart: null, weekEnd: null }), null);
    assert.equal(dateClause({ weekStart: '2025-02-30', weekEnd: null }), null, 'an impossible date is no date');
    const window = searchWindow(WEEK);
    assert.equal(window?.from.toISOString(), '2025-10-13T00:00:00.000Z');
    assert.equal(window?.to.toISOString(), '2025-12-01T23:59:00.000Z');
  });

  it('writes every query so that arXiv’s documented syntax reads it, for every labelled line, with and without hint and week', () => {
    let checked = 0;
    for (const set of readLabels()) {
      for (const paper of set.papers) {
        for (const [hints, week] of [[false, true], [true, true], [false, false], [true, false]] as const) {
          const queries = searchQueries(requestFor(set, paper, hints, week));
          assert.ok(queries.length >= 1 && queries.length <= 2, `${paper.contentsTitle}: ${queries.length} queries`);
          assert.equal(new Set(queries).size, queries.length, 'no query twice');
          for (const query of queries) {
            assertWellFormed(query);
            assert.equal(query.includes('submittedDate:['), week, query);
            checked++;
          }
        }
      }
    }
    assert.ok(checked >= 60);
  });

  it('asks for the contents line’s words in titles and abstracts, phrases for hyphenated words, singulars beside plurals', () => {
    const [query] = searchQueries(request('Accelerating Vector Database Retrieval Through Adaptive Multi-Resolution Indexing', null));
    assert.ok(query);
    assert.equal(
      query,
      '(ti:accelerating OR abs:accelerating OR ti:vector OR abs:vector OR ti:database OR abs:database OR ti:retrieval OR abs:retrieval OR ' +
        'ti:adaptive OR abs:adaptive OR ti:"multi resolution" OR abs:"multi resolution" OR ti:indexing OR abs:indexing) AND submittedDate:[202510130000 TO 202512012359]',
    );
    const plural = titleTerms('Decoder-Only Rerankers for LLMs');
    assert.deepEqual(plural.map((t) => [t.text, t.variants]), [['"decoder only"', []], ['rerankers', ['reranker']], ['llms', ['llm']]]);
  });

  it('drops stop words and bare numbers, folds R²R and accents, and keeps no character that would break a query', () => {
    const hostile = 'Why "Attention": (Is) All? You [Need] — AND/OR NOT, ANDNOT: R²R for Über-Résumé 2025 tasks\\ti:x';
    const queries = searchQueries(request(hostile, 'Apple'));
    assert.ok(queries.length > 0);
    for (const query of queries) assertWellFormed(query);
    const words = terms(parseSearchQuery(queries[0]!));
    assert.ok(words.includes('ti:r2r'), words.join(' '));
    assert.ok(words.includes('ti:uber resume'), words.join(' '));
    assert.ok(words.includes('all:apple'));
    for (const dropped of ['ti:why', 'ti:is', 'ti:and', 'ti:or', 'ti:not', 'ti:andnot', 'ti:2025', 'ti:you']) assert.ok(!words.includes(dropped), dropped);
    assert.deepEqual(searchQueries(request('The And Of, For: To', null)), [], 'nothing to search for');
  });

  it('writes any title, however odd, as a query the documented syntax reads (property)', () => {
    const alphabet = 'aB9 -:()"[]\\/&,.?!²’éAND OR+*~^ \u00a0\t';
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 80 }), fc.option(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 40 })), fc.constantFrom('Apple', 'Liu et al.', null), (title, hint, org) => {
        for (const query of searchQueries(request(title, org, { titleHint: hint }))) assertWellFormed(query);
      }),
      { numRuns: 300 },
    );
  });

  it('with a surname, first asks for it as author, then the same without it, so a wrong surname cannot hide the paper', () => {
    const queries = searchQueries(request('Accelerating Vector Database Retrieval', 'Liu et al.'));
    assert.equal(queries.length, 2);
    assert.match(queries[0]!, /^au:liu AND \(/);
    assert.ok(!queries[1]!.includes('au:'));
    assert.equal(queries[0]!.replace('au:liu AND ', ''), queries[1]);
    const multi = searchQueries(request('Dense Retrieval', 'van der Berg et al.'));
    assert.match(multi[0]!, /^au:"van der berg" AND /);
  });

  it('asks for an organisation beside the words, never requires it in the first query; the second requires it', () => {
    const queries = searchQueries(request('A Lightweight End-to-End Model for Structured Document Understanding', 'NVIDIA'));
    assert.equal(queries.length, 2);
    const first = terms(parseSearchQuery(queries[0]!));
    assert.ok(first.includes('all:nvidia'));
    assert.match(queries[0]!, /^\(ti:lightweight OR .* OR all:nvidia\) AND submittedDate:/);
    assert.match(queries[1]!, /^all:nvidia AND \(ti:lightweight OR /);
    assert.deepEqual(terms(parseSearchQuery(searchQueries(request('Feedback Models', 'the University of Waterloo'))[0]!)).filter((t) => t.startsWith('all:')), ['all:waterloo']);
  });

  it('puts the title hint first, as title words, and keeps the contents line as the fallback', () => {
    const queries = searchQueries(request('Latent Semantic Routing for Decoder-Only Rerankers', 'Wang et al.', { titleHint: 'rr a route to rerank post training framework for multi domain decoder only rerankers' }));
    assert.equal(queries.length, 2);
    assert.equal(queries[0], '(ti:rr OR ti:route OR ti:rerank OR ti:post OR ti:training OR ti:framework OR ti:multi OR ti:domain OR ti:decoder OR ti:rerankers) AND submittedDate:[202510130000 TO 202512012359]');
    assert.match(queries[1]!, /^au:wang AND \(ti:latent OR /);
    assert.deepEqual(hintWords('jina embeddings v universal embeddings 3'), ['jina', 'embeddings', 'universal']);
  });

  it('builds the search URL arXiv documents: encoded query, relevance order, at most 50 results, http(s) only', () => {
    const query = '(ti:"cold start" OR abs:llm) AND submittedDate:[202510130000 TO 202512012359]';
    const url = arxivSearchUrl('https://export.arxiv.org/api/query', query, 25);
    assert.equal(
      url,
      'https://export.arxiv.org/api/query?search_query=%28ti:%22cold+start%22+OR+abs:llm%29+AND+submittedDate:%5B202510130000+TO+202512012359%5D&sortBy=relevance&max_results=25',
    );
    assert.equal(new URL(url).searchParams.get('search_query'), query);
    assert.match(arxivSearchUrl('http://127.0.0.1:9/api/query', query, 500)!, /&max_results=50$/);
    assert.match(arxivSearchUrl('http://127.0.0.1:9/api/query', query, 0)!, /&max_results=1$/);
    assert.match(arxivSearchUrl('http://127.0.0.1:9/api/query', query, Number.NaN)!, /&max_results=1$/);
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'not a url', '']) assert.equal(arxivSearchUrl(bad, query, 10), null, bad);
  });
});
