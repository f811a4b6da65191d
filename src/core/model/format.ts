// How issues and papers are named to the reader, in every view.
import type { Issue, Week } from './model';

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(iso: string): { year: number; month: string; day: number } {
  const [year = '0', month = '1', day = '1'] = iso.split('-');
  return { year: Number(year), month: MONTH_NAMES[Number(month) - 1] ?? '?', day: Number(day) };
}

/** `Nov 24 – Nov 30, 2025`; `Dec 29, 2025 – Jan 4, 2026` across a year; null when unknown. */
export function formatWeek(week: Week): string | null {
  if (!week.start || !week.end) return null;
  const start = parts(week.start);
  const end = parts(week.end);
  const startText = start.year === end.year ? `${start.month} ${start.day}` : `${start.month} ${start.day}, ${start.year}`;
  return `${startText} – ${end.month} ${end.day}, ${end.year}`;
}

/** `Vol.132 · Nov 24 – Nov 30, 2025`, or the title where the issue has no volume line. */
export function issueLabel(issue: Pick<Issue, 'volume' | 'week' | 'title'>): string {
  const week = formatWeek(issue.week);
  if (issue.volume === null) return issue.title ?? 'Untitled issue';
  return week ? `Vol.${issue.volume} · ${week}` : `Vol.${issue.volume}`;
}
