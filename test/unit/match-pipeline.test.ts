// The whole matching pipeline on the labelled contents lines (test/fixtures/match): searchQueries
// -> the local stand-in for arXiv's search -> rankCandidates, through matchPaper, as
// `npm run bench:match` runs it. Behaviour only, no timing: no wrong paper is ever accepted, no
// query is refused, at most two searches a paper (and the pages of at most five papers on offer),
// one at a time; with title hints 9 of Vol.132's
// 10 or more are matched; without them every paper on arXiv is at least offered to the reader.
import * as assert from 'node:assert/strict';
import { matchPaper } from '../../src/core/match/matchPaper';
import { RequestThrottle } from '../../src/core/net/requestThrottle';
import { ArxivSearchServer } from '../support/arxivSearchServer';
import { readCorpus, readLabels, requestFor, type LabelledSet } from '../support/matchCorpus';
import { count, getPage, getText, runSet, type Mode, type PaperResult } from '../support/matchEvaluation';

const WITHOUT_HINTS: Mode = { name: 'without hints', hints: false, week: true };
const WITH_HINTS: Mode = { name: 'with hints', hints: true, week: true };
const NO_WEEK: Mode = { name: 'without hints, week unknown', hints: false, week: false };
const HINTS_NO_WEEK: Mode = { name: 'with hints, week unknown', hints: true, week: false };
const TOGETHER: Mode = { name: 'without hints, lines together', hints: false, week: true, together: true };

describe('matching contents lines to arXiv papers (stand-in search, labelled sets)', function () {
  this.timeout(60_000);
  let server: ArxivSearchServer;
  const sets = readLabels();
  const vol132 = sets.find((set) => set.name === 'vol-132')!;
  const results = new Map<string, PaperResult[]>();
  const run = async (set: LabelledSet, mode: Mode): Promise<PaperResult[]> => {
    const key = `${set.name}/${mode.name}`;
    if (!results.has(key)) results.set(key, await runSet(server, set, mode));
    return results.get(key)!;
  };
  const describeWrong = (list: readonly PaperResult[]) =>
    list.filter((r) => r.outcome === 'wrong').map((r) => `${r.paper.contentsTitle} -> ${r.match.decision.kind === 'accepted' ? r.match.decision.best.id : '?'} (expected ${r.paper.expected})`).join('; ');

  before(async () => {
    server = await ArxivSearchServer.start(readCorpus());
  });
  after(async () => server.close());

  for (const mode of [WITHOUT_HINTS, WITH_HINTS, NO_WEEK, HINTS_NO_WEEK, TOGETHER]) {
    it(`accepts no wrong paper, on any set, ${mode.name}; every query is read, at most two a paper`, async () => {
      for (const set of sets) {
        server.reset();
        const list = await run(set, mode);
        assert.equal(count(list, 'wrong'), 0, `${set.name}: ${describeWrong(list)}`);
        assert.deepEqual(server.requests.filter((r) => r.query !== null && r.status !== 200).map((r) => r.query), [], 'refused queries');
        for (const result of list) {
          const searches = result.match.urls.length;
          const pages = result.match.pageUrls.length;
          assert.ok(searches >= 1 && searches <= 2, `${result.paper.contentsTitle}: ${searches} searches`);
          assert.ok(pages <= 5, `${result.paper.contentsTitle}: ${pages} pages`);
          assert.equal(result.requests, searches + pages, `${result.paper.contentsTitle}: requests the server saw`);
          // Pages are read only for a line naming an organisation that the searches left undecided.
          if (pages > 0) assert.ok(result.paper.org !== null && !/et al\.?$/.test(result.paper.org), `${result.paper.contentsTitle}: pages for ${result.paper.org}`);
          assert.deepEqual(result.match.errors, []);
          if (result.paper.expected === null) assert.notEqual(result.match.decision.kind, 'accepted', `${result.paper.contentsTitle} is not on arXiv`);
        }
      }
    });
  }

  it('with title hints, matches at least 9 of Vol.132’s 10, and every paper on arXiv of the made-up issue', async () => {
    const list = await run(vol132, WITH_HINTS);
    assert.ok(count(list, 'right') >= 9, `${count(list, 'right')}/10 right`);
    for (const set of sets.filter((s) => s !== vol132)) {
      const other = await run(set, WITH_HINTS);
      assert.equal(count(other, 'right'), set.papers.filter((p) => p.expected !== null).length, set.name);
    }
  });

  it('without hints, takes the papers the evidence supports and offers every other paper on arXiv to the reader', async () => {
    // The goal was 9/10 accepted without hints; on this corpus the rule accepts 8 and offers the
    // other 2 (see bench/match.bench.ts): the floor below keeps that from getting worse.
    const list = await run(vol132, WITHOUT_HINTS);
    assert.ok(count(list, 'right') >= 8, `${count(list, 'right')}/10 right`);
    for (const set of sets) {
      for (const result of await run(set, WITHOUT_HINTS)) {
        if (result.paper.expected !== null) assert.ok(result.outcome === 'right' || result.outcome === 'reader', `${result.paper.contentsTitle}: ${result.outcome}`);
      }
    }
  });

  it('reads the pages of the papers on offer for their affiliations, and takes the one the organisation settles', async () => {
    // "…, from the University of Waterloo": two query-expansion papers of the same week are a
    // near-tie on words; the authors' affiliations on their pages settle it.
    const waterloo = vol132.papers.find((paper) => paper.org === 'the University of Waterloo')!;
    const request = requestFor(vol132, waterloo, false);
    server.reset();
    const searchOnly = await matchPaper(request, server.url, getText);
    assert.equal(searchOnly.decision.kind, 'possible', 'the searches alone leave it to the reader');
    assert.deepEqual(searchOnly.pageUrls, []);
    const pagesRead: string[] = [];
    const withPages = await matchPaper(request, server.url, getText, undefined, undefined, {
      pagesUrl: server.pagesUrl,
      get: async (url) => {
        pagesRead.push(url);
        return getPage(url);
      },
    });
    assert.equal(withPages.decision.kind === 'accepted' ? withPages.decision.best.id : null, waterloo.expected);
    assert.equal(withPages.decision.kind === 'accepted' ? withPages.decision.best.byAffiliation : null, true, 'the match says its authors’ affiliations decided it');
    const acceptedBySearch = (await matchPaper(requestFor(vol132, vol132.papers[0]!, false), server.url, getText)).decision;
    assert.equal(acceptedBySearch.kind === 'accepted' ? acceptedBySearch.best.byAffiliation : 'not accepted', undefined, 'a match on words alone does not');
    assert.deepEqual(withPages.pageUrls, pagesRead);
    assert.ok(pagesRead.every((url) => url.startsWith(`${server.pagesUrl}/html/`)), pagesRead.join(', '));
    assert.ok(withPages.authorBlocks.get(waterloo.expected!)?.includes('University of Waterloo'));
    // A page that cannot be read ends the reading, and the searches' own decision stands.
    const failing = await matchPaper(request, server.url, getText, undefined, undefined, { pagesUrl: server.pagesUrl, get: () => Promise.reject(new Error('offline')) });
    assert.equal(failing.decision.kind, 'possible');
    assert.deepEqual(failing.errors, ['offline']);
    assert.equal(failing.pageUrls.length, 1);
    // An address on the internet over plain http is refused, with a sentence, and nothing is asked.
    const refused = await matchPaper(request, server.url, getText, undefined, undefined, { pagesUrl: 'http://arxiv.example.org', get: () => assert.fail('a page was asked for') });
    assert.equal(refused.decision.kind, 'possible');
    assert.deepEqual(refused.errors, ['the arXiv pages address (weeklyPapers.arxivPagesUrl) is not an https:// address (http:// only for 127.0.0.1 or localhost), so no page was read: http://arxiv.example.org']);
  });

  it('never takes or offers a record the issue’s other papers hold, and asks further when the first answer had only those', async () => {
    server.reset();
    const clara = vol132.papers[0]!;
    // Five results a query, so that the first answer is cut short and the second may add to it.
    const outcome = await matchPaper(requestFor(vol132, clara, false), server.url, getText, 5, new Set([clara.expected!]));
    assert.notEqual(outcome.decision.kind, 'accepted');
    assert.ok(!outcome.entries.some((entry) => entry.id === clara.expected));
    assert.equal(server.requests.length, 2, 'without its best record the first answer was not enough');
  });

  it('does not ask for the organisation’s papers among an answer that came back whole, and does when it was cut short', async () => {
    const inception = vol132.papers.find((paper) => paper.org === 'Inception AI')!;
    server.reset();
    const whole = await matchPaper(requestFor(vol132, inception, false), server.url, getText);
    assert.notEqual(whole.decision.kind, 'accepted', 'the first answer was not enough (the precondition)');
    assert.equal(server.requests.length, 1, 'the second query narrows the first, whose every result is in hand');
    server.reset();
    await matchPaper(requestFor(vol132, inception, false), server.url, getText, 5);
    assert.equal(server.requests.length, 2, 'five results of more: the narrower query may find others');
  });

  it('asks one request at a time, spaced by the throttle the caller gives it, and stops after an accepted answer', async () => {
    server.reset();
    const throttle = new RequestThrottle(40);
    const get = (url: string) => throttle.run(() => getText(url));
    const clara = vol132.papers[0]!;
    const outcome = await matchPaper(requestFor(vol132, clara, false), server.url, get);
    assert.equal(outcome.decision.kind === 'accepted' && outcome.decision.best.id, clara.expected);
    assert.equal(server.requests.length, 1, 'the first answer was enough');
    const liu = vol132.papers[2]!;
    await matchPaper(requestFor(vol132, liu, false), server.url, get);
    assert.equal(server.requests.length, 3, 'a search narrowed to a surname is always followed by the one without it');
    const gaps = server.requests.slice(1).map((r, i) => r.at - server.requests[i]!.at);
    assert.ok(gaps.every((gap) => gap >= 35), `gaps ${gaps.join(', ')} ms`);
  });
});
