/**
 * Week and weekend ranges. Weeks are ISO weeks (Monday–Sunday), valued TIMEX3 `YYYY-Www`.
 * On a Sunday reference the ISO week is just ending, which is why "last week" then means the week
 * that ends that day and "later this week" the week that starts the next day (docs/dates.md).
 */
import type { IsoDate, Tense } from '../model.ts';
import { addDays, isoWeekMonday, isoWeekValue, weekdayOf } from './calendar.ts';
import type { WeekendSpan, WeekSpan } from './types.ts';

/** A resolved range with its TIMEX3 value. */
export interface Range {
  value: string;
  startDate: IsoDate;
  endDate: IsoDate;
}

/** The whole ISO week that starts on `monday`. */
export function isoWeek(monday: IsoDate): Range {
  return { value: isoWeekValue(monday), startDate: monday, endDate: addDays(monday, 6) };
}

/** The range a week expression names, read on `ref` with `tense`. */
export function weekRange(span: WeekSpan, ref: IsoDate, tense: Tense): Range {
  const monday = isoWeekMonday(ref);
  const day = weekdayOf(ref);
  const isSunday = day === 0;
  const value = isoWeekValue(ref);
  switch (span) {
    case 'last':
      return isoWeek(isSunday ? monday : addDays(monday, -7));
    case 'this':
      return isoWeek(isSunday && tense === 'future' ? addDays(monday, 7) : monday);
    case 'next':
      return isoWeek(addDays(monday, 7));
    case 'earlier-this':
      // On a Monday nothing of the week lies before the reference: the Monday itself.
      return { value, startDate: monday, endDate: day === 1 ? monday : addDays(ref, -1) };
    case 'later-this':
      return isSunday
        ? isoWeek(addDays(monday, 7))
        : { value, startDate: addDays(ref, 1), endDate: addDays(monday, 6) };
    case 'this-past':
      return { value, startDate: addDays(ref, -6), endDate: ref };
  }
}

/** Saturday–Sunday of the ISO week that starts on `monday`, valued `YYYY-Www-WE`. */
function weekendOf(monday: IsoDate): Range {
  const saturday = addDays(monday, 5);
  return { value: `${isoWeekValue(saturday)}-WE`, startDate: saturday, endDate: addDays(monday, 6) };
}

/** The weekend a weekend expression names, read on `ref` with `tense`. */
export function weekendRange(span: WeekendSpan, ref: IsoDate, tense: Tense): Range {
  const monday = isoWeekMonday(ref);
  const day = weekdayOf(ref);
  const inWeekend = day === 0 || day === 6;
  const previous = addDays(monday, -7);
  switch (span) {
    case 'last':
      return weekendOf(previous);
    case 'next':
      return weekendOf(addDays(monday, 7));
    case 'this-past':
      // The latest weekend whose Saturday is before the reference.
      return weekendOf(day === 0 ? monday : previous);
    case 'this':
      // In a past sentence written Monday–Friday the weekend meant is the one just gone.
      return weekendOf(tense === 'past' && !inWeekend ? previous : monday);
    case 'the':
      return weekendOf((tense === 'past' || tense === 'none') && !inWeekend ? previous : monday);
  }
}
