// Substack's archive of posts (core/formats/substackArchive.ts): its answers read as feed entries,
// and which page of it to read for a week, from the dates of what is known.
import * as assert from 'node:assert/strict';
import { ARCHIVE_PAGE_POSTS, archiveUrl, firstArchiveOffset, nextArchiveOffset, readArchive } from '../../src/core/formats/substackArchive';
import type { FeedEntry } from '../../src/core/formats/htmlToText';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** A weekly archive: volume `newest` published on `newestDate`, each older volume a week before; the page from `offset`. */
function archivePage(newest: number, newestDate: number, offset: number, count = ARCHIVE_PAGE_POSTS): FeedEntry[] {
  const page: FeedEntry[] = [];
  for (let k = offset; k < offset + count && newest - k >= 1; k++) {
    page.push({ title: `Headline ${newest - k}`, url: `https://news.example/p/vol-${newest - k}`, published: iso(newestDate - k * WEEK), description: `Vol.${newest - k} for a week` });
  }
  return page;
}

describe('Substack archive: reading an answer', () => {
  it('reads title, subtitle, date and address of each post, in order', () => {
    const json = JSON.stringify([
      { id: 1, title: 'Unifying Retrieval and Generation and More!', subtitle: 'Vol.132 for Nov 24 - Nov 30, 2025', post_date: '2025-12-01T08:05:44.000Z', canonical_url: 'https://recsys.substack.com/p/unifying', audience: 'only_paid' },
      { title: 'An older one', subtitle: null, post_date: '2025-11-24T08:00:00.000Z', canonical_url: 'https://recsys.substack.com/p/older' },
    ]);
    assert.deepEqual(readArchive(json), [
      { title: 'Unifying Retrieval and Generation and More!', url: 'https://recsys.substack.com/p/unifying', published: '2025-12-01', description: 'Vol.132 for Nov 24 - Nov 30, 2025' },
      { title: 'An older one', url: 'https://recsys.substack.com/p/older', published: '2025-11-24' },
    ]);
  });

  it('is null for what is not an archive, and leaves out posts it cannot use', () => {
    assert.equal(readArchive('<html>not json</html>'), null);
    assert.equal(readArchive('{"posts": []}'), null);
    assert.equal(readArchive('[[[[[[[[[['.repeat(100_000)), null, 'broken JSON is no archive, and no exception');
    // As deep as an answer of the 2 MB read can be: a list of no posts, and no exception.
    assert.deepEqual(readArchive(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`), []);
    const entries = readArchive(
      JSON.stringify([
        { title: 'No address' },
        { title: 'Script', canonical_url: 'javascript:alert(1)' },
        { title: '', canonical_url: 'https://a.example/p/x' },
        { title: 'x'.repeat(5000), canonical_url: 'https://a.example/p/long' },
        { title: 'Kept', canonical_url: 'https://a.example/p/kept', post_date: 'yesterday' },
      ]),
    );
    assert.deepEqual(entries, [{ title: 'Kept', url: 'https://a.example/p/kept', published: null }]);
  });

  it('keeps at most 50 posts of one answer, and a subtitle of at most one line of 300 characters', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ title: `P${i}`, canonical_url: `https://a.example/p/${i}`, subtitle: `line one\nline two ${'y'.repeat(400)}` }));
    const entries = readArchive(JSON.stringify(many))!;
    assert.equal(entries.length, 50);
    assert.equal(entries[0]!.description!.length, 300);
    assert.ok(!entries[0]!.description!.includes('\n'));
  });

  it('asks the site’s own archive for a page of posts, newest first', () => {
    assert.equal(archiveUrl(new URL('https://recsys.substack.com/feed'), 36), 'https://recsys.substack.com/api/v1/archive?sort=new&offset=36&limit=12');
    assert.equal(archiveUrl(new URL('http://127.0.0.1:8080/feed'), -3), 'http://127.0.0.1:8080/api/v1/archive?sort=new&offset=0&limit=12');
  });
});

describe('Substack archive: which page holds a week’s post', () => {
  const newestDate = Date.parse('2026-03-09');
  const newest = 170;
  /** The week whose post is volume `volume` in the weekly archive above (published at the end of its week). */
  const weekOf = (volume: number): number => newestDate - (newest - volume) * WEEK - WEEK;
  const holds = (page: readonly FeedEntry[], volume: number) => page.some((entry) => entry.description === `Vol.${volume} for a week`);

  for (const volume of [169, 150, 120, 60]) {
    it(`finds Vol.${volume} of a weekly archive in at most three pages, from the feed’s newest date`, () => {
      const start = weekOf(volume);
      let offset = firstArchiveOffset(start, archivePage(newest, newestDate, 0, 20), Date.parse('2026-12-06'));
      let reads = 1;
      let page = archivePage(newest, newestDate, offset);
      while (!holds(page, volume) && reads < 3) {
        const next = nextArchiveOffset(start, offset, page);
        assert.notEqual(next, null, `page at ${offset} does not hold Vol.${volume}, and the next one should be asked`);
        offset = next!;
        page = archivePage(newest, newestDate, offset);
        reads++;
      }
      assert.ok(holds(page, volume), `Vol.${volume} found within ${reads} pages`);
    });
  }

  it('finds it when issues were skipped (fewer posts than weeks), by going back up', () => {
    // Every other week without an issue: the post of a week 40 weeks back is only 20 posts down.
    const sparse = (offset: number): FeedEntry[] =>
      Array.from({ length: ARCHIVE_PAGE_POSTS }, (_, i) => offset + i).map((k) => ({ title: `H${k}`, url: `https://n.example/p/${k}`, published: iso(newestDate - 2 * k * WEEK), description: `Vol.${200 - k} for a week` }));
    const start = newestDate - 40 * WEEK - WEEK;
    let offset = firstArchiveOffset(start, sparse(0), Date.parse('2026-12-06'));
    const target = (page: FeedEntry[]) => page.some((entry) => entry.published === iso(start + WEEK));
    let page = sparse(offset);
    for (let reads = 1; !target(page) && reads < 3; reads++) {
      offset = nextArchiveOffset(start, offset, page)!;
      page = sparse(offset);
    }
    assert.ok(target(page));
  });

  it('stops where the week falls among the page’s posts, where the archive has ended, and on a page without dates', () => {
    const page = archivePage(newest, newestDate, 10);
    const inside = Date.parse(page[5]!.published!) - WEEK + DAY;
    assert.equal(nextArchiveOffset(inside, 10, page), null);
    assert.equal(nextArchiveOffset(inside, 10, []), null);
    assert.equal(nextArchiveOffset(inside, 10, page.map((entry) => ({ ...entry, published: null }))), null);
    // Going down, a page shorter than asked for is the archive's last.
    const last = archivePage(newest, newestDate, 160, 12);
    assert.equal(last.length, 10);
    assert.equal(nextArchiveOffset(newestDate - 400 * WEEK, 160, last), null);
    assert.notEqual(nextArchiveOffset(newestDate - 400 * WEEK, 140, archivePage(newest, newestDate, 140)), null);
    // Already at the top: going further up is not possible.
    assert.equal(nextArchiveOffset(newestDate + 10 * WEEK, 0, archivePage(newest, newestDate, 0)), null);
  });

  it('starts from today when the feed gives no dates', () => {
    const now = Date.parse('2026-03-09');
    assert.equal(firstArchiveOffset(now - 30 * WEEK, [], now), 26);
    assert.equal(firstArchiveOffset(now, [], now), 0);
  });
});
