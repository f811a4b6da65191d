// The one way an object owns what it must release (listeners, emitters, timers, views): it
// registers each, and dispose() releases them all, newest first, once, even when one of them
// throws. Shaped after VS Code's Markdown extension (`Disposable`, `disposeAll`). No `vscode`
// import: anything with a dispose() method can be owned, and mocha tests it in plain Node.

export interface DisposableLike {
  dispose(): unknown;
}

/** Disposes each, newest first; every one is disposed even when an earlier one throws, then the error is thrown. */
export function disposeAll(disposables: Iterable<DisposableLike>): void {
  const errors: unknown[] = [];
  for (const disposable of [...disposables].reverse()) {
    try {
      disposable.dispose();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, `${errors.length} disposables failed to dispose`);
}

/** A disposable made of the disposables it registers. */
export abstract class Disposable implements DisposableLike {
  private readonly owned: DisposableLike[] = [];
  private disposedFlag = false;

  /** True once dispose() has begun: work that finishes later must not touch what was released. */
  protected get isDisposed(): boolean {
    return this.disposedFlag;
  }

  dispose(): void {
    if (this.disposedFlag) return;
    this.disposedFlag = true;
    disposeAll(this.owned.splice(0));
  }

  /** Owns `value` (disposed with this object, or at once if this object is disposed already). */
  protected register<T extends DisposableLike>(value: T): T {
    if (this.disposedFlag) value.dispose();
    else this.owned.push(value);
    return value;
  }

  /** Owns a function that stops something (an `onDidChange` that returns its own remover, a timer). */
  protected registerStop(stop: () => void): void {
    this.register({ dispose: stop });
  }
}
