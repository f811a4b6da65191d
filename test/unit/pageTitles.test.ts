import * as assert from 'node:assert/strict';
import { IssueLibrary } from '../../src/core/model/library';
import { feedEntriesFor, loadPageTitles, MAX_STORED_VOLUMES, pageTitlesOf, savePageTitles, wantsPageTitles } from '../../src/core/model/pageTitles';
import { contentsLineKey } from '../../src/core/model/titleHints';
import { readFeed, type FeedEntry } from '../../src/core/formats/htmlToText';
import type { Issue } from '../../src/core/model/model';
import { parseIssueText } from '../../src/core/parse/parse';
import { readFixture } from './helpers/fixtures';

const ANCHORS = / https:\/\/recsys\.substack\.com\/i\/\S+?(?=, from)/g;
const anchored = (): Issue => parseIssueText(readFixture('paywall/vol-132-contents-anchors.txt')).issues[0]!;
/** The same cut-off issue as pasted web text or the e-mail has it: contents lines without anchors. */
const plain = (): Issue => parseIssueText(readFixture('paywall/vol-132-contents-anchors.txt').replace(ANCHORS, '')).issues[0]!;
const source = (id: string) => ({ id, label: id, bundled: false });

describe('real titles from the newsletter’s site (pageTitles)', () => {
  it('wants them for an issue whose papers would be searched by rewritten titles alone', () => {
    assert.equal(wantsPageTitles(plain()), true);
    assert.equal(wantsPageTitles(anchored()), false, 'every contents line has its anchor');
    assert.equal(wantsPageTitles(parseIssueText(readFixture('../../media/sample/vol-132.txt')).issues[0]!), false, 'the full issue links every paper');
    assert.equal(wantsPageTitles({ ...plain(), volume: null }), false, 'no volume: nothing to look up by');
  });

  it('reads a page’s contents lines and their real titles, and the library lends them to the copy it shows', () => {
    const titles = pageTitlesOf(anchored());
    assert.equal(titles.size, 10);
    assert.equal(titles.get(contentsLineKey('Reasoning-Driven Cold-Start Recommendation with LLMs')), 'llm reasoning for cold start item recommendation');
    assert.equal(pageTitlesOf(plain()).size, 0, 'a copy without anchors gives none');

    const library = new IssueLibrary();
    library.set({ source: source('a'), issues: [plain()], diagnostics: [] });
    assert.ok(library.issues()[0]!.issue.papers.every((paper) => paper.titleHint === null));
    library.setPageTitles((volume) => (volume === 132 ? titles : undefined));
    assert.deepEqual(
      library.issues()[0]!.issue.papers.map((paper) => paper.titleHint),
      anchored().papers.map((paper) => paper.titleHint),
    );
    assert.equal(library.findPaper('vol132:#2')[0]?.entry.issue.papers[1]?.titleHint, 'llm reasoning for cold start item recommendation');
  });

  it('lends nothing for a line two papers of the copy share, or that a copy names differently', () => {
    const titles = pageTitlesOf(anchored());
    const base = plain();
    const twice: Issue = { ...base, papers: base.papers.map((paper, i) => (i === 3 ? { ...paper, shortTitle: base.papers[2]!.shortTitle } : paper)) };
    const other = anchored();
    const disagreeing: Issue = { ...other, papers: other.papers.map((paper, i) => (i === 4 ? { ...paper, titleHint: 'another title' } : paper)) };
    const library = new IssueLibrary();
    library.set({ source: source('a'), issues: [twice], diagnostics: [] });
    library.set({ source: source('b'), issues: [disagreeing], diagnostics: [] });
    library.setPageTitles(() => titles);
    const hints = library.issues()[0]!.issue.papers.map((paper) => paper.titleHint);
    assert.equal(library.issues()[0]!.source.id, 'a');
    assert.equal(hints[2], null);
    assert.equal(hints[3], null);
    assert.equal(hints[4], null, 'the page and a copy disagree on line 5');
    assert.equal(hints[5], other.papers[5]!.titleHint);
  });

  describe('which feed entries may be the issue’s post', () => {
    const feed = readFeed(readFixture('html/feed.xml'))!;
    const entry = (title: string, published: string | null, description?: string): FeedEntry => ({ title, url: `https://recsys.substack.com/p/${title.length}`, published, ...(description ? { description } : {}) });

    it('takes the entry that names the volume first', () => {
      assert.deepEqual(feedEntriesFor(plain(), feed).map((e) => e.url), ['https://recsys.substack.com/p/unifying-retrieval-and-generation']);
    });

    it('never takes an entry that names another volume, even with the issue’s headline and week', () => {
      const issue = plain();
      const wrong = entry(issue.title!, '2025-12-01', 'Vol.133 for Dec 1 - Dec 7, 2025');
      assert.deepEqual(feedEntriesFor(issue, [wrong]), []);
    });

    it('takes an entry by its headline or by a date in the week or the week after, headline first, two at most', () => {
      const issue = plain();
      const byDate = entry('Something else', '2025-12-03');
      const byHeadline = entry(issue.title!, null);
      const late = entry('Much later', '2026-01-20');
      const early = entry('Before the week', '2025-11-20');
      assert.deepEqual(feedEntriesFor(issue, [late, byDate, early, byHeadline]), [byHeadline, byDate]);
      assert.deepEqual(feedEntriesFor({ ...issue, volume: null }, [byHeadline]), [], 'an issue without a volume cannot be checked');
    });
  });

  describe('what is stored', () => {
    it('reads back what it saved, and nothing from a damaged or oversized value', () => {
      const found = new Map([[132, pageTitlesOf(anchored())]]);
      const missing = new Map([[7, 1_700_000_000_000]]);
      const back = loadPageTitles(JSON.parse(JSON.stringify(savePageTitles({ found, missing }))));
      assert.deepEqual([...back.found.get(132)!], [...found.get(132)!]);
      assert.deepEqual([...back.missing], [...missing]);
      for (const damaged of [undefined, null, 'x', { version: 2, found: [], missing: [] }, { version: 1, found: [[132, [['a', 42]]]], missing: [] }, { version: 1, found: [[132, [['x'.repeat(401), 'y']]]], missing: [] }]) {
        const read = loadPageTitles(damaged);
        assert.equal(read.found.size + read.missing.size, 0, JSON.stringify(damaged)?.slice(0, 80));
      }
      const many = { version: 1, found: [], missing: Array.from({ length: MAX_STORED_VOLUMES + 1 }, (_, i) => [i, 0]) };
      assert.equal(loadPageTitles(many).missing.size, 0, 'more volumes than are ever saved');
    });

    it('keeps the newest volumes when there are more than it stores', () => {
      const missing = new Map(Array.from({ length: MAX_STORED_VOLUMES + 50 }, (_, i) => [i + 1, 0] as [number, number]));
      const saved = savePageTitles({ found: new Map(), missing });
      assert.equal(saved.missing.length, MAX_STORED_VOLUMES);
      assert.equal(saved.missing[0]![0], MAX_STORED_VOLUMES + 50);
      assert.equal(loadPageTitles(saved).missing.size, MAX_STORED_VOLUMES);
    });
  });
});
