// The week line: `Vol.132 for Nov 24 - Nov 30, 2025`, and the variants real issues have
// (zero-padded days, full month names, weeks that cross a month or a year, en dashes).
import type { Week } from '../model/model';

const MONTHS: ReadonlyMap<string, number> = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, i + 1]),
);

export interface VolumeLine {
  readonly volume: number;
  /** Null when the dates could not be read; the volume still counts. */
  readonly week: Week | null;
}

/** `Vol.132 for …`, `Vol 132 - …`, `Volume 132 for …`. */
const VOLUME_LINE = /^vol(?:ume)?\.?\s*(\d{1,5})\b\s*(?:for|[-–—:,])?\s*(.*)$/i;
/** `Nov 24[, 2025] - [Nov ]30, 2025`. */
const RANGE = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\s*(?:-|–|—|to)\s*(?:([a-z]{3,9})\.?\s+)?(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;

export function parseVolumeLine(line: string): VolumeLine | null {
  const match = VOLUME_LINE.exec(line);
  if (!match || match[1] === undefined) return null;
  const volume = Number(match[1]);
  const rest = (match[2] ?? '').replace(/\s+/g, ' ').trim();
  return { volume, week: rest ? parseWeekRange(rest) : null };
}

export function parseWeekRange(text: string): Week | null {
  const match = RANGE.exec(text);
  if (!match) return null;
  const [, startMonthName, startDayText, startYearText, endMonthName, endDayText, endYearText] = match;
  const startMonth = monthNumber(startMonthName);
  const endMonth = endMonthName === undefined ? startMonth : monthNumber(endMonthName);
  if (startMonth === null || endMonth === null) return null;
  const endYear = Number(endYearText);
  const startYear = startYearText !== undefined ? Number(startYearText) : startMonth > endMonth ? endYear - 1 : endYear;
  const start = isoDate(startYear, startMonth, Number(startDayText));
  const end = isoDate(endYear, endMonth, Number(endDayText));
  if (start === null || end === null || start > end) return null;
  return { start, end };
}

function monthNumber(name: string | undefined): number | null {
  return name === undefined ? null : (MONTHS.get(name.slice(0, 3).toLowerCase()) ?? null);
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
