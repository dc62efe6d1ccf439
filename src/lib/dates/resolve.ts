/**
 * Turns a recognised candidate into dates, given the tense it was read with and the segment's
 * reference date. HeidelTime's news rules: past or no tense looks back (latest on or before the
 * reference), future looks forward (next after it), present is the reference day or the next one.
 * All arithmetic is on `YYYY-MM-DD` calendar dates (calendar.ts), never in a machine time zone.
 */
import type { Anchor, IsoDate, Precision, Tense, TimeExpression } from '../model.ts';
import {
  addDays,
  compareIso,
  isIsoDate,
  isoWeekMonday,
  isoWeekValue,
  lastDayOf,
  makeIsoDate,
  partsOf,
  weekdayOf,
} from './calendar.ts';
import { seasonRange, seasonOf } from './seasons.ts';
import type { Candidate, Mention, Relation } from './types.ts';
import { isoWeek, type Range, weekendRange, weekRange } from './weeks.ts';

/** The dated part of a TimeExpression. */
export type Resolved = Pick<TimeExpression, 'value' | 'startDate' | 'endDate' | 'precision' | 'anchor'>;

/** Which way a bare weekday or dated day looks from the reference, and whether the reference itself counts. */
type Direction = 'back-inclusive' | 'back-exclusive' | 'forward-inclusive' | 'forward-exclusive';

/** Direction of a bare weekday from its tense and any "last/this/next". */
export function weekdayDirection(tense: Tense, relation: Relation | undefined): Direction {
  if (relation === 'last') return 'back-exclusive';
  if (relation === 'next') return 'forward-exclusive';
  if (relation === 'this') return tense === 'past' ? 'back-inclusive' : 'forward-inclusive';
  if (tense === 'future') return 'forward-exclusive';
  if (tense === 'present') return 'forward-inclusive';
  return 'back-inclusive';
}

/** The day with `weekday` (0 = Sunday) nearest `ref` in `direction`. */
export function weekdayFrom(ref: IsoDate, weekday: number, direction: Direction): IsoDate {
  const back = (weekdayOf(ref) - weekday + 7) % 7;
  const forward = (weekday - weekdayOf(ref) + 7) % 7;
  switch (direction) {
    case 'back-inclusive':
      return addDays(ref, -back);
    case 'back-exclusive':
      return addDays(ref, -(back === 0 ? 7 : back));
    case 'forward-inclusive':
      return addDays(ref, forward);
    case 'forward-exclusive':
      return addDays(ref, forward === 0 ? 7 : forward);
  }
}

function day(date: IsoDate, anchor: Anchor): Resolved {
  return { value: date, startDate: date, endDate: date, precision: 'day', anchor };
}

function range(r: Range, precision: Precision, anchor: Anchor): Resolved {
  return { value: r.value, startDate: r.startDate, endDate: r.endDate, precision, anchor };
}

/** The whole of a month. */
export function monthRange(year: number, month: number): Range {
  return {
    value: `${year}-${String(month).padStart(2, '0')}`,
    startDate: makeIsoDate(year, month, 1),
    endDate: lastDayOf(year, month),
  };
}

/** The whole of a year. */
function yearRange(year: number): Range {
  return { value: String(year), startDate: makeIsoDate(year, 1, 1), endDate: makeIsoDate(year, 12, 31) };
}

/** Narrow a range to the part before ("earlier this …") or after ("later this …") the reference. */
function part(r: Range, ref: IsoDate, which: 'earlier' | 'later' | undefined): Range {
  if (which === 'earlier') {
    const end = compareIso(ref, r.startDate) > 0 ? addDays(ref, -1) : r.startDate;
    return { ...r, endDate: end };
  }
  if (which === 'later') {
    const start = compareIso(ref, r.endDate) < 0 ? addDays(ref, 1) : r.endDate;
    return { ...r, startDate: start };
  }
  return r;
}

/** Year of a month named without one: the reference year, moved by tense (docs/dates.md). */
export function monthYear(month: number, ref: IsoDate, tense: Tense, relation: Relation | undefined): number {
  const { year, month: refMonth } = partsOf(ref);
  if (relation === 'last') return month < refMonth ? year : year - 1;
  if (relation === 'next') return month > refMonth ? year : year + 1;
  if (relation === 'this' || tense === 'present') return year;
  if (tense === 'future') return month < refMonth ? year + 1 : year;
  return month > refMonth ? year - 1 : year;
}

/**
 * Date of a month-day named without a year: future → first on or after `ref`; otherwise the latest
 * on or before it (present-tense captions describe past pictures). A weekday printed with it ("Sun, Nov 30") picks among nearby years.
 */
export function dayWithoutYear(
  month: number,
  dayOfMonth: number,
  ref: IsoDate,
  tense: Tense,
  weekday?: number,
): IsoDate {
  const { year } = partsOf(ref);
  const options: IsoDate[] = [];
  // Nine years either way always include a Feb 29.
  for (let y = year - 8; y <= year + 8; y++) {
    const iso = `${y}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
    if (isIsoDate(iso)) options.push(iso);
  }
  const back = options.filter((d) => compareIso(d, ref) <= 0).reverse();
  const forward = options.filter((d) => compareIso(d, ref) >= 0);
  const ordered = tense === 'future' ? [...forward, ...back] : [...back, ...forward];
  const first = ordered[0] ?? ref;
  if (weekday === undefined) return first;
  // Only the nearest occurrence either side, so a weekday never drags the date years away.
  const near = [back[0], forward[0]].filter((d): d is IsoDate => d !== undefined);
  const matching = ordered.filter((d) => near.includes(d) && weekdayOf(d) === weekday);
  return matching[0] ?? first;
}

/** Resolve one candidate (not yet anchored to other expressions). */
export function resolve(c: Candidate, tense: Tense, ref: IsoDate): Resolved {
  const m: Mention = c.mention;
  const fromRef: Anchor = { kind: 'reference', date: ref };
  const absolute: Anchor = { kind: 'absolute' };
  const { year: refYear, month: refMonth } = partsOf(ref);
  switch (m.kind) {
    case 'weekday':
      return day(weekdayFrom(ref, m.weekday, weekdayDirection(tense, m.relation)), fromRef);
    case 'date':
      return m.year !== undefined
        ? day(makeIsoDate(m.year, m.month, m.day), absolute)
        : day(dayWithoutYear(m.month, m.day, ref, tense, m.weekday), fromRef);
    case 'month':
      return m.year !== undefined
        ? range(monthRange(m.year, m.month), 'month', absolute)
        : range(monthRange(monthYear(m.month, ref, tense, m.relation), m.month), 'month', fromRef);
    case 'month-offset': {
      const index = refYear * 12 + (refMonth - 1) + m.offset;
      const r = monthRange(Math.floor(index / 12), (index % 12) + 1);
      return range(part(r, ref, m.part), 'month', fromRef);
    }
    case 'week':
      return range(weekRange(m.span, ref, tense), 'week', fromRef);
    case 'weekend':
      return range(weekendRange(m.span, ref, tense), 'week', fromRef);
    case 'season':
      return m.year !== undefined
        ? range(seasonOf(m.season, m.year), 'season', absolute)
        : range(seasonRange(m.season, ref, tense, m.relation), 'season', fromRef);
    case 'year':
      return range(yearRange(m.year), 'year', absolute);
    case 'year-offset':
      return range(part(yearRange(refYear + m.offset), ref, m.part), 'year', fromRef);
    case 'day-offset':
      return day(addDays(ref, m.days), fromRef);
    case 'week-offset':
      return range(isoWeek(isoWeekMonday(addDays(ref, 7 * m.weeks))), 'week', fromRef);
    case 'void':
      throw new Error('an impossible date is dropped before resolution');
    case 'relative':
      return {
        value: '',
        startDate: ref,
        endDate: ref,
        precision: m.unit,
        anchor: { kind: 'unresolved', days: m.days, mention: m.mention },
      };
  }
}

/** Resolve a relative candidate against a dated expression it names ("the day before Sunday's talks"). */
export function resolveAgainst(days: number, unit: 'day' | 'week', target: IsoDate, index: number): Resolved {
  const date = addDays(target, days);
  const anchor: Anchor = { kind: 'expression', index };
  if (unit === 'day') return day(date, anchor);
  return {
    value: isoWeekValue(date),
    startDate: isoWeekMonday(date),
    endDate: addDays(isoWeekMonday(date), 6),
    precision: 'week',
    anchor,
  };
}
