/**
 * Runs `action` once, `delayMs` after the first of a burst of requests: a thousand issue files
 * read in a row refresh a tree once, not a thousand times.
 */
export class Coalescer {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly action: () => void,
    private readonly delayMs = 30,
  ) {}

  /** True while a run is scheduled and has not started. */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.action();
    }, this.delayMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/**
 * Runs `action` once requests have stopped for `quietMs`, or `maxDelayMs` after the first request
 * of a burst that never stops. For work over the whole library: a Coalescer would run it every
 * `delayMs` while a folder of a thousand issues is read, each run over all the issues read so far.
 */
export class Debouncer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstAt = 0;
  private lastAt = 0;

  constructor(
    private readonly action: () => void,
    private readonly quietMs: number,
    private readonly maxDelayMs = 10 * quietMs,
  ) {}

  /** True while a run is scheduled and has not started. */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  schedule(): void {
    // One timer per quiet period, not one per request: a request only notes its time.
    this.lastAt = Date.now();
    if (this.timer !== undefined) return;
    this.firstAt = this.lastAt;
    this.arm(this.quietMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(ms: number): void {
    this.timer = setTimeout(() => {
      const now = Date.now();
      const quietAt = this.lastAt + this.quietMs;
      const latest = this.firstAt + this.maxDelayMs;
      if (now < quietAt && now < latest) return this.arm(Math.min(quietAt, latest) - now);
      this.timer = undefined;
      this.action();
    }, ms);
  }
}
