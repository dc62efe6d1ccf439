import { describe, expect, it } from 'vitest';
import { all, brief, one } from './helpers.ts';

describe('explicit dates', () => {
  it.each([
    ['Updated Nov. 30, 2025 6:19 pm ET', '2025-11-30', 'Nov. 30, 2025', '2025-11-30'],
    ['They spoke in Hallandale Beach, Florida, on November 30, 2025.', '2025-12-01', 'November 30, 2025', '2025-11-30'],
    ['Tyler Durden Sun, 11/30/2025 – 10:30', '2025-11-30', 'Sun, 11/30/2025', '2025-11-30'],
    ['date 2025-12-01 American negotiators head to Russia.', '2025-12-01', '2025-12-01', '2025-12-01'],
    ['The New York Times , Sept. 11, 2025 Updated 8:49 a.m. ET', '2025-09-11', 'Sept. 11, 2025', '2025-09-11'],
    ['The Washington Post , August 14, 2024 at 12:00 a.m. EDT', '2024-08-14', 'August 14, 2024', '2024-08-14'],
    ['CNN Updated 9:19 PM EDT, March 18 Original article', '2025-03-18', 'March 18', '2025-03-18'],
    ['The talks ended on 30 November 2025.', '2025-12-01', '30 November 2025', '2025-11-30'],
    ['It happened on Sunday, November 30, 2025.', '2025-12-01', 'Sunday, November 30, 2025', '2025-11-30'],
    ['Talks resumed on Nov. 30th.', '2025-12-01', 'Nov. 30th', '2025-11-30'],
    ['The vote was held on Feb. 29, 2024.', '2025-12-01', 'Feb. 29, 2024', '2024-02-29'],
    // No year: the latest such date not after the reference, unless future tense.
    ['They met on March 18.', '2025-03-17', 'March 18', '2024-03-18'],
    ['They will meet on March 18.', '2025-03-20', 'March 18', '2026-03-18'],
    ['They will meet on March 18.', '2025-03-18', 'March 18', '2025-03-18'],
    ['They met on December 2.', '2025-12-22', 'December 2', '2025-12-02'],
    ['They met on December 2.', '2025-11-30', 'December 2', '2024-12-02'],
    ['They will meet on December 2.', '2025-11-30', 'December 2', '2025-12-02'],
    ['They will meet on January 5.', '2025-12-30', 'January 5', '2026-01-05'],
    ['They met on December 30.', '2026-01-02', 'December 30', '2025-12-30'],
    // Feb 29 without a year: the nearest leap year in the reading direction.
    ['They met on Feb. 29.', '2025-03-01', 'Feb. 29', '2024-02-29'],
    ['They will meet on Feb. 29.', '2025-03-01', 'Feb. 29', '2028-02-29'],
    // A printed weekday picks the year when the date has none.
    ['Posted Sun, Nov 30', '2025-12-01', 'Sun, Nov 30', '2025-11-30'],
    ['Posted Thursday, Nov. 30', '2024-01-10', 'Thursday, Nov. 30', '2023-11-30'],
  ])('%s [%s]', (sentence, ref, text, value) => {
    const x = one(sentence, ref, text);
    expect(x.value).toBe(value);
    expect(x.startDate).toBe(value);
    expect(x.endDate).toBe(value);
    expect(x.precision).toBe('day');
  });

  it('keeps the longest match: "Nov. 30, 2025" over "2025"', () => {
    expect(all('Updated Nov. 30, 2025 6:19 pm ET', '2025-11-30').map((x) => x.text)).toEqual(['Nov. 30, 2025']);
  });
  it('anchors a full date absolutely and a year-less one to the reference', () => {
    expect(one('On Nov. 30, 2025 they met.', '2025-12-01').anchor).toEqual({ kind: 'absolute' });
    expect(one('On Nov. 30 they met.', '2025-12-01').anchor).toEqual({ kind: 'reference', date: '2025-12-01' });
  });
  it.each([
    'They met on Feb. 30, 2025.',
    'They met on 2/30/2025.',
    'They met on 2025-02-30.',
    'They met on Feb. 29, 2025.',
    'They met on 13/01/2025.',
    'They met on April 31.',
  ])('an impossible date is no expression at all: %s', (sentence) => {
    expect(all(sentence, '2025-11-30')).toEqual([]);
  });
  it('gives a month-day the day precision and no modifier', () => {
    expect(brief(one('They met on Dec. 2.', '2025-12-22'))).toBe('2025-12-02 2025-12-02..2025-12-02 day');
  });
});
