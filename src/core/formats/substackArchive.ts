// Substack's archive of a publication's posts: `GET <site>/api/v1/archive?sort=new&offset=N&limit=M`
// answers a JSON array of posts, newest first, each with its title, subtitle (this newsletter's is
// `Vol.132 for ...`), date and address. The feed lists only the newest twenty posts; the archive
// reaches every back issue, so that an old paywalled issue pasted as text finds its post too.
// Which page of the archive to read is worked out from dates: the newsletter is weekly, so the
// post of a week some weeks back is about that many posts down. Pure: no I/O.
import * as z from 'zod';
import { MAX_FEED_DESCRIPTION, webAddress, type FeedEntry } from './htmlToText';

/** Posts asked for per request: Substack answers at most twelve, whatever `limit` says. */
export const ARCHIVE_PAGE_POSTS = 12;
/** Posts read from one answer at most (twelve are asked for): the rest of a longer answer is left. */
const MAX_POSTS = 50;
/** The longest title or address kept; a post's are far shorter. */
const MAX_FIELD_CHARS = 2048;

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** A post goes out during its week or within a week after it (as feedEntriesFor reads dates). */
const PUBLISHED_AFTER_WEEK_DAYS = 8;

const Post = z.object({
  title: z.string().min(1).max(MAX_FIELD_CHARS),
  subtitle: z.string().max(MAX_FIELD_CHARS).nullish(),
  post_date: z.string().max(64).nullish(),
  canonical_url: z.string().min(1).max(MAX_FIELD_CHARS),
});

/** The archive's address for the posts from `offset` on. */
export function archiveUrl(site: URL, offset: number): string {
  const url = new URL('/api/v1/archive', site.origin);
  url.searchParams.set('sort', 'new');
  url.searchParams.set('offset', String(Math.max(0, Math.floor(offset))));
  url.searchParams.set('limit', String(ARCHIVE_PAGE_POSTS));
  return url.toString();
}

/**
 * An answer of the archive as feed entries, in its order (newest first); null when it is not an
 * archive (not JSON, or not an array). A post without a title or an http(s) address is left out.
 */
export function readArchive(json: string): FeedEntry[] | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(value)) return null;
  const entries: FeedEntry[] = [];
  for (const item of value.slice(0, MAX_POSTS)) {
    const post = Post.safeParse(item);
    // The same check as a feed's links (readFeed): http(s), no space or markup.
    const url = post.success ? webAddress(post.data.canonical_url) : null;
    if (!post.success || url === null) continue;
    const { title, subtitle, post_date: date } = post.data;
    const published = date && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : null;
    const description = subtitle ? subtitle.replace(/\s+/g, ' ').trim().slice(0, MAX_FEED_DESCRIPTION) : undefined;
    entries.push({ title: title.replace(/\s+/g, ' ').trim(), url, published, ...(description ? { description } : {}) });
  }
  return entries;
}

/** When the post of the week starting `weekStart` (ms) most likely went out: at the end of its week. */
function expectedPost(weekStart: number): number {
  return weekStart + WEEK_MS;
}

/** The dates of entries that have one, in ms. */
function datesOf(entries: readonly FeedEntry[]): number[] {
  return entries.map((entry) => (entry.published === null ? NaN : Date.parse(entry.published))).filter((when) => !Number.isNaN(when));
}

/**
 * Posts per week, as the dates of a run of consecutive posts show (one a week for a weekly
 * newsletter; fewer where weeks were skipped, more where other posts came between); one a week
 * when they do not tell.
 */
function postsPerWeek(dates: readonly number[]): number {
  if (dates.length < 2) return 1;
  const span = (Math.max(...dates) - Math.min(...dates)) / WEEK_MS;
  if (span <= 0) return 1;
  return Math.min(10, Math.max(0.1, (dates.length - 1) / span));
}

/**
 * Where to start reading the archive for the week starting `weekStart`: as many posts down as
 * weeks have passed since then, counted from the newest post known (the feed's, else today) at the
 * rate the feed's posts came, less a few.
 */
export function firstArchiveOffset(weekStart: number, newest: readonly FeedEntry[], now: number): number {
  const dates = datesOf(newest);
  const from = dates.length > 0 ? Math.max(...dates) : now;
  return Math.max(0, Math.floor(((from - expectedPost(weekStart)) / WEEK_MS) * postsPerWeek(dates)) - 3);
}

/**
 * Where to read next after the page at `offset` held no post of the week starting `weekStart`:
 * further down when all its posts are newer than the week, further up when all are older, by as
 * many posts as the weeks between come to at the page's own rate; null when the week falls among
 * them (its post is not there), when the archive has ended (a page shorter than asked for, going
 * down), or when the page has no dates.
 */
export function nextArchiveOffset(weekStart: number, offset: number, page: readonly FeedEntry[]): number | null {
  const dates = datesOf(page);
  if (page.length === 0 || dates.length === 0) return null;
  const newest = Math.max(...dates);
  const oldest = Math.min(...dates);
  const rate = postsPerWeek(dates);
  const latest = weekStart + (7 + PUBLISHED_AFTER_WEEK_DAYS) * DAY_MS;
  if (oldest > latest) {
    // A page shorter than asked for is the archive's last.
    if (page.length < ARCHIVE_PAGE_POSTS) return null;
    return offset + page.length + Math.max(0, Math.floor(((oldest - expectedPost(weekStart)) / WEEK_MS) * rate) - 3);
  }
  if (newest < weekStart) {
    const back = Math.ceil(((expectedPost(weekStart) - newest) / WEEK_MS) * rate) + 3;
    const next = Math.max(0, offset - back);
    return next < offset ? next : null;
  }
  return null;
}
