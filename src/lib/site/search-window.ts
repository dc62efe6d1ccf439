/**
 * The header search's window. Pagefind loads an index's whole metadata file (about 6–8 bytes gzipped per page)
 * before its first search, so on a large site the header searches a second, smaller index: the pages of the
 * latest months only, up to a page budget. `/search/` always searches everything. Pure, tested without a build.
 */

/** An indexed page and the date that places it in time (an event's date, a source's publication date). */
export interface DatedPage {
  file: string;
  /** `YYYY-MM-DD`; a page without one is never in the window, but still counts towards the site's size. */
  date?: string | undefined;
}

export interface SearchWindow {
  /** First and last period of the window: months (`YYYY-MM`), or days (`YYYY-MM-DD`) when a month is too large. */
  from: string;
  to: string;
  /** The window as a reader sees it: "Dec 2025", "Oct–Dec 2025", "Nov 2025–Jan 2026", "Dec 12–31, 2025". */
  label: string;
  /** The window's pages, in the order given. */
  files: string[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthName = (date: string) => MONTHS[Number(date.slice(5, 7)) - 1] ?? date;

/** "Oct–Dec 2025" for `2025-10`…`2025-12`; the year is written once when both ends share it. */
export function monthSpanLabel(from: string, to: string): string {
  const [fromYear, toYear] = [from.slice(0, 4), to.slice(0, 4)];
  if (from === to) return `${monthName(to)} ${toYear}`;
  if (fromYear === toYear) return `${monthName(from)}–${monthName(to)} ${toYear}`;
  return `${monthName(from)} ${fromYear}–${monthName(to)} ${toYear}`;
}

/** "Dec 12–31, 2025" for `2025-12-12`…`2025-12-31`, in the site's date style ("Nov 28–Dec 3, 2025" across months). */
export function daySpanLabel(from: string, to: string): string {
  const day = (d: string) => `${monthName(d)} ${Number(d.slice(8, 10))}`;
  const [fromYear, toYear] = [from.slice(0, 4), to.slice(0, 4)];
  if (from === to) return `${day(to)}, ${toYear}`;
  if (fromYear !== toYear) return `${day(from)}, ${fromYear}–${day(to)}, ${toYear}`;
  const end = from.slice(0, 7) === to.slice(0, 7) ? String(Number(to.slice(8, 10))) : day(to);
  return `${day(from)}–${end}, ${toYear}`;
}

/**
 * The latest periods (`key` of a page's date) whose pages fit `budget` together, the latest always:
 * returns the first period taken and the page count.
 */
function latestPeriods(dates: readonly string[], key: (date: string) => string, budget: number) {
  const counts = new Map<string, number>();
  for (const d of dates) counts.set(key(d), (counts.get(key(d)) ?? 0) + 1);
  const periods = [...counts].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
  const [to, first] = periods[0] ?? ['', 0];
  let [from, total] = [to, first];
  for (const [period, n] of periods.slice(1)) {
    if (total + n > budget) break;
    [from, total] = [period, total + n];
  }
  return { from, to, total };
}

/**
 * Whole months back from the latest dated page's month, while the window stays within `budget` pages. When the
 * latest month alone is over the budget, whole days back from the latest day instead (the latest day always:
 * a window with nothing in it would find nothing recent). Undefined when every page fits the budget: then one
 * index serves both searches.
 */
export function recentWindow(pages: readonly DatedPage[], budget: number): SearchWindow | undefined {
  if (pages.length <= budget) return undefined;
  const dates = pages.flatMap((p) => (p.date === undefined ? [] : [p.date]));
  if (dates.length === 0) return undefined; // nothing dated: nothing to put in a window
  let span = latestPeriods(dates, (d) => d.slice(0, 7), budget);
  let label = monthSpanLabel(span.from, span.to);
  if (span.total > budget) {
    span = latestPeriods(dates, (d) => d, budget);
    label = daySpanLabel(span.from, span.to);
  }
  // A date is at or after a month or day `from` exactly when it sorts at or after it (`2025-12-05` ≥ `2025-12`).
  const files = pages.filter((p) => p.date !== undefined && p.date >= span.from).map((p) => p.file);
  return { from: span.from, to: span.to, label, files };
}
