// Packed word-id lists of the search index (src/core/search/idLists.ts): what is written is what
// is found, for small and large ids, in lists side by side.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { IdListWriter, anyMarked } from '../../src/core/search/idLists';

/** The ids of a list, found by asking for each id up to `limit` on its own. */
function idsIn(bytes: Uint8Array, start: number, end: number, limit: number): number[] {
  const found: number[] = [];
  for (let id = 0; id < limit; id++) {
    const marked = new Uint8Array(limit);
    marked[id] = 1;
    if (anyMarked(bytes, start, end, marked)) found.push(id);
  }
  return found;
}

describe('packed word-id lists', () => {
  it('finds exactly the ids written, whatever their order, in lists side by side', () => {
    const writer = new IdListWriter();
    const lists = [[5, 0, 3], [], [127, 128, 129], [16_383, 16_384, 2_097_151, 2_097_152], [1]];
    const starts: number[] = [];
    for (const list of lists) {
      starts.push(writer.offset);
      writer.write([...list]);
    }
    starts.push(writer.offset);
    const bytes = writer.finish();
    assert.equal(bytes.length, writer.offset, 'no slack');
    lists.forEach((list, i) => {
      const start = starts[i] as number;
      const end = starts[i + 1] as number;
      const small = list.filter((id) => id < 300);
      assert.deepEqual(idsIn(bytes, start, end, 300), [...small].sort((a, b) => a - b), `list ${i}`);
      for (const id of list) {
        const marked = new Uint8Array(id + 1);
        marked[id] = 1;
        assert.equal(anyMarked(bytes, start, end, marked), true, `list ${i} has ${id}`);
      }
    });
  });

  it('takes one byte for a gap under 128, as the memory figures assume', () => {
    const writer = new IdListWriter();
    writer.write([0, 1, 2, 100, 227]);
    assert.equal(writer.offset, 5);
    writer.write([228]);
    assert.equal(writer.offset, 7, 'a gap of 228 takes two');
  });

  it('agrees with a plain set on any lists', () => {
    fc.assert(fc.property(fc.array(fc.uniqueArray(fc.nat({ max: 5000 }), { maxLength: 40 }), { maxLength: 8 }), fc.nat({ max: 5000 }), (lists, probe) => {
      const writer = new IdListWriter();
      const starts = lists.map((list) => {
        const start = writer.offset;
        writer.write([...list]);
        return start;
      });
      const bytes = writer.finish();
      const marked = new Uint8Array(5001);
      marked[probe] = 1;
      lists.forEach((list, i) => {
        assert.equal(anyMarked(bytes, starts[i] as number, starts[i + 1] ?? bytes.length, marked), list.includes(probe));
      });
    }));
  });
});
