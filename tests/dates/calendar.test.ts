import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarDateIn,
  isIsoDate,
  makeIsoDate,
  monthNumber,
  weekdayOf,
} from '../../src/lib/dates/calendar.ts';

describe('calendar', () => {
  it('moves across month and year ends', () => {
    expect(addDays('2025-11-30', 1)).toBe('2025-12-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
  it('knows weekdays (0 = Sunday)', () => {
    expect(weekdayOf('2025-11-30')).toBe(0);
    expect(weekdayOf('2025-12-22')).toBe(1);
  });
  it('rejects impossible dates', () => {
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(() => makeIsoDate(2025, 2, 29)).toThrow(RangeError);
  });
  it('reads newsroom month abbreviations', () => {
    expect(monthNumber('Sept.')).toBe(9);
    expect(monthNumber('Nov')).toBe(11);
    expect(monthNumber('Maybe')).toBeUndefined();
  });
  it('places a date-time on the calendar of its zone', () => {
    expect(calendarDateIn('2025-11-30T18:19:00-05:00', 'America/New_York')).toBe('2025-11-30');
    expect(calendarDateIn('2025-11-30T23:30:00-05:00', 'Europe/Kyiv')).toBe('2025-12-01');
    expect(calendarDateIn('2025-12-01', 'America/New_York')).toBe('2025-12-01');
    expect(() => calendarDateIn('2025-02-30', 'UTC')).toThrow(RangeError);
  });
});
