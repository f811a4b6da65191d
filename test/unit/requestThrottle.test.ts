import * as assert from 'node:assert/strict';
import { RequestThrottle, backoffDelay, delayBeforeNext, retryAfterMs, type Clock } from '../../src/core/net/requestThrottle';

/** A clock that moves only when a sleeper asks it to: sleeping advances time at once. */
class FakeClock implements Clock {
  time = 1_000_000;
  readonly sleeps: number[] = [];
  now(): number {
    return this.time;
  }
  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
    return Promise.resolve();
  }
}

describe('request throttle', () => {
  it('spaces starts at least the interval apart, and never before a back-off ends', () => {
    assert.equal(delayBeforeNext(100, null, 3000, 0), 0);
    assert.equal(delayBeforeNext(1000, 0, 3000, 0), 2000);
    assert.equal(delayBeforeNext(5000, 0, 3000, 0), 0);
    assert.equal(delayBeforeNext(5000, 0, 3000, 9000), 4000);
  });

  it('runs one task at a time, each starting ≥ 3 s after the one before ended (fake clock)', async () => {
    const clock = new FakeClock();
    const throttle = new RequestThrottle(3000, clock);
    const starts: number[] = [];
    let running = 0;
    let most = 0;
    const task = (cost: number) => async () => {
      starts.push(clock.now());
      running++;
      most = Math.max(most, running);
      await clock.sleep(cost);
      running--;
      return cost;
    };
    const results = await Promise.all([throttle.run(task(500)), throttle.run(task(4000)), throttle.run(task(10))]);
    assert.deepEqual(results, [500, 4000, 10]);
    assert.equal(most, 1);
    // 0 + 500 ms of work + 3 s; then 3,500 + 4,000 + 3,000: a slow answer never brings the next request closer.
    assert.deepEqual(starts.map((start) => start - 1_000_000), [0, 3500, 10500]);
  });

  it('keeps going after a task fails, and honours holdOff', async () => {
    const clock = new FakeClock();
    const throttle = new RequestThrottle(3000, clock);
    await assert.rejects(throttle.run(() => Promise.reject(new Error('offline'))));
    throttle.holdOff(20_000);
    const start = await throttle.run(() => Promise.resolve(clock.now()));
    assert.equal(start - 1_000_000, 20_000);
  });

  it('backs off exponentially, capped, and never less than Retry-After', () => {
    assert.deepEqual([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, 5000, 60_000, null, 0)), [5000, 10_000, 20_000, 40_000]);
    assert.equal(backoffDelay(10, 5000, 60_000, null, 0), 60_000);
    assert.equal(backoffDelay(1, 5000, 60_000, '30', 0), 30_000);
    assert.equal(backoffDelay(1, 5000, 60_000, '3600', 0), 60_000);
    assert.equal(retryAfterMs('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')), 30_000);
    assert.equal(retryAfterMs('soon', 0), null);
    assert.equal(retryAfterMs(null, 0), null);
  });
});
