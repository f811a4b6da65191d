// arXiv's metadata for papers, as the panel and the BibTeX commands want it: what is cached is
// answered at once; what is missing or old is fetched in the background, batched (one request
// for all ids asked for together), one request at a time and at least 3 s apart, with a back-off
// after failures. Cached in the extension's global storage, one JSON file.
import * as vscode from 'vscode';
import { readSetting } from '../settings/settings';
import { SETTING_DEFAULTS } from '../settings/defaults';
import * as z from 'zod';
import { ArxivEntry, entriesAskedFor } from '../core/formats/arxivAtom';
import type { RequestThrottle } from '../core/net/requestThrottle';
import { Setting } from '../constants';
import { DAY_MS, MetadataCache, type MetadataCacheOptions } from '../util/metadataCache';
import { describeFailure, fetchArxivBatch, type FetchOutcome } from './arxivFetch';

export type ArxivStatus =
  | { readonly state: 'ready'; readonly entry: ArxivEntry }
  | { readonly state: 'loading' }
  | { readonly state: 'unavailable'; readonly reason: string }
  /** Network use is turned off and nothing is cached. */
  | { readonly state: 'disabled' }
  /** Never asked for. */
  | { readonly state: 'none' };

export interface ArxivMetadataOptions extends MetadataCacheOptions {
  /** The queue every request to arXiv's API waits in (shared with the search for matches). */
  readonly throttle?: RequestThrottle;
}

export const DEFAULT_ARXIV_API_URL = SETTING_DEFAULTS[Setting.arxivApiUrl];
/** Where arXiv's paper pages are: `<address>/html/<id>` is a paper's page, made from its source. */
export const DEFAULT_ARXIV_PAGES_URL = SETTING_DEFAULTS[Setting.arxivPagesUrl];
/** arXiv's API takes many ids at once; this keeps one URL a sensible length. */
const MAX_IDS_PER_REQUEST = 100;

const CachedEntry = z.object({ fetchedAt: z.number(), entry: ArxivEntry });
type CachedEntry = z.infer<typeof CachedEntry>;

/** The network switch and arXiv's addresses (its API, and its papers' pages), as the settings say now. */
export function arxivSettings(): { enabled: boolean; apiUrl: string; pagesUrl: string } {
  return { enabled: readSetting(Setting.networkEnabled), apiUrl: readSetting(Setting.arxivApiUrl), pagesUrl: readSetting(Setting.arxivPagesUrl) };
}

export class ArxivMetadata extends MetadataCache<CachedEntry> {
  /** A stale entry stays on show, not "Loading", while it is refreshed; it may be asked for again meanwhile. */
  protected readonly busyWhileRefreshing = false;

  constructor(options: ArxivMetadataOptions) {
    super(options, {
      name: 'arXiv',
      fileName: 'arxiv-metadata.json',
      entry: CachedEntry,
      settingIds: [Setting.networkEnabled, Setting.arxivApiUrl],
      settings: arxivSettings,
      minIntervalMs: 3000,
      throttle: options.throttle,
    });
  }

  status(id: string): ArxivStatus {
    const cached = this.cache.get(id);
    return cached ? { state: 'ready', entry: cached.entry } : this.uncachedStatus(id);
  }

  /** Keeps an entry arXiv sent for an id asked for another way (the search that matched a paper). */
  remember(entry: ArxivEntry): void {
    if (this.isDisposed) return;
    this.cache.set(entry.id, { fetchedAt: this.clock.now(), entry });
    this.problems.delete(entry.id);
    this.busy.delete(entry.id);
    this.changeEmitter.fire([entry.id]);
    void this.cacheFile.write(this.cache);
  }

  /** The cached entry, if any (old or not). */
  entry(id: string): ArxivEntry | undefined {
    return this.cache.get(id)?.entry;
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
      this.busy.add(id);
    }
    this.changeEmitter.fire(missing);
    await this.fetchBatches(missing, false);
  }

  protected maxAgeMs(): number {
    return this.options.maxAgeMs ?? 7 * DAY_MS;
  }

  /** Only the ids whose failure was forgotten, if any. */
  protected override changedBySettings(forgotten: readonly string[]): readonly string[] {
    return forgotten.length > 0 ? forgotten : ['*'];
  }

  protected async fetch(ids: readonly string[]): Promise<void> {
    if (this.isDisposed) return;
    // Asked for before the cache file was read: what it held fresh needs no request.
    const fresh = ids.filter((id) => !this.missingOrOld(id));
    for (const id of fresh) this.busy.delete(id);
    if (fresh.length > 0) this.changeEmitter.fire(fresh);
    const stale = ids.filter((id) => this.missingOrOld(id));
    if (stale.length > 0) await this.fetchBatches(stale, true);
  }

  private async fetchBatches(ids: readonly string[], retry: boolean): Promise<void> {
    for (let start = 0; start < ids.length; start += MAX_IDS_PER_REQUEST) {
      const batch = ids.slice(start, start + MAX_IDS_PER_REQUEST);
      const outcome = await this.throttle.run(async () => {
        const { apiUrl } = this.settings();
        this.info(`asking for ${batch.length} paper${batch.length === 1 ? '' : 's'} (${batch.join(', ')}).`);
        return fetchArxivBatch(apiUrl, batch, this.options.timeoutMs ?? 15_000);
      });
      if (this.isDisposed) return;
      await this.settle(batch, outcome, retry);
    }
  }

  private async settle(batch: readonly string[], outcome: FetchOutcome, retry: boolean): Promise<void> {
    for (const id of batch) this.busy.delete(id);
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
      if (outcome.errors.length > 0) this.warn(outcome.errors.map((error) => error.message).join('; '));
      this.changeEmitter.fire(batch);
      await this.cacheFile.write(this.cache);
      return;
    }
    this.failures++;
    const transient = outcome.kind !== 'badAddress' && outcome.kind !== 'tooLarge' && !(outcome.kind === 'httpError' && outcome.status < 500 && outcome.status !== 408);
    const willRetry = retry && transient && this.mayRetry;
    const reason = describeFailure(outcome, willRetry, vscode.l10n);
    this.warn(`${reason}.`);
    const stale = batch.filter((id) => !this.cache.has(id));
    for (const id of stale) this.problems.set(id, reason);
    const delay = this.backOff(outcome);
    this.changeEmitter.fire(batch);
    // Joins the retry an earlier batch of this round may be waiting for: every failed batch is asked for again.
    if (willRetry) this.retryLater(batch, delay);
  }
}
