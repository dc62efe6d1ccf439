import { describe, expect, it } from 'vitest';
import { datetimeAttr, dateLabel, eventPrecisionNote } from '../../src/lib/site/date-label.ts';

describe('date labels state their precision', () => {
  it.each([
    [{ date: '2025-11-30', precision: 'day' }, 'Sun, Nov 30, 2025', '2025-11-30'],
    [{ date: '2025-11-30', precision: 'day', modifier: 'morning' }, 'Sun, Nov 30, 2025, morning', '2025-11-30'],
    [{ date: '2025-12-21', precision: 'day', modifier: 'late' }, 'Sun, Dec 21, 2025 (late)', '2025-12-21'],
    [{ date: '2025-11-24', end: '2025-11-30', precision: 'week' }, 'Week of Nov 24, 2025', '2025-W48'],
    [{ date: '2025-12-29', end: '2026-01-04', precision: 'week' }, 'Week of Dec 29, 2025', '2026-W01'],
    // Planned reports of two adjacent weeks joined: the label names both, the attribute the first.
    [{ date: '2025-12-01', end: '2025-12-14', precision: 'week' }, 'Weeks of Dec 1 and Dec 8, 2025', '2025-W49'],
    [{ date: '2025-12-22', end: '2026-01-11', precision: 'week' }, 'Weeks of Dec 22, 2025 to Jan 5, 2026', '2025-W52'],
    [{ date: '2025-10-01', end: '2025-10-31', precision: 'month' }, 'October 2025', '2025-10'],
    [{ date: '2025-11-01', end: '2025-11-30', precision: 'month', modifier: 'mid' }, 'Mid-November 2025', '2025-11'],
    [{ date: '2025-03-01', end: '2025-05-31', precision: 'season' }, 'Spring 2025', '2025-03'],
    [{ date: '2025-12-01', end: '2026-02-28', precision: 'season' }, 'Winter 2025', '2025-12'],
    [{ date: '2022-01-01', end: '2022-12-31', precision: 'year' }, '2022', '2022'],
  ] as const)('%o → %s', (e, label, attr) => {
    expect(dateLabel(e)).toBe(label);
    expect(datetimeAttr(e)).toBe(attr);
  });
});

describe('precision notes', () => {
  it('says "those weeks" only for a span of several weeks', () => {
    expect(eventPrecisionNote({ date: '2025-11-24', end: '2025-11-30', precision: 'week' })).toBe('some day that week');
    expect(eventPrecisionNote({ date: '2025-12-01', end: '2025-12-14', precision: 'week' })).toBe(
      'some day in those weeks',
    );
    expect(eventPrecisionNote({ date: '2025-11-30', precision: 'day' })).toBe('exact day');
  });
});
