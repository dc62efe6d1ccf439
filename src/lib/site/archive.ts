/**
 * The archive: past a threshold the home page shows only the latest months and links every month's own
 * page (/YYYY/MM/), so its weight stays flat however long the timeline runs; long tag pages paginate.
 * Pure functions on event lists, so the thresholds are tested without a build.
 */
import { format } from 'date-fns';
import { toUtc } from '../dates/calendar.ts';

/** Above this many events the home page switches to the archive (latest months + month links). */
export const ARCHIVE_THRESHOLD = 80;
/** At most this many events on the home page in archive mode: about 30 KB of the 40 KB gzipped budget. */
export const HOME_MAX_EVENTS = 60;
/** Events per page on a person, place or topic page. */
export const TAG_PAGE_SIZE = 50;

/** One month of the archive. */
export interface ArchiveMonth {
  /** `YYYY-MM`. */
  key: string;
  year: string;
  /** Two digits, `01`–`12`. */
  month: string;
  /** `November 2025`. */
  label: string;
  count: number;
}

/** What the home page shows. */
export interface HomeSelection<E> {
  archive: boolean;
  /** The events shown on the home page, in the order given. */
  shown: E[];
  /** Every month that has events, newest first (empty when not in archive mode). */
  months: ArchiveMonth[];
  /** True when the latest month alone is over the budget, so the home page shows only its latest events. */
  truncated: boolean;
}

/** Whether `count` events need the archive. */
export function archiveMode(count: number): boolean {
  return count > ARCHIVE_THRESHOLD;
}

/** The month an event is filed under: the month its date (or range) starts in. */
export function monthKey(e: { date: string }): string {
  return e.date.slice(0, 7);
}

/** Every month with events, newest first, with counts. */
export function archiveMonths(events: ReadonlyArray<{ date: string }>): ArchiveMonth[] {
  const counts = new Map<string, number>();
  for (const e of events) counts.set(monthKey(e), (counts.get(monthKey(e)) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([key, count]) => ({
      key,
      year: key.slice(0, 4),
      month: key.slice(5, 7),
      label: format(toUtc(`${key}-01`), 'MMMM yyyy'),
      count,
    }));
}

/**
 * The home page's events. Below the threshold: all of them. Above: whole months, newest first, while they
 * fit in `max` events (always at least the latest month, cut to its last `max` events if it alone is over).
 * `events` must be in timeline order (oldest first); the selection keeps that order.
 */
export function homeSelection<E extends { date: string }>(
  events: readonly E[],
  threshold = ARCHIVE_THRESHOLD,
  max = HOME_MAX_EVENTS,
): HomeSelection<E> {
  if (events.length <= threshold) return { archive: false, shown: [...events], months: [], truncated: false };
  const months = archiveMonths(events);
  const keep = new Set<string>();
  let total = 0;
  for (const m of months) {
    if (keep.size > 0 && total + m.count > max) break;
    keep.add(m.key);
    total += m.count;
  }
  const shown = events.filter((e) => keep.has(monthKey(e)));
  const truncated = shown.length > max;
  return { archive: true, shown: truncated ? shown.slice(-max) : shown, months, truncated };
}

/** The events of one month (`YYYY-MM`), in the order given. */
export function eventsOfMonth<E extends { date: string }>(events: readonly E[], key: string): E[] {
  return events.filter((e) => monthKey(e) === key);
}

/** Split `items` into pages of `size` (at least one page, possibly empty). */
export function paginate<T>(items: readonly T[], size = TAG_PAGE_SIZE): T[][] {
  if (size < 1) throw new RangeError('page size must be at least 1');
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length === 0 ? [[]] : pages;
}

/** URL path of page `n` (1-based) of a paginated list whose first page is `base` (ending in `/`). */
export function pageHref(base: string, n: number): string {
  return n <= 1 ? base : `${base}${n}/`;
}
