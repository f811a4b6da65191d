// The real titles of an issue's papers as the newsletter's own web page spells them. A paywalled
// issue pasted as web text, or as the e-mail has it, lists its papers by rewritten titles only;
// the post's page on the newsletter's site links each contents line to its section, whose address
// is the real title (Paper.titleHint). What is kept of a page is small: its contents lines
// (contentsLineKey) and their hints, by volume; the library lends them to the copy it shows
// (titleHints.ts). Also: which issues want them, and which entries of the newsletter's feed may be
// the issue. Pure: no vscode, no I/O.
import * as z from 'zod';
import type { FeedEntry } from '../formats/htmlToText';
import type { Issue } from './model';
import { contentsLineKey, uniqueLines } from './titleHints';

/** An issue's contents lines (as contentsLineKey reads them), each with its real title's words. */
export type PageTitles = ReadonlyMap<string, string>;

/** What is stored: the newest volumes first; a library of a few hundred issues fits. */
export const MAX_STORED_VOLUMES = 400;
/** A page with more contents lines than this is not a newsletter issue (about ten). */
export const MAX_LINES_PER_VOLUME = 40;
/** A contents line or a hint longer than this is not kept: a title is under 300 characters. */
export const MAX_TITLE_CHARS = 400;
/** A volume with no page found is looked for again after this long. */
export const RETRY_MISSING_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/** True when some paper of the issue would be searched for by its rewritten title alone. */
export function wantsPageTitles(issue: Issue): boolean {
  return issue.volume !== null && issue.papers.some((paper) => paper.shortTitle !== null && paper.titleHint === null && paper.arxivId === null);
}

/** The real titles a page's issue gives its contents lines; empty when it has none (no anchors). */
export function pageTitlesOf(issue: Issue): Map<string, string> {
  const titles = new Map<string, string>();
  for (const [line, hint] of uniqueLines(issue.papers)) {
    if (hint === null || line.length > MAX_TITLE_CHARS || hint.length > MAX_TITLE_CHARS) continue;
    if (titles.size >= MAX_LINES_PER_VOLUME) break;
    titles.set(line, hint);
  }
  return titles;
}

const VOLUME = /\bVol\.?\s*(\d{1,6})(?!\d)/giu;
const DAY_MS = 86_400_000;
/** A post goes out during its week or within a week after it. */
const PUBLISHED_AFTER_WEEK_DAYS = 8;

/**
 * The feed's entries that may be this issue's post, most likely first, at most `max`: one that
 * names its volume (Substack's subtitle, `Vol.132 for ...`), then one with its headline, then one
 * published during its week or the week after. An entry that names another volume is never taken.
 */
export function feedEntriesFor(issue: Issue, entries: readonly FeedEntry[], max = 2): FeedEntry[] {
  if (issue.volume === null) return [];
  const headline = issue.title === null ? '' : contentsLineKey(issue.title);
  const from = issue.week.start === null ? NaN : Date.parse(issue.week.start);
  const to = issue.week.end === null ? from + 6 * DAY_MS : Date.parse(issue.week.end);
  const scored: Array<{ entry: FeedEntry; score: number }> = [];
  for (const entry of entries) {
    const volumes = [...`${entry.title} ${entry.description ?? ''}`.matchAll(VOLUME)].map((match) => Number(match[1]));
    if (volumes.some((volume) => volume !== issue.volume)) continue;
    let score = volumes.length > 0 ? 4 : 0;
    if (headline !== '' && contentsLineKey(entry.title) === headline) score += 2;
    const published = entry.published === null ? NaN : Date.parse(entry.published);
    if (published >= from && published <= to + PUBLISHED_AFTER_WEEK_DAYS * DAY_MS) score += 1;
    if (score > 0) scored.push({ entry, score });
  }
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, max)
    .map(({ entry }) => entry);
}

const Line = z.tuple([z.string().min(1).max(MAX_TITLE_CHARS), z.string().min(1).max(MAX_TITLE_CHARS)]);
const Volume = z.number().int().min(0).max(1_000_000);
const Stored = z.object({
  version: z.literal(1),
  found: z.array(z.tuple([Volume, z.array(Line).max(MAX_LINES_PER_VOLUME)])).max(MAX_STORED_VOLUMES),
  /** Volumes whose page was looked for and not found, and when (ms since 1970). */
  missing: z.array(z.tuple([Volume, z.number()])).max(MAX_STORED_VOLUMES),
});

export interface StoredPageTitles {
  readonly found: Map<number, PageTitles>;
  readonly missing: Map<number, number>;
}

/** What workspace state holds, read; anything unreadable counts as nothing (a cache: it is looked up again). */
export function loadPageTitles(value: unknown): StoredPageTitles {
  const parsed = Stored.safeParse(value);
  if (!parsed.success) return { found: new Map(), missing: new Map() };
  return { found: new Map(parsed.data.found.map(([volume, lines]) => [volume, new Map(lines)])), missing: new Map(parsed.data.missing) };
}

/** The value to store: the newest volumes (by number) of each kind, within the bounds `loadPageTitles` reads. */
export function savePageTitles({ found, missing }: StoredPageTitles): z.infer<typeof Stored> {
  const newest = <T>(map: ReadonlyMap<number, T>) => [...map].sort((a, b) => b[0] - a[0]).slice(0, MAX_STORED_VOLUMES);
  return {
    version: 1,
    found: newest(found).map(([volume, lines]) => [volume, [...lines].slice(0, MAX_LINES_PER_VOLUME)]),
    missing: newest(missing),
  };
}
