// arXiv's metadata for papers, as the panel and the BibTeX commands want it: what is cached is
// answered at once; what is missing or old is fetched in the background, batched (one request
// for all ids asked for together), one request at a time and at least 3 s apart, with a back-off
// after failures. Cached in the extension's global storage, one JSON file.
import * as vscode from 'vscode';
import { onDidChangeSettings, readSetting } from '../settings/settings';
import { SETTING_DEFAULTS } from '../settings/defaults';
import { Disposable } from '../util/dispose';
import * as z from 'zod';
import { ArxivEntry, entriesAskedFor } from '../core/formats/arxivAtom';
import { RequestThrottle, backoffDelay, systemClock, type Clock } from '../core/net/requestThrottle';
import { Setting } from '../constants';
import { JsonCacheFile } from '../util/jsonCacheFile';
import { describeFailure, fetchArxivBatch, type FetchOutcome } from './arxivFetch';

export type ArxivStatus =
  | { readonly state: 'ready'; readonly entry: ArxivEntry }
  | { readonly state: 'loading' }
  | { readonly state: 'unavailable'; readonly reason: string }
  /** Network use is turned off and nothing is cached. */
  | { readonly state: 'disabled' }
  /** Never asked for. */
  | { readonly state: 'none' };

export interface ArxivMetadataOptions {
  readonly storageUri: vscode.Uri;
  readonly log?: vscode.LogOutputChannel;
  readonly clock?: Clock;
  /** The queue every request to arXiv's API waits in (shared with the search for matches). */
  readonly throttle?: RequestThrottle;
  readonly timeoutMs?: number;
  readonly minIntervalMs?: number;
  readonly backoffBaseMs?: number;
  readonly maxAgeMs?: number;
  /** Settings, read at each request; the `weeklyPapers.*` settings unless a test says otherwise. */
  readonly settings?: () => { readonly enabled: boolean; readonly apiUrl: string };
}

export const DEFAULT_ARXIV_API_URL = SETTING_DEFAULTS[Setting.arxivApiUrl];
/** Where arXiv's paper pages are: `<address>/html/<id>` is a paper's page, made from its source. */
export const DEFAULT_ARXIV_PAGES_URL = SETTING_DEFAULTS[Setting.arxivPagesUrl];
const CACHE_FILE = 'arxiv-metadata.json';
const DAY_MS = 24 * 60 * 60 * 1000;
/** arXiv's API takes many ids at once; this keeps one URL a sensible length. */
const MAX_IDS_PER_REQUEST = 100;
const MAX_ATTEMPTS = 6;
const BACKOFF_CAP_MS = 10 * 60 * 1000;

const CachedEntry = z.object({ fetchedAt: z.number(), entry: ArxivEntry });

/** The network switch and arXiv's addresses (its API, and its papers' pages), as the settings say now. */
export function arxivSettings(): { enabled: boolean; apiUrl: string; pagesUrl: string } {
  return { enabled: readSetting(Setting.networkEnabled), apiUrl: readSetting(Setting.arxivApiUrl), pagesUrl: readSetting(Setting.arxivPagesUrl) };
}

export class ArxivMetadata extends Disposable {
  private readonly cache = new Map<string, z.infer<typeof CachedEntry>>();
  private readonly cacheFile: JsonCacheFile<z.infer<typeof CachedEntry>>;
  /** Ids being fetched or waiting to be, and ids whose last fetch failed (with why). */
  private readonly loading = new Set<string>();
  private readonly problems = new Map<string, string>();
  private readonly pending = new Set<string>();
  private readonly throttle: RequestThrottle;
  private readonly clock: Clock;
  private readonly settings: () => { readonly enabled: boolean; readonly apiUrl: string };
  private readonly changeEmitter = this.register(new vscode.EventEmitter<readonly string[]>());
  /** Fires with the ids whose status changed. */
  readonly onDidChange = this.changeEmitter.event;
  private flushQueued = false;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Settles when the cache file has been read. */
  readonly loaded: Promise<void>;

  constructor(private readonly options: ArxivMetadataOptions) {
    super();
    this.clock = options.clock ?? systemClock;
    this.throttle = options.throttle ?? new RequestThrottle(options.minIntervalMs ?? 3000, this.clock);
    this.settings = options.settings ?? arxivSettings;
    this.cacheFile = new JsonCacheFile(options.storageUri, CACHE_FILE, CachedEntry, (line) => this.options.log?.warn(`arXiv: ${line}`));
    this.loaded = this.cacheFile.read(this.cache);
    this.register(
      onDidChangeSettings([Setting.networkEnabled, Setting.arxivApiUrl], () => this.settingsChanged()),
    );
  }

  override dispose(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    super.dispose();
  }

  status(id: string): ArxivStatus {
    const cached = this.cache.get(id);
    if (cached) return { state: 'ready', entry: cached.entry };
    if (this.loading.has(id)) return { state: 'loading' };
    const problem = this.problems.get(id);
    if (problem !== undefined) return { state: 'unavailable', reason: problem };
    if (!this.settings().enabled) return { state: 'disabled' };
    return { state: 'none' };
  }

  /** Keeps an entry arXiv sent for an id asked for another way (the search that matched a paper). */
  remember(entry: ArxivEntry): void {
    if (this.isDisposed) return;
    this.cache.set(entry.id, { fetchedAt: this.clock.now(), entry });
    this.problems.delete(entry.id);
    this.loading.delete(entry.id);
    this.changeEmitter.fire([entry.id]);
    void this.cacheFile.write(this.cache);
  }

  /** The cached entry, if any (old or not). */
  entry(id: string): ArxivEntry | undefined {
    return this.cache.get(id)?.entry;
  }

  /**
   * Asks for the ids' metadata: those not cached (or cached long ago) and not already on their
   * way are fetched together, in one request, after the current task. Never waits.
   */
  request(ids: readonly string[]): void {
    if (!this.settings().enabled || this.isDisposed) return;
    const wanted = ids.filter((id) => !this.loading.has(id) && !this.problems.has(id) && this.missingOrOld(id));
    if (wanted.length === 0) return;
    for (const id of wanted) {
      this.pending.add(id);
      // A stale entry stays on show while it is refreshed.
      if (!this.cache.has(id)) this.loading.add(id);
    }
    this.queueFlush();
  }

  /** Fetches what is missing among `ids` now (one attempt, still throttled) and waits for it. */
  async fetchMissing(ids: readonly string[]): Promise<void> {
    await this.loaded;
    if (!this.settings().enabled) return;
    const missing = [...new Set(ids)].filter((id) => !this.cache.has(id));
    if (missing.length === 0) return;
    for (const id of missing) {
      this.problems.delete(id);
      this.pending.delete(id);
      this.loading.add(id);
    }
    this.changeEmitter.fire(missing);
    await this.fetchBatches(missing, false);
  }

  /** Forgets everything (the cache file too): for tests, and for a reader who wants fresh data. */
  async clear(): Promise<void> {
    await this.cacheFile.flushed();
    const ids = [...this.cache.keys(), ...this.problems.keys()];
    this.cache.clear();
    this.problems.clear();
    this.failures = 0;
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await this.cacheFile.write(this.cache);
    this.changeEmitter.fire(ids);
  }

  private settingsChanged(): void {
    // A new address or network switch: what failed before may work now.
    const ids = [...this.problems.keys()];
    this.problems.clear();
    this.failures = 0;
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.changeEmitter.fire(ids.length > 0 ? ids : ['*']);
  }

  private queueFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    // Everything asked for in this turn of the event loop goes into one request.
    setTimeout(() => {
      this.flushQueued = false;
      const ids = [...this.pending];
      this.pending.clear();
      if (ids.length === 0) return;
      this.changeEmitter.fire(ids);
      void this.loaded.then(() => {
        if (this.isDisposed) return;
        // Asked for before the cache file was read: what it held fresh needs no request.
        const fresh = ids.filter((id) => !this.missingOrOld(id));
        for (const id of fresh) this.loading.delete(id);
        if (fresh.length > 0) this.changeEmitter.fire(fresh);
        const stale = ids.filter((id) => this.missingOrOld(id));
        return stale.length > 0 ? this.fetchBatches(stale, true) : undefined;
      });
    }, 0);
  }

  /** Whether the id is not cached, or was fetched more than the maximum age ago. */
  private missingOrOld(id: string): boolean {
    const cached = this.cache.get(id);
    return !cached || this.clock.now() - cached.fetchedAt > (this.options.maxAgeMs ?? 7 * DAY_MS);
  }

  private async fetchBatches(ids: readonly string[], retry: boolean): Promise<void> {
    for (let start = 0; start < ids.length; start += MAX_IDS_PER_REQUEST) {
      const batch = ids.slice(start, start + MAX_IDS_PER_REQUEST);
      const outcome = await this.throttle.run(async () => {
        const { apiUrl } = this.settings();
        this.options.log?.info(`arXiv: asking for ${batch.length} paper${batch.length === 1 ? '' : 's'} (${batch.join(', ')}).`);
        return fetchArxivBatch(apiUrl, batch, this.options.timeoutMs ?? 15_000);
      });
      if (this.isDisposed) return;
      await this.settle(batch, outcome, retry);
    }
  }

  private async settle(batch: readonly string[], outcome: FetchOutcome, retry: boolean): Promise<void> {
    for (const id of batch) this.loading.delete(id);
    if (outcome.kind === 'ok') {
      this.failures = 0;
      const now = this.clock.now();
      for (const entry of entriesAskedFor(batch, outcome.entries)) {
        this.cache.set(entry.id, { fetchedAt: now, entry });
        this.problems.delete(entry.id);
      }
      for (const error of outcome.errors) {
        if (error.id !== null && batch.includes(error.id)) this.problems.set(error.id, vscode.l10n.t('arXiv answered with an error ({0})', error.message));
      }
      for (const id of batch) {
        if (!this.cache.has(id) && !this.problems.has(id)) this.problems.set(id, vscode.l10n.t('arXiv has no entry for this id'));
      }
      if (outcome.errors.length > 0) this.options.log?.warn(`arXiv: ${outcome.errors.map((error) => error.message).join('; ')}`);
      this.changeEmitter.fire(batch);
      await this.cacheFile.write(this.cache);
      return;
    }
    this.failures++;
    const transient = outcome.kind !== 'badAddress' && outcome.kind !== 'tooLarge' && !(outcome.kind === 'httpError' && outcome.status < 500 && outcome.status !== 408);
    const willRetry = retry && transient && this.failures < MAX_ATTEMPTS;
    const reason = describeFailure(outcome, willRetry, vscode.l10n);
    this.options.log?.warn(`arXiv: ${reason}.`);
    const stale = batch.filter((id) => !this.cache.has(id));
    for (const id of stale) this.problems.set(id, reason);
    const delay = backoffDelay(this.failures, this.options.backoffBaseMs ?? 5000, BACKOFF_CAP_MS, outcome.kind === 'rateLimited' ? outcome.retryAfter : null, this.clock.now());
    if (outcome.kind === 'rateLimited') this.throttle.holdOff(delay);
    this.changeEmitter.fire(batch);
    if (willRetry) {
      if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        // Ask again for the ids still missing; their "will retry" line turns back into "Loading".
        for (const id of batch) this.problems.delete(id);
        this.request(batch);
      }, delay);
    }
  }
}
