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
