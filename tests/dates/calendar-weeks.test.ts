import { describe, expect, it } from 'vitest';
import { isoWeekMonday, isoWeekValue, lastDayOf, partsOf } from '../../src/lib/dates/calendar.ts';

describe('calendar helpers for weeks and months', () => {
  it.each([
    ['2025-11-30', '2025-11-24', '2025-W48'],
    ['2025-12-01', '2025-12-01', '2025-W49'],
    ['2024-12-30', '2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-12-28', '2020-W53'],
  ])('%s is in the ISO week starting %s (%s)', (iso, monday, value) => {
    expect(isoWeekMonday(iso)).toBe(monday);
    expect(isoWeekValue(iso)).toBe(value);
  });
  it('knows month ends, leap years included', () => {
    expect(lastDayOf(2024, 2)).toBe('2024-02-29');
    expect(lastDayOf(2025, 2)).toBe('2025-02-28');
    expect(lastDayOf(2025, 12)).toBe('2025-12-31');
  });
  it('splits a date into numbers', () => {
    expect(partsOf('2025-03-09')).toEqual({ year: 2025, month: 3, day: 9 });
  });
});
