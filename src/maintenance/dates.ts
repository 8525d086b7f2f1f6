// Date arithmetic on the content's partial ISO dates ("2020", "2020-09", "2020-09-14"), for the
// maintenance commands. Dates are UTC calendar days: no time zone or clock is involved.

const DAY = 86_400_000;

/** The first day a partial date can mean: "2020" → 2020-01-01, "2020-09" → 2020-09-01. */
export function firstDay(date: string): string {
  const [year, month = '01', day = '01'] = date.split('-');
  return `${year}-${month}-${day}`;
}

/** The last day a partial date can mean: "2020" → 2020-12-31, "2020-02" → 2020-02-29. */
export function lastDay(date: string): string {
  const [year = '', month, day] = date.split('-');
  if (day) return date;
  if (!month) return `${year}-12-31`;
  const end = new Date(Date.UTC(Number(year), Number(month), 0));
  return end.toISOString().slice(0, 10);
}

/** `date` (YYYY-MM-DD) moved by whole calendar months, the day kept or clamped to the month's end: 2026-03-31 − 1 → 2026-02-28. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastOfTarget = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastOfTarget));
  return target.toISOString().slice(0, 10);
}

/** Whole calendar months from `earlier` to `later` (both YYYY-MM-DD), counting a month only once its day is reached. */
export function monthsBetween(earlier: string, later: string): number {
  const [y1, m1, d1] = earlier.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = later.split('-').map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

/** Days from `earlier` to `later` (both YYYY-MM-DD). */
export const daysBetween = (earlier: string, later: string): number => Math.round((Date.parse(later) - Date.parse(earlier)) / DAY);

/** Today as YYYY-MM-DD (UTC): only the command-line entry points ask for it. */
export const today = (): string => new Date().toISOString().slice(0, 10);

export const isFullDate = (text: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text)) && new Date(text).toISOString().startsWith(text);
