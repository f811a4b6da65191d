import * as assert from 'node:assert/strict';
import { Disposable, disposeAll } from '../../src/util/dispose';

class Owner extends Disposable {
  own<T extends { dispose(): unknown }>(value: T): T {
    return this.register(value);
  }
  stop(stop: () => void): void {
    this.registerStop(stop);
  }
  get disposed(): boolean {
    return this.isDisposed;
  }
}

describe('Disposable', () => {
  it('disposes what it owns once, newest first', () => {
    const order: string[] = [];
    const owner = new Owner();
    owner.own({ dispose: () => order.push('first') });
    owner.stop(() => order.push('second'));
    assert.equal(owner.disposed, false);
    owner.dispose();
    owner.dispose();
    assert.deepEqual(order, ['second', 'first']);
    assert.equal(owner.disposed, true);
  });

  it('disposes at once what is registered after it was disposed', () => {
    const owner = new Owner();
    owner.dispose();
    let disposed = 0;
    owner.own({ dispose: () => disposed++ });
    assert.equal(disposed, 1);
  });

  it('disposes every one even when some throw, then throws what they threw', () => {
    let disposed = 0;
    const throwing = { dispose: () => { throw new Error('a'); } };
    const counting = { dispose: () => disposed++ };
    assert.throws(() => disposeAll([counting, throwing, counting]), /^Error: a$/);
    assert.equal(disposed, 2);
    assert.throws(() => disposeAll([throwing, counting, throwing]), (error: unknown) => error instanceof AggregateError && error.errors.length === 2);
    assert.equal(disposed, 3);
  });
});
