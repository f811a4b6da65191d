// Real titles for a paywalled issue's papers, looked up on the newsletter's own site without the
// reader having to import anything. An issue whose papers would be searched on arXiv by their
// rewritten contents titles alone is looked for on the site of `weeklyPapers.feedUrl` (the
// reader's setting, application-scoped): the page its e-mail names when that page is on this site,
// else the post the feed lists for its volume, else (an issue older than the feed's twenty posts)
// the post the site's archive lists for it (core/formats/substackArchive.ts). The page's contents
// anchors spell the real titles (core/model/pageTitles.ts); the library lends them to the issue's
// papers, so that their arXiv searches ask for the real titles. Nothing is saved as an issue file.
// An address the issue file gives on another site is never fetched unasked (Choose arXiv Match
// offers it; see issuePage.ts).
// The matcher waits for an issue's look-up before searching its papers: a few requests, each
// bounded in time (fetchPage's 15 s).
import * as vscode from 'vscode';
import { onDidChangeSettings, readSetting } from '../settings/settings';
import { Setting, StorageKey } from '../constants';
import { Disposable } from '../util/dispose';
import { Debouncer } from '../util/coalesce';
import type { IssueLibrary } from '../core/model/library';
import type { Issue } from '../core/model/model';
import { feedEntriesFor, loadPageTitles, pageTitlesOf, RETRY_MISSING_AFTER_MS, savePageTitles, wantsPageTitles, type StoredPageTitles } from '../core/model/pageTitles';
import { looksLikeFeed, looksLikeHtml, postToText, readFeed, type FeedEntry } from '../core/formats/htmlToText';
import { archiveUrl, firstArchiveOffset, nextArchiveOffset, readArchive } from '../core/formats/substackArchive';
import { parseIssueText } from '../core/parse/parse';
import { apiAddress } from '../core/net/localAddress';
import { fetchPage } from '../import/fetchPage';
import { systemClock, type Clock } from '../core/net/requestThrottle';

export interface PageTitlesOptions {
  readonly library: IssueLibrary;
  /** Where what was found is kept (workspace state). */
  readonly memento: vscode.Memento;
  readonly log?: vscode.LogOutputChannel;
  readonly clock?: Clock;
  /** How long the feed or a page may take to answer (ms); fetchPage's 15 s by default. */
  readonly timeoutMs?: number;
  readonly settings?: () => { readonly enabled: boolean; readonly feedUrl: string };
}

/** Pages read per session at most: a library of old e-mails is looked up a few at a time, newest first. */
export const MAX_PAGES_PER_SESSION = 30;
/** Pages of the site's archive read per session at most, and per issue: enough to find a few old issues. */
const MAX_ARCHIVE_READS_PER_SESSION = 12;
const MAX_ARCHIVE_READS_PER_ISSUE = 3;
/** An archive page is a few tens of KB. */
const MAX_ARCHIVE_BYTES = 2 * 1024 * 1024;
/** The feed is read again after this long. */
const FEED_FRESH_MS = 60 * 60 * 1000;

function pageTitleSettings(): { enabled: boolean; feedUrl: string } {
  return { enabled: readSetting(Setting.networkEnabled), feedUrl: readSetting(Setting.feedUrl) };
}

export class PageTitles extends Disposable {
  private readonly stored: StoredPageTitles;
  /** Volumes looked for in this session (found, missing or failed): not asked again until the settings change. */
  private readonly tried = new Set<number>();
  private readonly pending = new Set<number>();
  private pagesRead = 0;
  private archiveReads = 0;
  private feed: { readonly url: string; readonly at: number; readonly entries: Promise<readonly FeedEntry[] | null> } | null = null;
  private running: Promise<void> | null = null;
  private readonly settledEmitter = this.register(new vscode.EventEmitter<void>());
  /** Fires when look-ups end: the issues they held back may be searched now. */
  readonly onDidSettle = this.settledEmitter.event;
  private readonly scan = this.register(new Debouncer(() => this.lookUpWanted(), 100));
  private readonly clock: Clock;
  private readonly settings: () => { readonly enabled: boolean; readonly feedUrl: string };
  /** The newsletter's site (the feed's address) while the network is on; read again when the settings change. */
  private site: URL | null;
  /** A scan was asked for while look-ups ran: one more runs after them. */
  private rescan = false;

  constructor(private readonly options: PageTitlesOptions) {
    super();
    this.clock = options.clock ?? systemClock;
    this.settings = options.settings ?? pageTitleSettings;
    this.site = this.readSite();
    this.stored = loadPageTitles(options.memento.get(StorageKey.pageTitles));
    options.library.setPageTitles((volume) => this.stored.found.get(volume));
    this.registerStop(options.library.onDidChange(() => this.scan.schedule()));
    this.register(
      onDidChangeSettings([Setting.networkEnabled, Setting.feedUrl], () => {
        // Another site, or the network back: what was not found may be there now.
        this.site = this.readSite();
        this.tried.clear();
        this.stored.missing.clear();
        this.feed = null;
        this.scan.schedule();
      }),
    );
    this.scan.schedule();
  }

  /**
   * True while the issue's papers should wait for their real titles: the issue wants them, the
   * network is on, the newsletter's site is known, and its look-up has not ended in this session.
   */
  waiting(issue: Issue): boolean {
    const { volume } = issue;
    if (volume === null || this.stored.found.has(volume) || !wantsPageTitles(issue)) return false;
    if (this.pending.has(volume)) return true;
    return !this.tried.has(volume) && this.mayLookUp(volume);
  }

  /** Settles when no look-up is waiting or running (tests). */
  async idle(): Promise<void> {
    for (let rounds = 0; rounds < 1000 && !this.isDisposed; rounds++) {
      if (this.running === null && !this.scan.pending) return;
      await (this.running ?? new Promise((resolve) => setTimeout(resolve, 50)));
    }
  }

  private readSite(): URL | null {
    const { enabled, feedUrl } = this.settings();
    return enabled ? apiAddress(feedUrl) : null;
  }

  private mayLookUp(volume: number): boolean {
    if (this.pagesRead >= MAX_PAGES_PER_SESSION || this.site === null) return false;
    const missingAt = this.stored.missing.get(volume);
    return missingAt === undefined || this.clock.now() - missingAt >= RETRY_MISSING_AFTER_MS;
  }

  /** Looks up every shown issue that wants its real titles, newest first, one at a time. */
  private lookUpWanted(): void {
    if (this.isDisposed) return;
    if (this.running) {
      this.rescan = true;
      return;
    }
    const wanted = this.options.library.issues().filter(({ issue }) => this.waiting(issue) && !this.pending.has(issue.volume as number));
    if (wanted.length === 0) return;
    for (const { issue } of wanted) this.pending.add(issue.volume as number);
    this.running = (async () => {
      for (const { issue } of wanted) {
        const volume = issue.volume as number;
        try {
          if (!this.isDisposed && this.mayLookUp(volume)) await this.lookUp(issue);
        } catch (error) {
          this.options.log?.warn(`Newsletter site: looking up Vol.${volume} failed: ${String(error)}`);
        } finally {
          this.tried.add(volume);
          this.pending.delete(volume);
        }
        if (!this.isDisposed) this.settledEmitter.fire();
      }
    })().finally(() => {
      this.running = null;
      if (this.rescan) {
        this.rescan = false;
        this.scan.schedule();
      }
    });
  }

  private async lookUp(issue: Issue): Promise<void> {
    const volume = issue.volume as number;
    const { site } = this;
    if (!site) return;
    const pages = await this.pagesOf(issue, site);
    // Only what the site answered counts as "not there": a failure is asked again next session.
    let answered = pages !== null;
    for (const page of pages ?? []) {
      if (this.pagesRead >= MAX_PAGES_PER_SESSION) return;
      this.pagesRead++;
      const titles = await this.titlesOn(page, volume, site);
      if (this.isDisposed) return;
      if (titles === null) {
        answered = false;
        continue;
      }
      if (titles.size > 0) {
        this.stored.found.set(volume, titles);
        this.stored.missing.delete(volume);
        this.save();
        this.options.log?.info(`Newsletter site: the real titles of Vol.${volume}'s ${titles.size} papers, from ${page}.`);
        this.options.library.resolutionsChanged();
        return;
      }
    }
    if (!answered) return;
    this.stored.missing.set(volume, this.clock.now());
    this.save();
  }

  /**
   * The pages that may be the issue's post on the site: the one its e-mail names, else the feed's
   * entries for it, else the archive's (an issue older than the feed's twenty posts); null when the
   * site could not be read.
   */
  private async pagesOf(issue: Issue, site: URL): Promise<string[] | null> {
    if (issue.webUrl !== null && sameSite(issue.webUrl, site)) return [issue.webUrl];
    const entries = await this.feedEntries(site);
    if (entries === null) return null;
    const fromFeed = feedEntriesFor(issue, entries.filter((entry) => sameSite(entry.url, site)));
    return fromFeed.length > 0 ? fromFeed.map((entry) => entry.url) : this.archivePages(issue, site, entries);
  }

  /**
   * The archive's entries for the issue, from the page its week should be on, then the page before
   * or after as the dates say: a few requests at most. Null when the archive could not be read.
   */
  private async archivePages(issue: Issue, site: URL, feed: readonly FeedEntry[]): Promise<string[] | null> {
    const weekStart = issue.week.start === null ? NaN : Date.parse(issue.week.start);
    if (Number.isNaN(weekStart)) return [];
    let offset: number | null = firstArchiveOffset(weekStart, feed, this.clock.now());
    for (let read = 0; read < MAX_ARCHIVE_READS_PER_ISSUE; read++) {
      // Past the session's reads, or after a few pages without the week, it is not known that the
      // post is not there: null (not an answer), and it is looked for again next session.
      if (this.archiveReads >= MAX_ARCHIVE_READS_PER_SESSION || this.isDisposed) break;
      this.archiveReads++;
      const url = archiveUrl(site, offset);
      let page: FeedEntry[] | null;
      try {
        // As if the reader had typed the feed's address: the site may not redirect to this computer.
        page = readArchive((await fetchPage(url, vscode.l10n, { timeoutMs: this.options.timeoutMs, typed: site.toString(), maxBytes: MAX_ARCHIVE_BYTES })).text);
      } catch (error) {
        this.options.log?.warn(`Newsletter site: the archive at ${url} could not be read: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      }
      if (page === null) {
        this.options.log?.info(`Newsletter site: ${url} is not a Substack archive; older issues are not looked for there.`);
        return [];
      }
      const found = feedEntriesFor(issue, page.filter((entry) => sameSite(entry.url, site)));
      if (found.length > 0) return found.map((entry) => entry.url);
      offset = nextArchiveOffset(weekStart, offset, page);
      if (offset === null) return [];
    }
    this.options.log?.info(
      `Newsletter site: Vol.${issue.volume ?? '?'}'s post was not reached in the archive within ${MAX_ARCHIVE_READS_PER_ISSUE} pages an issue and ${MAX_ARCHIVE_READS_PER_SESSION} a session; it is looked for again next session.`,
    );
    return null;
  }

  /** The feed's entries, read once an hour at most; null when it cannot be read (or is no feed). */
  private feedEntries(site: URL): Promise<readonly FeedEntry[] | null> {
    const url = site.toString();
    if (this.feed && this.feed.url === url && this.clock.now() - this.feed.at < FEED_FRESH_MS) return this.feed.entries;
    const entries = fetchPage(url, vscode.l10n, { timeoutMs: this.options.timeoutMs }).then(
      ({ text }) => {
        const entries = looksLikeFeed(text) ? readFeed(text) : null;
        if (entries === null) this.options.log?.warn(`Newsletter site: ${url} is not a feed.`);
        return entries;
      },
      (error: unknown) => {
        this.options.log?.warn(`Newsletter site: the feed at ${url} could not be read: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      },
    );
    this.feed = { url, at: this.clock.now(), entries };
    return entries;
  }

  /** The real titles the page's issue of this volume gives; none when it is not that issue or has no anchors; null when it could not be read. */
  private async titlesOn(page: string, volume: number, site: URL): Promise<ReadonlyMap<string, string> | null> {
    let text: string;
    try {
      // As if the reader had typed the feed's address: a page on the internet may not redirect to this computer.
      text = (await fetchPage(page, vscode.l10n, { timeoutMs: this.options.timeoutMs, typed: site.toString() })).text;
    } catch (error) {
      this.options.log?.warn(`Newsletter site: ${page} could not be read: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
    let issueText = text;
    try {
      // postToText bounds the page's size and depth itself, and throws a sentence when it cannot.
      if (looksLikeHtml(text)) issueText = postToText(text).text;
    } catch (error) {
      this.options.log?.warn(`Newsletter site: ${page} could not be read: ${error instanceof Error ? error.message : String(error)}`);
      return new Map();
    }
    const issue = parseIssueText(issueText).issues.find((candidate) => candidate.volume === volume);
    return issue ? pageTitlesOf(issue) : new Map();
  }

  private save(): void {
    void this.options.memento.update(StorageKey.pageTitles, savePageTitles(this.stored));
  }
}

/** True when the address is on the same site (scheme, host and port) as `site`. */
function sameSite(address: string, site: URL): boolean {
  try {
    return new URL(address).origin === site.origin;
  } catch {
    return false;
  }
}
