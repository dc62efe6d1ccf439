import { describe, expect, it } from 'vitest';
import {
  datelineAt,
  findDates,
  findPublicationDateline,
  inferYear,
  wholeLineDateline,
} from '../../src/lib/read/datelines.ts';

describe('datelines', () => {
  it('parses the formats pages print', () => {
    const cases: Array<[string, number | undefined, number, number]> = [
      ['Updated Nov. 30, 2025 6:19 pm ET', 2025, 11, 30],
      ['date 2025-12-01', 2025, 12, 1],
      ['Sun, 11/30/2025 – 10:30', 2025, 11, 30],
      ['Published: 30 November 2025 14:05 GMT', 2025, 11, 30],
      ['Updated 9:19 PM EDT, March 18', undefined, 3, 18],
      ['August 14, 2024 at 12:00 a.m. EDT', 2024, 8, 14],
      ['Sept. 11, 2025', 2025, 9, 11],
    ];
    for (const [text, year, month, day] of cases) {
      const d = wholeLineDateline(text);
      expect(d, text).toBeDefined();
      expect([d?.year, d?.month, d?.day], text).toEqual([year, month, day]);
    }
  });
  it('rejects impossible dates and non-dates', () => {
    expect(wholeLineDateline('February 30, 2025')).toBeUndefined();
    expect(wholeLineDateline('Marco Rubio said 30 things')).toBeUndefined();
    expect(datelineAt('The talks ended.', 0)).toBeUndefined();
  });
  it('finds dates inside prose', () => {
    const found = findDates('before departing in Hallandale Beach, Florida, on November 30, 2025. Then Dec. 4.');
    expect(found.map((d) => [d.text, d.year])).toEqual([
      ['November 30, 2025', 2025],
      ['Dec. 4', undefined],
    ]);
  });
  it('infers the latest year not after the host date, checked against a named weekday', () => {
    expect(inferYear(3, 18, '2025-11-30')).toEqual({ date: '2025-03-18', weekdayChecked: false });
    // March 18, 2025 is a Tuesday.
    expect(inferYear(3, 18, '2025-11-30', [2])).toEqual({ date: '2025-03-18', weekdayChecked: true });
    // A Monday March 18 is 2024.
    expect(inferYear(3, 18, '2025-11-30', [1])).toEqual({ date: '2024-03-18', weekdayChecked: true });
    // Not after the host date: December 25 seen from Nov 30, 2025 is 2024.
    expect(inferYear(12, 25, '2025-11-30')?.date).toBe('2024-12-25');
    // February 29 only exists in leap years.
    expect(inferYear(2, 29, '2025-11-30')?.date).toBe('2024-02-29');
  });
  it('finds a publication dateline in a body', () => {
    expect(findPublicationDateline('Headline\nUpdated Nov. 30, 2025 6:19 pm ET\nText.')).toEqual({
      date: '2025-11-30',
      text: 'Updated Nov. 30, 2025 6:19 pm ET',
    });
    expect(findPublicationDateline(' date 2025-12-01 American negotiators head to Russia.')?.date).toBe('2025-12-01');
    expect(findPublicationDateline('Officials met on November 30, 2025 in Florida.')).toBeUndefined();
  });
});
