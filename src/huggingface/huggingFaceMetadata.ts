// Hugging Face's page for a paper, as the panel wants it: upvotes, code repository, project
// page, linked models and datasets. What is cached is answered at once; what is missing or old
// is fetched in the background, one paper at a time (the API has no batch), one request at a
// time and at least 1 s apart, with a back-off after failures. A paper Hugging Face has not
// indexed (404) is "absent", not an error. Cached in the extension's global storage, one JSON file.
import * as vscode from 'vscode';
import { onDidChangeSettings, readSetting } from '../settings/settings';
import { SETTING_DEFAULTS } from '../settings/defaults';
import { Disposable } from '../util/dispose';
import * as z from 'zod';
import { HuggingFacePaperSchema, type HuggingFacePaper } from '../core/formats/huggingFacePaper';
import { RequestThrottle, backoffDelay, systemClock, type Clock } from '../core/net/requestThrottle';
import { Setting } from '../constants';
import { JsonCacheFile } from '../util/jsonCacheFile';
import { describeFailure, fetchJsonText, isTransient, lookUpHuggingFacePaper, type JsonGetter, type LookupOutcome } from './huggingFaceFetch';

export type HuggingFaceStatus =
  | { readonly state: 'ready'; readonly paper: HuggingFacePaper }
  | { readonly state: 'loading' }
  /** Hugging Face has not indexed the paper: "not on Hugging Face", not an error. */
  | { readonly state: 'absent' }
  | { readonly state: 'unavailable'; readonly reason: string }
  /** Network use is turned off and nothing is cached. */
  | { readonly state: 'disabled' }
  /** Never asked for. */
  | { readonly state: 'none' };

export interface HuggingFaceSettings {
  readonly enabled: boolean;
  readonly apiUrl: string;
}

export interface HuggingFaceMetadataOptions {
  /** The extension's global storage (`context.globalStorageUri`). */
  readonly storageUri: vscode.Uri;
  readonly log?: vscode.LogOutputChannel;
  readonly clock?: Clock;
  readonly timeoutMs?: number;
  /** Between the starts of two requests; 1 s keeps a long queue under 300 requests in 5 minutes. */
  readonly minIntervalMs?: number;
  readonly backoffBaseMs?: number;
  /** How long a found paper is fresh (7 days), and a paper Hugging Face did not have (1 day). */
  readonly maxAgeMs?: number;
  readonly absentMaxAgeMs?: number;
  /** Also count the models and datasets that cite each paper found (two more requests each); on unless false. */
  readonly countArtifacts?: boolean;
  /** Settings, read at each request; the `weeklyPapers.*` settings unless a test says otherwise. */
  readonly settings?: () => HuggingFaceSettings;
}

export const DEFAULT_HUGGING_FACE_API_URL = SETTING_DEFAULTS[Setting.huggingFaceApiUrl];
const CACHE_FILE = 'hugging-face-papers.json';
const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_ATTEMPTS = 6;
const BACKOFF_CAP_MS = 10 * 60 * 1000;

/** `paper: null` is a paper Hugging Face answered 404 for. */
const CachedEntry = z.object({ fetchedAt: z.number(), paper: HuggingFacePaperSchema.nullable() });
type CachedEntry = z.infer<typeof CachedEntry>;

function settingsFromConfiguration(): HuggingFaceSettings {
  return { enabled: readSetting(Setting.networkEnabled), apiUrl: readSetting(Setting.huggingFaceApiUrl) };
}

export class HuggingFaceMetadata extends Disposable {
  private readonly cache = new Map<string, CachedEntry>();
  private readonly cacheFile: JsonCacheFile<CachedEntry>;
  /** Ids asked for and not yet settled (waiting, or being fetched). */
  private readonly queued = new Set<string>();
  /** Of those, the ids not yet handed to a run. */
  private readonly pending = new Set<string>();
  /** Ids whose last lookup failed, with what the reader is told. */
  private readonly problems = new Map<string, string>();
  /** Ids to ask for again when the back-off ends. */
  private readonly retryIds = new Set<string>();
  private readonly throttle: RequestThrottle;
  private readonly clock: Clock;
  private readonly settings: () => HuggingFaceSettings;
  /** Aborted on dispose: a request under way is abandoned. */
  private readonly abort = new AbortController();
  private readonly changeEmitter = new vscode.EventEmitter<readonly string[]>();
  /** Fires with the ids whose status changed (`['*']`: any may have, after a settings change). */
  readonly onDidChange = this.changeEmitter.event;
  private flushQueued = false;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Settles when the cache file has been read. */
  readonly loaded: Promise<void>;

  constructor(private readonly options: HuggingFaceMetadataOptions) {
    super();
    this.register(this.changeEmitter);
    this.clock = options.clock ?? systemClock;
    this.throttle = new RequestThrottle(options.minIntervalMs ?? 1000, this.clock);
    this.settings = options.settings ?? settingsFromConfiguration;
    this.cacheFile = new JsonCacheFile(options.storageUri, CACHE_FILE, CachedEntry, (line) => this.options.log?.warn(`Hugging Face: ${line}`));
    this.loaded = this.cacheFile.read(this.cache);
    this.register(
      onDidChangeSettings([Setting.networkEnabled, Setting.huggingFaceApiUrl], () => this.settingsChanged()),
    );
  }

  override dispose(): void {
    this.abort.abort();
    this.stopRetrying();
    super.dispose();
  }

  /**
   * The repository a cached answer names for the paper, else null: a map look-up, for the library,
   * which asks it about every paper on every change (get() may read the settings).
   */
  cachedRepository(arxivId: string): string | null {
    return this.cache.get(arxivId)?.paper?.githubRepo ?? null;
  }

  /** What is known of the paper with this arXiv id (no version): a cached answer, even an old one, first. */
  get(arxivId: string): HuggingFaceStatus {
    const cached = this.cache.get(arxivId);
    if (cached) return cached.paper ? { state: 'ready', paper: cached.paper } : { state: 'absent' };
    if (this.queued.has(arxivId)) return { state: 'loading' };
    const problem = this.problems.get(arxivId);
    if (problem !== undefined) return { state: 'unavailable', reason: problem };
    if (!this.settings().enabled) return { state: 'disabled' };
    return { state: 'none' };
  }

  /**
   * Asks for the papers: those not cached (or cached long ago) and not already on their way are
   * looked up one after another, in the order asked, after the current task. Never waits.
   */
  request(arxivIds: readonly string[]): void {
    if (!this.settings().enabled || this.isDisposed) return;
    const wanted = arxivIds.filter((id) => !this.queued.has(id) && !this.problems.has(id) && this.missingOrOld(id));
    if (wanted.length === 0) return;
    for (const id of wanted) {
      this.queued.add(id);
      this.pending.add(id);
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

  private settingsChanged(): void {
    // A new address or network switch: what failed before may work now.
    this.problems.clear();
    this.failures = 0;
    this.stopRetrying();
    this.changeEmitter.fire(['*']);
  }

  private stopRetrying(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.retryIds.clear();
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
      void this.loaded.then(() => this.lookUpAll(ids));
    }, 0);
  }

  /** Whether the id is not cached, or was fetched longer ago than its kind stays fresh. */
  private missingOrOld(id: string): boolean {
    const cached = this.cache.get(id);
    if (!cached) return true;
    const maxAge = cached.paper ? (this.options.maxAgeMs ?? 7 * DAY_MS) : (this.options.absentMaxAgeMs ?? DAY_MS);
    return this.clock.now() - cached.fetchedAt > maxAge;
  }

  private async lookUpAll(ids: readonly string[]): Promise<void> {
    const get: JsonGetter = (address) =>
      this.throttle.run(() => {
        // Read when the request's turn comes: the network may have been turned off meanwhile.
        const { enabled, apiUrl } = this.settings();
        if (!enabled || this.isDisposed) return Promise.resolve({ kind: 'cancelled' } as const);
        return fetchJsonText(address(apiUrl), this.options.timeoutMs ?? 15_000, this.abort.signal);
      });
    for (const [index, id] of ids.entries()) {
      if (this.isDisposed) return;
      // Asked for before the cache file was read: what it held fresh needs no request.
      if (!this.missingOrOld(id)) {
        this.settleQuietly([id]);
        continue;
      }
      this.options.log?.info(`Hugging Face: asking for ${id}.`);
      const outcome = await lookUpHuggingFacePaper(id, get, this.options.countArtifacts ?? true);
      if (this.isDisposed) return;
      if (!(await this.settle(id, outcome, ids.slice(index + 1)))) return;
    }
  }

  /** Records a lookup's outcome; false when the rest of the run should not be attempted now. */
  private async settle(id: string, outcome: LookupOutcome, rest: readonly string[]): Promise<boolean> {
    if (outcome.kind === 'found' || outcome.kind === 'absent') {
      this.failures = 0;
      this.queued.delete(id);
      this.problems.delete(id);
      this.cache.set(id, { fetchedAt: this.clock.now(), paper: outcome.kind === 'found' ? outcome.paper : null });
      this.changeEmitter.fire([id]);
      await this.cacheFile.write(this.cache);
      return true;
    }
    if (outcome.kind === 'cancelled') {
      this.settleQuietly([id, ...rest]);
      return false;
    }
    const transient = isTransient(outcome);
    if (transient) this.failures++;
    const willRetry = transient && this.failures < MAX_ATTEMPTS;
    const reason = describeFailure(outcome, willRetry, vscode.l10n);
    this.options.log?.warn(`Hugging Face: ${id}: ${reason}${outcome.kind === 'malformed' || outcome.kind === 'offline' ? ` (${outcome.message})` : ''}.`);
    // A rate limit, a server in trouble or a wrong address holds for the papers after this one too.
    const affected = transient || outcome.kind === 'badAddress' ? [id, ...rest] : [id];
    for (const each of affected) {
      this.queued.delete(each);
      if (!this.cache.has(each)) this.problems.set(each, reason);
      if (willRetry) this.retryIds.add(each);
    }
    this.changeEmitter.fire(affected);
    if (willRetry) {
      const delay = backoffDelay(this.failures, this.options.backoffBaseMs ?? 5000, BACKOFF_CAP_MS, outcome.kind === 'rateLimited' ? outcome.retryAfter : null, this.clock.now());
      if (outcome.kind === 'rateLimited') this.throttle.holdOff(delay);
      if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        const again = [...this.retryIds];
        this.retryIds.clear();
        // Their "will retry" line turns back into "Loading".
        for (const each of again) this.problems.delete(each);
        this.request(again);
      }, delay);
    }
    return affected.length === 1;
  }

  /** Ids that need nothing more now: no longer queued. */
  private settleQuietly(ids: readonly string[]): void {
    for (const id of ids) this.queued.delete(id);
    this.changeEmitter.fire(ids);
  }
}
