// Lists of word ids, packed: each list sorted, stored as the gaps between its ids, seven bits a
// byte (LEB128). A paper's distinct words are mostly common ones with small ids, so most gaps
// take one or two bytes instead of the four of a Uint32Array: the index's biggest part shrinks
// to about a third.

/** Appends sorted id lists to one growing byte array. */
export class IdListWriter {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;

  /** Where the next list starts. */
  get offset(): number {
    return this.length;
  }

  /** Writes the ids (distinct, in any order; sorted here). */
  write(ids: number[]): void {
    ids.sort((a, b) => a - b);
    let previous = -1;
    for (const id of ids) {
      let gap = id - previous - 1;
      previous = id;
      this.reserve(5);
      while (gap >= 0x80) {
        this.bytes[this.length++] = (gap & 0x7f) | 0x80;
        gap >>>= 7;
      }
      this.bytes[this.length++] = gap;
    }
  }

  /** The lists written, in an array of exactly their size. */
  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }

  private reserve(count: number): void {
    if (this.length + count <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + count));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}

/** Whether the list written at [start, end) holds an id that `marked` marks (with a 1). */
export function anyMarked(bytes: Uint8Array, start: number, end: number, marked: Uint8Array): boolean {
  let id = -1;
  let at = start;
  while (at < end) {
    let byte = bytes[at++] as number;
    // Most gaps fit one byte: only longer ones go round the loop.
    let gap = byte & 0x7f;
    for (let shift = 128; byte & 0x80; shift *= 128) {
      byte = bytes[at++] as number;
      gap += (byte & 0x7f) * shift;
    }
    id += gap + 1;
    if (marked[id] === 1) return true;
  }
  return false;
}
