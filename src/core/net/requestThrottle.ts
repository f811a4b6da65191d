// One request at a time, at least `minIntervalMs` from the end of one request to the start of the next, and a
// back-off the caller can impose (arXiv: one request every 3 s, one connection at a time; 429
// means wait longer). Pure: the clock is injected, so tests run it with a fake one.

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** How long to wait before a request may start, given when the last one started and any back-off. */
export function delayBeforeNext(now: number, lastStart: number | null, minIntervalMs: number, notBefore: number): number {
  const spaced = lastStart === null ? now : lastStart + minIntervalMs;
  return Math.max(0, spaced - now, notBefore - now);
}

/**
 * The wait after the `attempt`-th failure in a row (1-based): `baseMs`·2^(attempt-1), capped, and
 * never shorter than what a Retry-After header asks (seconds, or an HTTP date).
 */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, retryAfter: string | null, now: number): number {
  const exponential = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(exponential, Math.min(capMs, retryAfterMs(retryAfter, now) ?? 0));
}

/** A Retry-After header in milliseconds: `120` or `Wed, 21 Oct 2015 07:28:00 GMT`; null when unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export class RequestThrottle {
  private lastStart: number | null = null;
  private notBefore = 0;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly minIntervalMs: number,
    private readonly clock: Clock = systemClock,
  ) {}

  /** No request starts before `delayMs` from now (a 429's back-off); a shorter one never shortens it. */
  holdOff(delayMs: number): void {
    this.notBefore = Math.max(this.notBefore, this.clock.now() + delayMs);
  }

  /** Runs `task` when its turn comes: after every earlier task has finished and the spacing has passed. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const turn = this.tail.then(async () => {
      const wait = delayBeforeNext(this.clock.now(), this.lastStart, this.minIntervalMs, this.notBefore);
      if (wait > 0) await this.clock.sleep(wait);
      this.lastStart = this.clock.now();
      try {
        return await task();
      } finally {
        // Counted from the end as well: a request that took a while to reach the server (a new
        // connection) must not arrive less than the interval before the next one.
        this.lastStart = this.clock.now();
      }
    });
    // The next task waits for this one whether it succeeds or fails.
    this.tail = turn.catch(() => undefined);
    return turn;
  }
}
