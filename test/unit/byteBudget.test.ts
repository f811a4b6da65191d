import * as assert from 'node:assert/strict';
import { ByteBudget } from '../../src/util/byteBudget';

describe('byte budget', () => {
  it('lets small requests through together and makes a large one wait its turn', async () => {
    const budget = new ByteBudget(100);
    const order: string[] = [];
    const a = await budget.acquire(40);
    const b = await budget.acquire(40);
    const c = budget.acquire(40).then((release) => {
      order.push('c');
      return release;
    });
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(order, [], 'c must wait: 120 > 100');
    a();
    const releaseC = await c;
    assert.deepEqual(order, ['c']);
    b();
    releaseC();
  });

  it('runs a request larger than the whole budget alone, and keeps order', async () => {
    const budget = new ByteBudget(10);
    const first = await budget.acquire(5);
    const huge = budget.acquire(1000);
    const small = budget.acquire(1);
    const started: string[] = [];
    void huge.then((release) => {
      started.push('huge');
      setImmediate(release);
    });
    void small.then((release) => {
      started.push('small');
      release();
    });
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(started, []);
    first();
    await huge;
    await small;
    assert.deepEqual(started, ['huge', 'small']);
  });

  it('ignores a second release', async () => {
    const budget = new ByteBudget(10);
    const release = await budget.acquire(10);
    release();
    release();
    const again = await budget.acquire(10);
    // Had the second release given its 10 bytes back too, this would start at once.
    let more = false;
    const next = budget.acquire(1).then((release) => {
      more = true;
      return release;
    });
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(more, false, 'a second release gave its bytes back twice');
    again();
    (await next)();
  });
});
