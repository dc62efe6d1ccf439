import { describe, expect, it } from 'vitest';
import { brief, one } from './helpers.ts';

describe('months', () => {
  it.each([
    ['Umerov met U.S. officials in October.', '2025-11-30', 'October', '2025-10 2025-10-01..2025-10-31 month'],
    [
      'They referred to the summit in Alaska in August.',
      '2025-12-22',
      'August',
      '2025-08 2025-08-01..2025-08-31 month',
    ],
    ['The proposal leaked in mid-November.', '2025-11-30', 'mid-November', '2025-11 2025-11-01..2025-11-30 month mid'],
    ['The invasion began in February 2022.', '2025-12-22', 'February 2022', '2022-02 2022-02-01..2022-02-28 month'],
    ['The invasion began in Feb. 2022.', '2025-12-22', 'Feb. 2022', '2022-02 2022-02-01..2022-02-28 month'],
    [
      'The invasion began in February of 2022.',
      '2025-12-22',
      'February of 2022',
      '2022-02 2022-02-01..2022-02-28 month',
    ],
    ['Talks stalled in early March.', '2025-11-30', 'early March', '2025-03 2025-03-01..2025-03-31 month early'],
    ['Talks stalled in late October.', '2025-11-30', 'late October', '2025-10 2025-10-01..2025-10-31 month late'],
    ['Talks stalled at the end of June.', '2025-11-30', 'the end of June', '2025-06 2025-06-01..2025-06-30 month late'],
    // Year boundaries: a December in a January article, a January in a December one.
    ['Talks collapsed in December.', '2026-01-10', 'December', '2025-12 2025-12-01..2025-12-31 month'],
    ['Talks collapsed in January.', '2025-12-15', 'January', '2025-01 2025-01-01..2025-01-31 month'],
    ['Talks will resume in January.', '2025-12-15', 'January', '2026-01 2026-01-01..2026-01-31 month'],
    ['Talks will resume in December.', '2025-12-15', 'December', '2025-12 2025-12-01..2025-12-31 month'],
    ['Talks collapsed in December.', '2025-12-15', 'December', '2025-12 2025-12-01..2025-12-31 month'],
    ['Talks will resume in March.', '2025-11-30', 'March', '2026-03 2026-03-01..2026-03-31 month'],
    ['Since March, talks have stalled.', '2025-11-30', 'March', '2025-03 2025-03-01..2025-03-31 month'],
    ['Talks have stalled since May.', '2025-11-30', 'May', '2025-05 2025-05-01..2025-05-31 month'],
    ['They met last October.', '2025-10-15', 'last October', '2024-10 2024-10-01..2024-10-31 month'],
    ['They will meet next March.', '2025-11-30', 'next March', '2026-03 2026-03-01..2026-03-31 month'],
    [
      'February had 29 days then, and talks began in February.',
      '2024-03-10',
      'February',
      '2024-02 2024-02-01..2024-02-29 month',
    ],
    ['Prices rose last month.', '2026-01-15', 'last month', '2025-12 2025-12-01..2025-12-31 month'],
    ['Talks resume next month.', '2025-12-15', 'next month', '2026-01 2026-01-01..2026-01-31 month'],
    ['They met earlier this month.', '2025-12-10', 'earlier this month', '2025-12 2025-12-01..2025-12-09 month'],
    ['They will meet later this month.', '2025-12-10', 'later this month', '2025-12 2025-12-11..2025-12-31 month'],
    ['They met this month.', '2025-12-10', 'this month', '2025-12 2025-12-01..2025-12-31 month'],
    ['They met two months ago.', '2025-01-10', 'two months ago', '2024-11 2024-11-01..2024-11-30 month'],
  ])('%s [%s]', (sentence, ref, text, expected) => {
    expect(brief(one(sentence, ref, text))).toBe(expected);
  });
  it('never invents a first day: a month has month precision and spans the whole month', () => {
    const x = one('They met in October.', '2025-11-30');
    expect(x.precision).toBe('month');
    expect(x.value).toBe('2025-10');
  });
  it('anchors a month with a year absolutely, one without to the reference', () => {
    expect(one('It began in February 2022.', '2025-12-22').anchor).toEqual({ kind: 'absolute' });
    expect(one('It began in February.', '2025-12-22').anchor).toEqual({ kind: 'reference', date: '2025-12-22' });
  });
});

describe('seasons', () => {
  it.each([
    [
      'They sat at the table in peace talks this spring that made no progress.',
      '2025-11-30',
      'this spring',
      '2025-SP 2025-03-01..2025-05-31 season',
    ],
    ['They sat at the table this spring.', '2025-02-10', 'this spring', '2024-SP 2024-03-01..2024-05-31 season'],
    ['They will meet this spring.', '2025-02-10', 'this spring', '2025-SP 2025-03-01..2025-05-31 season'],
    ['Attacks grew this winter.', '2026-01-15', 'this winter', '2025-WI 2025-12-01..2026-02-28 season'],
    ['Attacks grew this winter.', '2024-01-15', 'this winter', '2023-WI 2023-12-01..2024-02-29 season'],
    ['Attacks grew last winter.', '2025-11-30', 'last winter', '2024-WI 2024-12-01..2025-02-28 season'],
    ['Talks resume next summer.', '2025-11-30', 'next summer', '2026-SU 2026-06-01..2026-08-31 season'],
    ['They will meet in the fall.', '2025-08-01', 'fall', '2025-FA 2025-09-01..2025-11-30 season'],
    ['They met in the autumn.', '2025-12-10', 'autumn', '2025-FA 2025-09-01..2025-11-30 season'],
    ['The offensive began in spring 2024.', '2025-11-30', 'spring 2024', '2024-SP 2024-03-01..2024-05-31 season'],
    [
      'The offensive began in the summer of 2022.',
      '2025-11-30',
      'summer of 2022',
      '2022-SU 2022-06-01..2022-08-31 season',
    ],
    [
      'The offensive began in early spring 2023.',
      '2025-11-30',
      'early spring 2023',
      '2023-SP 2023-03-01..2023-05-31 season early',
    ],
    ['Fighting slowed during the summer.', '2025-07-10', 'summer', '2025-SU 2025-06-01..2025-08-31 season'],
  ])('%s [%s]', (sentence, ref, text, expected) => {
    expect(brief(one(sentence, ref, text))).toBe(expected);
  });
});

describe('years', () => {
  it.each([
    ['It launched its full-scale invasion in 2022.', '2025-11-30', '2022', '2022 2022-01-01..2022-12-31 year'],
    ['Territories it has seized since 2022.', '2025-11-30', '2022', '2022 2022-01-01..2022-12-31 year'],
    ['The war Russia began with its 2022 invasion.', '2025-11-30', '2022', '2022 2022-01-01..2022-12-31 year'],
    ['Elections were held last year.', '2025-11-30', 'last year', '2024 2024-01-01..2024-12-31 year'],
    ['Elections are due this year.', '2025-11-30', 'this year', '2025 2025-01-01..2025-12-31 year'],
    ['Elections are due next year.', '2025-11-30', 'next year', '2026 2026-01-01..2026-12-31 year'],
    ['They met earlier this year.', '2025-11-30', 'earlier this year', '2025 2025-01-01..2025-11-29 year'],
    ['They will meet later this year.', '2025-11-30', 'later this year', '2025 2025-12-01..2025-12-31 year'],
    ['They met three years ago.', '2025-11-30', 'three years ago', '2022 2022-01-01..2022-12-31 year'],
    ['Crimea was annexed in 2014 and invaded in 2022.', '2025-11-30', '2014', '2014 2014-01-01..2014-12-31 year'],
  ])('%s [%s]', (sentence, ref, text, expected) => {
    expect(brief(one(sentence, ref, text))).toBe(expected);
  });
  it('reads a year as absolute', () => {
    expect(one('It began in 2022.', '2025-11-30').anchor).toEqual({ kind: 'absolute' });
  });
});
