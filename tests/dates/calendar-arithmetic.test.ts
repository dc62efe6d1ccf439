/**
 * The calendar helpers compute on day numbers; date-fns on UTCDate is the independent reference
 * they must agree with, on every day of the years they accept (0100–9999).
 */
import { UTCDate } from '@date-fns/utc';
import {
  addDays as fnsAddDays,
  format,
  getDay,
  getISOWeek,
  getISOWeekYear,
  lastDayOfMonth,
  startOfISOWeek,
} from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumber,
  isIsoDate,
  isoWeekMonday,
  isoWeekValue,
  lastDayOf,
  makeIsoDate,
  partsOf,
  weekdayOf,
} from '../../src/lib/dates/calendar.ts';
import { daysBetween } from '../../src/lib/read/datelines.ts';

const DAY_MS = 86_400_000;
const fmt = (d: Date) => format(d, 'yyyy-MM-dd');
/** Any day from 0100-01-01 to 9999-12-31, as a UTCDate. */
const anyDay = fc
  .integer({ min: Date.UTC(100, 0, 1) / DAY_MS, max: Date.UTC(9999, 11, 31) / DAY_MS })
  .map((n) => new UTCDate(n * DAY_MS));
/** Days around today's news, where most arithmetic happens. */
const newsDay = fc.integer({ min: 0, max: 40_000 }).map((n) => new UTCDate(Date.UTC(1990, 0, 1) + n * DAY_MS));

describe('calendar arithmetic on day numbers', () => {
  it('agrees with date-fns on weekdays, ISO weeks and parts', () => {
    fc.assert(
      fc.property(fc.oneof(anyDay, newsDay), (d) => {
        const iso = fmt(d);
        expect(isIsoDate(iso)).toBe(true);
        expect(weekdayOf(iso)).toBe(getDay(d));
        expect(isoWeekMonday(iso)).toBe(fmt(startOfISOWeek(d)));
        expect(isoWeekValue(iso)).toBe(`${getISOWeekYear(d)}-W${String(getISOWeek(d)).padStart(2, '0')}`);
        expect(partsOf(iso)).toEqual({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
        expect(lastDayOf(d.getUTCFullYear(), d.getUTCMonth() + 1)).toBe(fmt(lastDayOfMonth(d)));
      }),
      { numRuns: 3000 },
    );
  });
  it('agrees with date-fns on adding days, across month, year and century ends', () => {
    fc.assert(
      fc.property(fc.oneof(anyDay, newsDay), fc.integer({ min: -800_000, max: 800_000 }), (d, n) => {
        const moved = fnsAddDays(d, n);
        if (moved.getUTCFullYear() < 1) return; // date-fns prints era years there: not a calendar date
        expect(addDays(fmt(d), n)).toBe(fmt(moved));
      }),
      { numRuns: 3000 },
    );
  });
  it('counts days from 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2);
    expect(dayNumber('2100-03-01') - dayNumber('2100-02-28')).toBe(1);
  });
  it('accepts only real dates written YYYY-MM-DD from year 0100 (Date reads 0–99 as 19xx)', () => {
    for (const ok of ['0100-01-01', '2000-02-29', '2024-02-29', '9999-12-31']) expect(isIsoDate(ok), ok).toBe(true);
    for (const bad of [
      '0099-12-31',
      '0000-01-01',
      '1900-02-29',
      '2025-02-29',
      '2025-04-31',
      '2025-13-01',
      '2025-00-10',
      '2025-01-00',
      '2025-1-01',
      ' 2025-01-01',
      '2025-01-01\n',
      '+2025-01-01',
      '２０２５-01-01',
      '2025/01/01',
    ]) {
      expect(isIsoDate(bad), bad).toBe(false);
      expect(() => addDays(bad, 1), bad).toThrow(RangeError);
      expect(() => weekdayOf(bad), bad).toThrow(RangeError);
      expect(() => partsOf(bad), bad).toThrow(RangeError);
    }
    expect(() => makeIsoDate(99, 1, 1)).toThrow('impossible date: 0099-01-01');
    expect(() => makeIsoDate(2025, 1.5, 1)).toThrow('not a calendar date: 2025-1.5-01');
  });
  it('leaves fractional and non-finite steps to date-fns', () => {
    expect(addDays('2025-01-05', -1.5)).toBe(fmt(fnsAddDays(new UTCDate(Date.UTC(2025, 0, 5)), -1.5)));
    expect(() => addDays('2025-01-01', Number.NaN)).toThrow(RangeError);
  });
  it('measures whole days between dates, capped at 400 either way', () => {
    expect(daysBetween('2025-11-30', '2025-11-30')).toBe(0);
    expect(daysBetween('2025-11-30', '2025-12-01')).toBe(1);
    expect(daysBetween('2025-03-01', '2024-02-29')).toBe(-366);
    expect(daysBetween('2025-01-01', '2026-02-05')).toBe(400);
    expect(daysBetween('2025-01-01', '2020-01-01')).toBe(-400);
  });
});
