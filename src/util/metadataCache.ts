// What arXiv's metadata and Hugging Face's paper pages have in common: a cache of what a web
// service said about each paper, kept in one JSON file in the extension's storage; what is cached
// is answered at once, what is missing or old is asked for in the background (everything asked for
// in one turn of the event loop together), one request at a time through a throttle, with a
// back-off after failures. How a service is asked, and what its answers mean, is the subclass's.
import * as vscode from 'vscode';
import type * as z from 'zod';
import { RequestThrottle, backoffDelay, systemClock, type Clock } from '../core/net/requestThrottle';
import { onDidChangeSettings } from '../settings/settings';
import type { SettingId } from '../settings/defaults';
import { Disposable } from './dispose';
import { JsonCacheFile } from './jsonCacheFile';

export interface ServiceSettings {
  readonly enabled: boolean;
  readonly apiUrl: string;
}

export interface MetadataCacheOptions {
  /** The extension's global storage (`context.globalStorageUri`). */
  readonly storageUri: vscode.Uri;
  readonly log?: vscode.LogOutputChannel;
  readonly clock?: Clock;
  readonly timeoutMs?: number;
  /** Between the starts of two requests. */
  readonly minIntervalMs?: number;
  readonly backoffBaseMs?: number;
  /** How long an answer is fresh (7 days unless the service says otherwise). */
  readonly maxAgeMs?: number;
  /** Settings, read at each request; the `weeklyPapers.*` settings unless a test says otherwise. */
  readonly settings?: () => ServiceSettings;
}

/** What the subclass tells the cache about its service. */
export interface MetadataCacheSetup<C> {
  /** Its name, before each line of the log. */
  readonly name: string;
  readonly fileName: string;
  readonly entry: z.ZodType<C>;
  /** The settings whose change may make what failed work. */
  readonly settingIds: readonly SettingId[];
  readonly settings: () => ServiceSettings;
  readonly minIntervalMs: number;
  /** A queue shared with other requests to the service, instead of one of its own. */
  readonly throttle?: RequestThrottle;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_ATTEMPTS = 6;
const BACKOFF_CAP_MS = 10 * 60 * 1000;

export abstract class MetadataCache<C extends { readonly fetchedAt: number }> extends Disposable {
  protected readonly changeEmitter = this.register(new vscode.EventEmitter<readonly string[]>());
  /** Fires with the ids whose status changed (`['*']`: any may have, after a settings change). */
  readonly onDidChange = this.changeEmitter.event;
  protected readonly cache = new Map<string, C>();
  protected readonly cacheFile: JsonCacheFile<C>;
  /** Ids shown as loading: asked for and not yet settled. */
  protected readonly busy = new Set<string>();
  /** Of the ids asked for, those not yet handed to a fetch. */
  protected readonly pending = new Set<string>();
  /** Ids whose last fetch failed, with what the reader is told. */
  protected readonly problems = new Map<string, string>();
  protected readonly throttle: RequestThrottle;
  protected readonly clock: Clock;
  protected readonly settings: () => ServiceSettings;
  protected failures = 0;
  /** Ids to ask for again when the back-off ends. */
  private readonly retryIds = new Set<string>();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private flushQueued = false;
  /** Settles when the cache file has been read. */
  readonly loaded: Promise<void>;

  constructor(protected readonly options: MetadataCacheOptions, private readonly setup: MetadataCacheSetup<C>) {
    super();
    this.clock = options.clock ?? systemClock;
    this.throttle = setup.throttle ?? new RequestThrottle(options.minIntervalMs ?? setup.minIntervalMs, this.clock);
    this.settings = options.settings ?? setup.settings;
    this.cacheFile = new JsonCacheFile(options.storageUri, setup.fileName, setup.entry, (line) => this.warn(line));
    this.loaded = this.cacheFile.read(this.cache);
    this.register(onDidChangeSettings(setup.settingIds, () => this.settingsChanged()));
  }

  override dispose(): void {
    this.stopRetrying();
    super.dispose();
  }

  /** How long the cached answer stays fresh. */
  protected abstract maxAgeMs(cached: C): number;

  /** Whether an id being asked for again while its old answer is on show counts as loading (it is never shown as such). */
  protected abstract readonly busyWhileRefreshing: boolean;

  /** Fetches `ids` (asked for together, the cache file read); each ends up cached or with a problem, and no longer busy. */
  protected abstract fetch(ids: readonly string[]): Promise<void>;

  /**
   * Asks for the ids: those not cached (or cached long ago) and not already on their way are
   * fetched after the current task. Never waits.
   */
  request(ids: readonly string[]): void {
    if (!this.settings().enabled || this.isDisposed) return;
    const wanted = ids.filter((id) => !this.busy.has(id) && !this.problems.has(id) && this.missingOrOld(id));
    if (wanted.length === 0) return;
    for (const id of wanted) {
      this.pending.add(id);
      // A stale entry stays on show while it is refreshed.
      if (this.busyWhileRefreshing || !this.cache.has(id)) this.busy.add(id);
    }
    this.queueFlush();
  }

  /** Forgets everything (the cache file too): for tests, and for a reader who wants fresh data. */
  async clear(): Promise<void> {
    await this.cacheFile.flushed();
    const ids = [...this.cache.keys(), ...this.problems.keys()];
    this.cache.clear();
    this.problems.clear();
    this.failures = 0;
    this.stopRetrying();
    await this.cacheFile.write(this.cache);
    this.changeEmitter.fire(ids);
  }

  /** The status of an id with nothing cached: on its way, failed (and why), turned off, or never asked for. */
  protected uncachedStatus(id: string): { state: 'loading' } | { state: 'unavailable'; reason: string } | { state: 'disabled' } | { state: 'none' } {
    if (this.busy.has(id)) return { state: 'loading' };
    const problem = this.problems.get(id);
    if (problem !== undefined) return { state: 'unavailable', reason: problem };
    if (!this.settings().enabled) return { state: 'disabled' };
    return { state: 'none' };
  }

  /** The ids to say changed when the settings did, given those whose failure was forgotten. */
  protected changedBySettings(_forgotten: readonly string[]): readonly string[] {
    return ['*'];
  }

  private settingsChanged(): void {
    // A new address or network switch: what failed before may work now.
    const forgotten = [...this.problems.keys()];
    this.problems.clear();
    this.failures = 0;
    this.stopRetrying();
    this.changeEmitter.fire(this.changedBySettings(forgotten));
  }

  private queueFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    // Everything asked for in this turn of the event loop goes into one run.
    setTimeout(() => {
      this.flushQueued = false;
      const ids = [...this.pending];
      this.pending.clear();
      if (ids.length === 0 || this.isDisposed) return;
      this.changeEmitter.fire(ids);
      void this.loaded.then(() => this.fetch(ids));
    }, 0);
  }

  /** Whether the id is not cached, or was fetched longer ago than it stays fresh. */
  protected missingOrOld(id: string): boolean {
    const cached = this.cache.get(id);
    return !cached || this.clock.now() - cached.fetchedAt > this.maxAgeMs(cached);
  }

  /** Whether the failures so far leave another attempt. */
  protected get mayRetry(): boolean {
    return this.failures < MAX_ATTEMPTS;
  }

  /** How long to wait after the failures so far; a rate limit also holds off every request to the service that long. */
  protected backOff(failure: { readonly kind: string; readonly retryAfter?: string | null }): number {
    const rateLimited = failure.kind === 'rateLimited';
    const delay = backoffDelay(this.failures, this.options.backoffBaseMs ?? 5000, BACKOFF_CAP_MS, rateLimited ? (failure.retryAfter ?? null) : null, this.clock.now());
    if (rateLimited) this.throttle.holdOff(delay);
    return delay;
  }

  /** Asks for `ids` again after `delay`, with any waiting already (the timer starts again). */
  protected retryLater(ids: readonly string[], delay: number): void {
    for (const id of ids) this.retryIds.add(id);
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      const again = [...this.retryIds];
      this.retryIds.clear();
      // Their "will retry" line turns back into "Loading".
      for (const id of again) this.problems.delete(id);
      this.request(again);
    }, delay);
  }

  protected stopRetrying(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.retryIds.clear();
  }

  protected info(line: string): void {
    this.options.log?.info(`${this.setup.name}: ${line}`);
  }

  protected warn(line: string): void {
    this.options.log?.warn(`${this.setup.name}: ${line}`);
  }
}
