import * as assert from 'node:assert/strict';
import { parseVolumeLine, parseWeekRange } from '../../src/core/parse/dates';

describe('week line', () => {
  it('reads the sample’s line', () => {
    assert.deepEqual(parseVolumeLine('Vol.132 for Nov 24 - Nov 30, 2025'), { volume: 132, week: { start: '2025-11-24', end: '2025-11-30' } });
  });

  const cases: Array<[string, string, string]> = [
    ['Dec 01 - Dec 07, 2025', '2025-12-01', '2025-12-07'],
    ['Sep 29 - Oct 5, 2025', '2025-09-29', '2025-10-05'],
    ['Dec 29 - Jan 4, 2026', '2025-12-29', '2026-01-04'],
    ['Dec 29, 2025 - Jan 4, 2026', '2025-12-29', '2026-01-04'],
    ['May 18 – May 24, 2026', '2026-05-18', '2026-05-24'],
    ['November 24 - 30, 2025', '2025-11-24', '2025-11-30'],
    ['Feb 23 - Mar 1, 2024', '2024-02-23', '2024-03-01'],
  ];
  for (const [text, start, end] of cases) {
    it(`reads "${text}"`, () => assert.deepEqual(parseWeekRange(text), { start, end }));
  }

  it('refuses impossible dates and backwards ranges rather than guessing', () => {
    assert.equal(parseWeekRange('Feb 30 - Mar 6, 2025'), null);
    assert.equal(parseWeekRange('Nov 30, 2025 - Nov 24, 2025'), null);
    assert.equal(parseWeekRange('Smarch 3 - Smarch 9, 2025'), null);
  });

  it('keeps the volume when the dates cannot be read', () => {
    assert.deepEqual(parseVolumeLine('Vol.140 for the week of Thanksgiving'), { volume: 140, week: null });
  });

  it('is not fooled by lines that merely start with "vol"', () => {
    assert.equal(parseVolumeLine('Volatile memory is fast'), null);
  });
});
