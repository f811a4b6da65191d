// Finds the arXiv record of each paper the newsletter gave no id (a paywalled issue's contents
// line, an e-mail's redirect links): one search of arXiv's API at a time, in the same polite
// queue as the metadata look-ups, newest issue first and the paper on show before the rest.
// A confident match gives the paper its arXiv id; a doubtful one is kept as up to five possible
// matches for the reader to choose from (Choose arXiv Match...). The reader's choice, kept with
// the notes, always wins. Searches are cached by slot in workspace state.
import * as vscode from 'vscode';
import { onDidChangeSettings } from '../settings/settings';
import { Disposable } from '../util/dispose';
import type { ArxivResolution, ArxivResolver, IssueLibrary } from '../core/model/library';
import type { Issue, Paper } from '../core/model/model';
import { paperSlot } from '../core/model/paperIdentity';
import { matchRequestOf, type MatchRequest } from '../core/match/arxivSearchQuery';
import { matchPaper, type MatchOutcome } from '../core/match/matchPaper';
import type { MatchCandidate } from '../core/match/rankCandidates';
import { loadMatchCache, matchFingerprint, saveMatchCache, toCachedMatch, type CachedMatch } from '../core/match/matchCache';
import { systemClock, type Clock, type RequestThrottle } from '../core/net/requestThrottle';
import { describeFailure } from '../arxiv/arxivFetch';
import { SearchRequests, type FailedRequest } from './searchRequests';
import type { ArxivMetadata } from '../arxiv/arxivMetadata';
import { Setting, StorageKey } from '../constants';
import type { PaperStateStore } from '../storage/paperStateStore';
import { Coalescer, Debouncer } from '../util/coalesce';

/** Where a paper's arXiv id stands, for the panel, the tree and the commands. */
export type MatchStatus =
  | { readonly kind: 'newsletter' }
  | { readonly kind: 'chosen'; readonly arxivId: string | null; readonly title: string | null }
  | { readonly kind: 'found'; readonly arxivId: string; readonly title: string }
  | { readonly kind: 'possible'; readonly candidates: readonly MatchCandidate[] }
  | { readonly kind: 'noMatch' }
  | { readonly kind: 'searching' }
  /** Not searched yet: the network is off, arXiv failed (and will be asked again), or its turn has not come. */
  | { readonly kind: 'notYet'; readonly reason: string | null };

export interface ArxivMatcherOptions {
  readonly library: IssueLibrary;
  readonly store: PaperStateStore;
  /** Where searches are cached (workspace state). */
  readonly memento: vscode.Memento;
  readonly throttle: RequestThrottle;
  /** Gets the entry of each confident match, so the panel needs no second request for it. */
  readonly arxiv?: ArxivMetadata;
  readonly log?: vscode.LogOutputChannel;
  readonly clock?: Clock;
  readonly timeoutMs?: number;
  readonly backoffBaseMs?: number;
  readonly settings: () => { readonly enabled: boolean; readonly apiUrl: string; readonly pagesUrl: string };
  /** The real titles looked up on the newsletter's site: an issue waiting for them is searched once they are in (see pageTitles.ts). */
  readonly pageTitles?: { waiting(issue: Issue): boolean; readonly onDidSettle: vscode.Event<void> };
}

/** A search that found nothing sure is tried again after this long (new versions, new papers). */
const RESEARCH_AFTER_MS = 14 * 24 * 60 * 60 * 1000;

interface Job {
  readonly slot: string;
  readonly request: MatchRequest;
  /** The slots and arXiv ids of the issue's other papers: their records are not this paper's. */
  readonly siblings: readonly { readonly slot: string | null; readonly arxivId: string | null }[];
}

export class ArxivMatcher extends Disposable {
  private readonly cache: Map<string, CachedMatch>;
  private readonly queue = new Map<string, Job>();
  private readonly searching = new Set<string>();
  /** Slots whose last search failed, with why (the reader sees it; it is tried again). */
  private readonly problems = new Map<string, string>();
  private readonly clock: Clock;
  private readonly changeEmitter = this.register(new vscode.EventEmitter<readonly string[]>());
  /** Fires with the slots whose status changed. */
  readonly onDidChange = this.changeEmitter.event;
  /** Looks for unmatched papers once the library is quiet: not every 200 ms while a folder of issues is read. */
  private readonly scan = this.register(new Debouncer(() => this.enqueueUnmatched(), 200));
  private readonly save = this.register(new Coalescer(() => void this.options.memento.update(StorageKey.arxivMatches, saveMatchCache(this.cache)), 500));
  private pumping: Promise<void> | null = null;
  /** The paper on show (see prioritize). */
  private wanted: string | null = null;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  /** Answers the library for each paper without an arXiv id from the newsletter. */
  readonly resolver: ArxivResolver = (slot) => this.resolutionOf(slot);

  constructor(private readonly options: ArxivMatcherOptions) {
    super();
    this.clock = options.clock ?? systemClock;
    this.cache = loadMatchCache(options.memento.get(StorageKey.arxivMatches));
    this.registerStop(options.library.onDidChange(() => this.scan.schedule()));
    if (options.pageTitles) this.register(options.pageTitles.onDidSettle(() => this.scan.schedule()));
    this.register(options.store.onDidChangeChoice(() => options.library.resolutionsChanged()));
    this.register(
      onDidChangeSettings([Setting.networkEnabled, Setting.arxivApiUrl, Setting.arxivPagesUrl], () => this.retryNow()),
    );
    this.scan.schedule();
  }

  override dispose(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    super.dispose();
  }

  /** `issue`: the paper's issue, when known: a search that waits for its real titles (pageTitles.ts) says so. */
  status(slot: string, paper: Pick<Paper, 'arxivId' | 'arxivMatch'>, issue?: Issue): MatchStatus {
    const choice = this.options.store.choice(slot);
    if (choice) return { kind: 'chosen', arxivId: choice.arxivId, title: choice.title };
    if (paper.arxivId !== null && paper.arxivMatch === undefined) return { kind: 'newsletter' };
    const cached = this.cache.get(slot);
    if (cached?.decision === 'accepted' && cached.best && paper.arxivMatch?.origin === 'search') return { kind: 'found', arxivId: cached.best.id, title: cached.best.title };
    if (this.searching.has(slot)) return { kind: 'searching' };
    const problem = this.problems.get(slot);
    if (problem !== undefined) return { kind: 'notYet', reason: problem };
    if (cached?.decision === 'possible') return { kind: 'possible', candidates: cached.candidates };
    if (cached?.decision === 'none') return { kind: 'noMatch' };
    if (!this.options.settings().enabled) return { kind: 'notYet', reason: vscode.l10n.t('network use is turned off (Weekly Papers › Network: Enabled)') };
    if (issue && this.options.pageTitles?.waiting(issue)) return { kind: 'notYet', reason: vscode.l10n.t('its real title is being looked up on the newsletter’s site first') };
    return { kind: 'notYet', reason: null };
  }

  /** The candidates a search kept for the slot (the best first), for Choose arXiv Match... */
  candidates(slot: string): readonly MatchCandidate[] {
    return this.cache.get(slot)?.candidates ?? [];
  }

  /** Searches this slot's paper before the others (the paper on show), now or once it is queued. */
  prioritize(slot: string): void {
    this.wanted = slot;
    this.moveFirst(slot);
  }

  private moveFirst(slot: string): void {
    const job = this.queue.get(slot);
    if (!job) return;
    this.queue.delete(slot);
    // A Map keeps insertion order: rebuilt with this one first.
    const rest = [...this.queue];
    this.queue.clear();
    this.queue.set(slot, job);
    for (const [key, value] of rest) this.queue.set(key, value);
  }

  /** Forgets what searches found and failed, and searches again (Refresh). */
  searchAgain(): void {
    this.cache.clear();
    this.problems.clear();
    this.failures = 0;
    this.save.schedule();
    this.options.library.resolutionsChanged();
    this.scan.schedule();
  }

  /** Settles when no search is waiting or running (tests, the benchmark). */
  async idle(): Promise<void> {
    for (let rounds = 0; rounds < 1000 && !this.isDisposed; rounds++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      if (this.pumping === null && this.queue.size === 0 && !this.scan.pending) return;
    }
  }

  /** Searches what failed again now (a new address, the network back on, Refresh). */
  retryNow(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.failures = 0;
    const slots = [...this.problems.keys()];
    this.problems.clear();
    if (slots.length > 0) this.changeEmitter.fire(slots);
    this.scan.schedule();
  }

  private resolutionOf(slot: string): ArxivResolution | undefined {
    const choice = this.options.store.choice(slot);
    if (choice) return { arxivId: choice.arxivId, title: choice.title, origin: 'reader' };
    const cached = this.cache.get(slot);
    if (cached?.decision === 'accepted' && cached.best) return { arxivId: cached.best.id, title: cached.best.title, origin: 'search', byAffiliation: cached.best.byAffiliation === true };
    return undefined;
  }

  /** Queues every paper that still needs a search, newest issue first. */
  private enqueueUnmatched(): void {
    if (this.isDisposed) return;
    const now = this.clock.now();
    const queued: string[] = [];
    for (const { issue } of this.options.library.issues()) {
      // Its real titles are being looked up: a search by the rewritten titles now would be wasted.
      if (this.options.pageTitles?.waiting(issue)) continue;
      for (const paper of issue.papers) {
        if (paper.arxivId !== null || paper.arxivMatch !== undefined) continue;
        const slot = paperSlot(issue, paper);
        if (slot === null || this.queue.has(slot) || this.searching.has(slot) || this.options.store.choice(slot)) continue;
        const request = matchRequestOf(issue, paper);
        const cached = this.cache.get(slot);
        const siblings = issue.papers.filter((other) => other !== paper).map((other) => ({ slot: paperSlot(issue, other), arxivId: other.arxivId }));
        const fresh = cached !== undefined && cached.fingerprint === matchFingerprint(request) && now - cached.at < RESEARCH_AFTER_MS;
        if (fresh && !this.offersHeld(cached, siblings)) continue;
        this.queue.set(slot, { slot, request, siblings });
        queued.push(slot);
      }
    }
    if (this.wanted !== null) this.moveFirst(this.wanted);
    // Their status changed (a paper that waited for its real title is now queued): the panel says so.
    if (queued.length > 0) this.changeEmitter.fire(queued);
    if (this.queue.size > 0) void this.pump();
  }

  private pump(): Promise<void> {
    this.pumping ??= this.drain().finally(() => {
      this.pumping = null;
    });
    return this.pumping;
  }

  private async drain(): Promise<void> {
    while (!this.isDisposed && this.queue.size > 0 && this.retryTimer === undefined) {
      if (!this.options.settings().enabled) {
        // Nothing is fetched; the papers wait, listed as not matched yet, until the setting changes.
        const waiting = [...this.queue.keys()];
        this.queue.clear();
        this.changeEmitter.fire(waiting);
        return;
      }
      const [job] = this.queue.values();
      if (!job) return;
      this.queue.delete(job.slot);
      await this.search(job);
    }
  }

  /**
   * True when a doubtful search offered a paper that another paper of the issue has since taken
   * (matched, chosen by the reader, or named by a fuller copy of the issue): the search is made
   * again without it, so the reader is not offered it and the rest may now be decided. Held ids
   * never enter a search's candidates, so this asks again at most once per change.
   */
  private offersHeld(cached: CachedMatch, siblings: Job['siblings']): boolean {
    if (cached.decision !== 'possible') return false;
    const held = this.heldBySiblings(siblings);
    return cached.candidates.some((candidate) => held.has(candidate.id));
  }

  /** What the issue's other (distinct) papers hold: ids from the newsletter, the reader's choices, earlier confident matches. */
  private heldBySiblings(siblings: Job['siblings']): Set<string> {
    const held = new Set<string>();
    for (const sibling of siblings) {
      if (sibling.arxivId !== null) held.add(sibling.arxivId);
      if (sibling.slot === null) continue;
      const choice = this.options.store.choice(sibling.slot);
      if (choice?.arxivId) held.add(choice.arxivId);
      const cached = this.cache.get(sibling.slot);
      if (cached?.decision === 'accepted' && cached.best) held.add(cached.best.id);
    }
    return held;
  }

  private async search(job: Job): Promise<void> {
    const { slot, request } = job;
    const held = this.heldBySiblings(job.siblings);
    this.searching.add(slot);
    this.changeEmitter.fire([slot]);
    const requests = this.requests(slot);
    const settings = this.options.settings();
    let outcome: MatchOutcome;
    try {
      // matchPaper asks its queries one after the other (a second only when the first is not
      // enough), each through arXiv's queue; a failed request ends the search, to be tried again.
      outcome = await matchPaper(request, settings.apiUrl, requests.search, undefined, held, requests.pages(settings.pagesUrl));
    } finally {
      this.searching.delete(slot);
    }
    if (this.isDisposed) return;
    if (requests.failure) return this.failed(job, requests.failure);
    if (outcome.urls.length === 0) return this.failed(job, { kind: 'badAddress' });
    const { decision } = outcome;
    this.failures = 0;
    this.problems.delete(slot);
    this.cache.set(slot, toCachedMatch(matchFingerprint(request), decision, this.clock.now()));
    this.save.schedule();
    if (decision.kind === 'accepted') {
      const entry = outcome.entries.find((candidate) => candidate.id === decision.best.id);
      if (entry) this.options.arxiv?.remember(entry);
      this.options.log?.info(`arXiv: paper ${slot} is ${decision.best.id} ("${decision.best.title}").`);
    }
    this.changeEmitter.fire([slot]);
    // Only a match gives a paper a new id: a doubtful search leaves the library (and the trees) as they are.
    if (decision.kind === 'accepted') this.options.library.resolutionsChanged();
  }

  private requests(slot: string): SearchRequests {
    const { throttle, log, timeoutMs, backoffBaseMs } = this.options;
    return new SearchRequests(slot, { throttle, log, timeoutMs, backoffBaseMs, clock: this.clock });
  }

  private failed(job: Job, outcome: FailedRequest): void {
    this.failures++;
    // The same address would bring the same answer: only passing trouble is worth another try.
    const retry = outcome.kind !== 'badAddress' && outcome.kind !== 'tooLarge';
    const reason = describeFailure(outcome, retry, vscode.l10n);
    this.options.log?.warn(`arXiv: the search for paper ${job.slot} failed: ${reason}.`);
    this.problems.set(job.slot, reason);
    // Back in the queue, first: it is tried again before the rest.
    const rest = [...this.queue];
    this.queue.clear();
    this.queue.set(job.slot, job);
    for (const [key, value] of rest) this.queue.set(key, value);
    this.changeEmitter.fire([job.slot]);
    if (!retry) {
      this.queue.clear();
      return;
    }
    const delay = this.requests(job.slot).backoff(this.failures, outcome.kind === 'rateLimited' ? outcome.retryAfter : null);
    if (outcome.kind === 'rateLimited') this.options.throttle.holdOff(delay);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.pump();
    }, delay);
  }
}
