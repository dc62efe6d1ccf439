/**
 * Date labels that say how precise a date is: "Sun, Nov 30, 2025", "Week of Nov 24, 2025", "October 2025",
 * "Mid-November 2025", "Spring 2025", "2022". Formatted with date-fns on UTC dates, so no time zone shifts them.
 */
import { format } from 'date-fns';
import { addDays, dayNumber, toUtc } from '../dates/calendar.ts';
import type { DateModifier, IsoDate, Precision } from '../model.ts';

/** The date fields of an event that a label needs. */
export interface DatedLike {
  date: IsoDate;
  end?: IsoDate | undefined;
  precision: Precision;
  modifier?: DateModifier | undefined;
}

const SEASONS: Record<number, string> = {
  12: 'Winter',
  1: 'Winter',
  2: 'Winter',
  3: 'Spring',
  4: 'Spring',
  5: 'Spring',
  6: 'Summer',
  7: 'Summer',
  8: 'Summer',
  9: 'Autumn',
  10: 'Autumn',
  11: 'Autumn',
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Labels are memoised by date fields: a build labels each event on its page, its tag and month pages and in every
 * feed, thousands of dates in all, and date-fns formatting was a visible part of the build. The key holds every
 * field a label reads.
 */
const memo = new Map<string, string>();

function memoised(kind: string, e: DatedLike, make: (e: DatedLike) => string): string {
  const key = `${kind} ${e.date} ${e.end ?? ''} ${e.precision} ${e.modifier ?? ''}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const made = make(e);
  memo.set(key, made);
  return made;
}

/** Human label for an event date, stating its precision. */
export function dateLabel(e: DatedLike): string {
  return memoised('label', e, formatLabel);
}

function formatLabel(e: DatedLike): string {
  const start = toUtc(e.date);
  switch (e.precision) {
    case 'day': {
      const day = format(start, 'EEE, MMM d, yyyy');
      const multi = e.end !== undefined && e.end !== e.date ? `–${format(toUtc(e.end), 'MMM d, yyyy')}` : '';
      const part = e.modifier !== undefined && !['early', 'mid', 'late'].includes(e.modifier) ? `, ${e.modifier}` : '';
      const late = e.modifier === 'late' || e.modifier === 'early' ? ` (${e.modifier})` : '';
      return `${day}${multi}${part}${late}`;
    }
    case 'week': {
      const weeks = weekCount(e);
      if (weeks === 1) return `Week of ${format(start, 'MMM d, yyyy')}`;
      // Reports that disagree on the week ("next week" said on two days) span several: say so.
      const last = toUtc(addDays(e.end ?? e.date, -6));
      const sameYear = last.getUTCFullYear() === start.getUTCFullYear();
      const from = format(start, sameYear ? 'MMM d' : 'MMM d, yyyy');
      return `Weeks of ${from} ${weeks === 2 ? 'and' : 'to'} ${format(last, 'MMM d, yyyy')}`;
    }
    case 'month': {
      const month = format(start, 'MMMM yyyy');
      if (e.modifier === 'mid') return `Mid-${month}`;
      if (e.modifier === 'early' || e.modifier === 'late') return `${capitalise(e.modifier)} ${month}`;
      return month;
    }
    case 'season': {
      const m = start.getMonth() + 1;
      // Winter is named by the year its December falls in ("Winter 2025" = Dec 2025–Feb 2026).
      const year = m <= 2 ? start.getFullYear() - 1 : start.getFullYear();
      return `${SEASONS[m] ?? 'Season'} ${year}`;
    }
    case 'year':
      return format(start, 'yyyy');
  }
}

/** The machine-readable value for `<time datetime>`: a day, a week (`2025-W48`), a month or a year. */
export function datetimeAttr(e: DatedLike): string {
  return memoised('datetime', e, formatDatetime);
}

function formatDatetime(e: DatedLike): string {
  const start = toUtc(e.date);
  switch (e.precision) {
    case 'day':
      return e.date;
    case 'week':
      return format(start, "RRRR-'W'II");
    case 'month':
    case 'season':
      return format(start, 'yyyy-MM');
    case 'year':
      return format(start, 'yyyy');
  }
}

/** How many weeks a week-precision date spans (1 unless reports of different weeks were joined). */
function weekCount(e: DatedLike): number {
  if (e.end === undefined) return 1;
  return Math.max(1, Math.round((dayNumber(e.end) - dayNumber(e.date) + 1) / 7));
}

/** The precision note of one event: a span of several weeks is not "that week". */
export function eventPrecisionNote(e: DatedLike): string {
  return e.precision === 'week' && weekCount(e) > 1 ? 'some day in those weeks' : precisionNote(e.precision);
}

/** Short words for the precision, for screen readers and the about page. */
export function precisionNote(p: Precision): string {
  return {
    day: 'exact day',
    week: 'some day that week',
    month: 'some time that month',
    season: 'some time that season',
    year: 'some time that year',
  }[p];
}
