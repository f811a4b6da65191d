// Hugging Face's page for a paper, as the panel wants it: upvotes, code repository, project
// page, linked models and datasets. What is cached is answered at once; what is missing or old
// is fetched in the background, one paper at a time (the API has no batch), one request at a
// time and at least 1 s apart, with a back-off after failures. A paper Hugging Face has not
// indexed (404) is "absent", not an error. Cached in the extension's global storage, one JSON file.
import * as vscode from 'vscode';
import { readSetting } from '../settings/settings';
import { SETTING_DEFAULTS } from '../settings/defaults';
import * as z from 'zod';
import { HuggingFacePaperSchema, type HuggingFacePaper } from '../core/formats/huggingFacePaper';
import { Setting } from '../constants';
import { DAY_MS, MetadataCache, type MetadataCacheOptions, type ServiceSettings } from '../util/metadataCache';
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

export type HuggingFaceSettings = ServiceSettings;

export interface HuggingFaceMetadataOptions extends MetadataCacheOptions {
  /** How long a paper Hugging Face did not have stays so (1 day; a found one: `maxAgeMs`, 7 days). */
  readonly absentMaxAgeMs?: number;
  /** Also count the models and datasets that cite each paper found (two more requests each); on unless false. */
  readonly countArtifacts?: boolean;
}

export const DEFAULT_HUGGING_FACE_API_URL = SETTING_DEFAULTS[Setting.huggingFaceApiUrl];

/** `paper: null` is a paper Hugging Face answered 404 for. */
const CachedEntry = z.object({ fetchedAt: z.number(), paper: HuggingFacePaperSchema.nullable() });
type CachedEntry = z.infer<typeof CachedEntry>;

function settingsFromConfiguration(): HuggingFaceSettings {
  return { enabled: readSetting(Setting.networkEnabled), apiUrl: readSetting(Setting.huggingFaceApiUrl) };
}

export class HuggingFaceMetadata extends MetadataCache<CachedEntry> {
  /** An id stays busy until settled, even while its old answer is on show: it is not asked for twice. */
  protected readonly busyWhileRefreshing = true;
  /** Aborted on dispose: a request under way is abandoned. */
  private readonly abort = new AbortController();

  constructor(private readonly hfOptions: HuggingFaceMetadataOptions) {
    // 1 s between requests keeps a long queue under 300 requests in 5 minutes.
    super(hfOptions, {
      name: 'Hugging Face',
      fileName: 'hugging-face-papers.json',
      entry: CachedEntry,
      settingIds: [Setting.networkEnabled, Setting.huggingFaceApiUrl],
      settings: settingsFromConfiguration,
      minIntervalMs: 1000,
    });
  }

  override dispose(): void {
    this.abort.abort();
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
    return this.uncachedStatus(arxivId);
  }

  protected maxAgeMs(cached: CachedEntry): number {
    return cached.paper ? (this.options.maxAgeMs ?? 7 * DAY_MS) : (this.hfOptions.absentMaxAgeMs ?? DAY_MS);
  }

  /** One paper after another, in the order asked (the API has no batch). */
  protected async fetch(ids: readonly string[]): Promise<void> {
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
      this.info(`asking for ${id}.`);
      const outcome = await lookUpHuggingFacePaper(id, get, this.hfOptions.countArtifacts ?? true);
      if (this.isDisposed) return;
      if (!(await this.settle(id, outcome, ids.slice(index + 1)))) return;
    }
  }

  /** Records a lookup's outcome; false when the rest of the run should not be attempted now. */
  private async settle(id: string, outcome: LookupOutcome, rest: readonly string[]): Promise<boolean> {
    if (outcome.kind === 'found' || outcome.kind === 'absent') {
      this.failures = 0;
      this.busy.delete(id);
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
    const willRetry = transient && this.mayRetry;
    const reason = describeFailure(outcome, willRetry, vscode.l10n);
    this.warn(`${id}: ${reason}${outcome.kind === 'malformed' || outcome.kind === 'offline' ? ` (${outcome.message})` : ''}.`);
    // A rate limit, a server in trouble or a wrong address holds for the papers after this one too.
    const affected = transient || outcome.kind === 'badAddress' ? [id, ...rest] : [id];
    for (const each of affected) {
      this.busy.delete(each);
      if (!this.cache.has(each)) this.problems.set(each, reason);
    }
    this.changeEmitter.fire(affected);
    if (willRetry) this.retryLater(affected, this.backOff(outcome));
    return affected.length === 1;
  }

  /** Ids that need nothing more now: no longer busy. */
  private settleQuietly(ids: readonly string[]): void {
    for (const id of ids) this.busy.delete(id);
    this.changeEmitter.fire(ids);
  }
}
