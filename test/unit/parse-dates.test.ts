// The "Vol.N for <week>" line: zero-padded days, single-digit days, a week across a month and
// across a year (written with the year on both ends, or only at the end).
import * as assert from 'node:assert/strict';
import { fixture, lineAt } from './helpers/fixtures';

const CASES: Array<{ file: string; volume: number; week: { start: string; end: string }; papers: number }> = [
  { file: 'web/vol-132.txt', volume: 132, week: { start: '2025-11-24', end: '2025-11-30' }, papers: 10 },
  { file: 'edge/vol-133-zero-padded-days.txt', volume: 133, week: { start: '2025-12-01', end: '2025-12-07' }, papers: 3 },
  { file: 'edge/vol-124-month-crossing.txt', volume: 124, week: { start: '2025-09-29', end: '2025-10-05' }, papers: 3 },
  { file: 'edge/vol-137-year-crossing.txt', volume: 137, week: { start: '2025-12-29', end: '2026-01-04' }, papers: 2 },
  { file: 'edge/vol-137-year-crossing-short.txt', volume: 137, week: { start: '2025-12-29', end: '2026-01-04' }, papers: 2 },
  { file: 'edge/vol-138-extras-datasets.txt', volume: 138, week: { start: '2026-01-05', end: '2026-01-11' }, papers: 2 },
  { file: 'paywall/vol-141-after-first-paper.txt', volume: 141, week: { start: '2026-01-26', end: '2026-02-01' }, papers: 8 },
];

describe('parse: volume and week', () => {
  for (const c of CASES) {
    describe(c.file, () => {
      const f = fixture(c.file);

      it(`reads "${lineAt(f.text, 2)}"`, () => {
        assert.equal(f.issue().volume, c.volume);
        assert.deepEqual(f.issue().week, c.week);
      });

      it('still reads the papers after it', () => {
        assert.equal(f.issue().papers.length, c.papers);
      });

      it('does not warn about the volume', () => {
        assert.deepEqual(f.result().diagnostics.filter((d) => d.code === 'missing-volume'), []);
      });
    });
  }
});
