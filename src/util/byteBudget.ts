/**
 * Bounds how many bytes are being read at once: many small files go in parallel, a few large
 * ones wait their turn. A request larger than the whole budget runs alone.
 */
export class ByteBudget {
  private inUse = 0;
  private readonly waiting: Array<{ bytes: number; start: () => void }> = [];

  constructor(private readonly limit: number) {}

  /** Resolves when `bytes` may be used; call the returned function when done with them. */
  acquire(bytes: number): Promise<() => void> {
    const amount = Math.max(0, bytes);
    return new Promise((resolve) => {
      const start = () => {
        this.inUse += amount;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.inUse -= amount;
          this.next();
        });
      };
      if (this.waiting.length === 0 && this.fits(amount)) start();
      else this.waiting.push({ bytes: amount, start });
    });
  }

  private fits(bytes: number): boolean {
    return this.inUse === 0 || this.inUse + bytes <= this.limit;
  }

  private next(): void {
    while (this.waiting.length > 0 && this.fits((this.waiting[0] as { bytes: number }).bytes)) {
      (this.waiting.shift() as { start: () => void }).start();
    }
  }
}
