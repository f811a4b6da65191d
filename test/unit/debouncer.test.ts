// The Debouncer (src/util/coalesce.ts): one run once requests stop, or at the latest some time
// after the first of a burst that never stops.
import * as assert from 'node:assert/strict';
import { Debouncer } from '../../src/util/coalesce';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Debouncer', () => {
  it('runs once, after the requests have stopped for its quiet time', async () => {
    let runs = 0;
    const debouncer = new Debouncer(() => runs++, 40);
    for (let i = 0; i < 5; i++) {
      debouncer.schedule();
      await sleep(10);
    }
    assert.equal(runs, 0, 'not while the requests go on');
    assert.equal(debouncer.pending, true);
    await sleep(80);
    assert.equal(runs, 1);
    assert.equal(debouncer.pending, false);
    debouncer.dispose();
  });

  it('runs at its latest time during a burst that never stops, then again after it', async () => {
    let runs = 0;
    const debouncer = new Debouncer(() => runs++, 30, 90);
    const started = Date.now();
    while (Date.now() - started < 200) {
      debouncer.schedule();
      await sleep(5);
    }
    assert.ok(runs >= 1, 'at least once during 200 ms of requests');
    debouncer.schedule();
    const during = runs;
    await sleep(80);
    assert.equal(runs, during + 1, 'once more when they stop');
    debouncer.dispose();
  });

  it('never runs once disposed', async () => {
    let runs = 0;
    const debouncer = new Debouncer(() => runs++, 10);
    debouncer.schedule();
    debouncer.dispose();
    await sleep(40);
    assert.equal(runs, 0);
  });
});
