import { describe, expect, it } from 'vitest';
import { addDays, weekdayOf } from '../../src/lib/dates/calendar.ts';
import { brief, one } from './helpers.ts';

const NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Independent oracle: walk day by day from the reference until the weekday matches. */
function walk(ref: string, weekday: number, step: 1 | -1, includeRef: boolean): string {
  let d = includeRef ? ref : addDays(ref, step);
  while (weekdayOf(d) !== weekday) d = addDays(d, step);
  return d;
}

// Each day of the week Mon Nov 24 … Sun Nov 30, 2025 as the reference, each weekday as the target.
const REFS = ['2025-11-24', '2025-11-25', '2025-11-26', '2025-11-27', '2025-11-28', '2025-11-29', '2025-11-30'];
const GRID = REFS.flatMap((ref) => NAMES.map((name, weekday) => ({ ref, name, weekday })));

describe('bare weekdays on every reference weekday', () => {
  it.each(GRID)('past "said on $name" [$ref] is the latest on or before', ({ ref, name, weekday }) => {
    const x = one(`The minister said on ${name} that talks would resume.`, ref, name);
    expect(x.tense).toBe('past');
    expect(x.value).toBe(walk(ref, weekday, -1, true));
  });
  it.each(GRID)('future "will meet on $name" [$ref] is the next after', ({ ref, name, weekday }) => {
    const x = one(`The envoys will meet in Geneva on ${name}.`, ref, name);
    expect(x.tense).toBe('future');
    expect(x.value).toBe(walk(ref, weekday, 1, false));
  });
  it.each(GRID)('present "depart on $name" [$ref] is today or the next', ({ ref, name, weekday }) => {
    const x = one(`The envoys depart for Geneva on ${name}.`, ref, name);
    expect(x.tense).toBe('present');
    expect(x.value).toBe(walk(ref, weekday, 1, true));
  });
});

describe('weekday forms (seed expressions)', () => {
  it.each([
    // sentence, reference, text, expected brief
    ['Officials held talks on Sunday.', '2025-11-30', 'Sunday', '2025-11-30 2025-11-30..2025-11-30 day'],
    ['Officials held talks on Sunday.', '2025-12-01', 'Sunday', '2025-11-30 2025-11-30..2025-11-30 day'],
    ['He spoke late Sunday.', '2025-11-30', 'late Sunday', '2025-11-30 2025-11-30..2025-11-30 day late'],
    [
      'Umerov said on Sunday morning that talks had begun.',
      '2025-11-30',
      'Sunday morning',
      '2025-11-30 2025-11-30..2025-11-30 day morning',
    ],
    ['Sunday’s meeting was productive.', '2025-11-30', 'Sunday', '2025-11-30 2025-11-30..2025-11-30 day'],
    ["Sunday's meeting was productive.", '2025-12-01', 'Sunday', '2025-11-30 2025-11-30..2025-11-30 day'],
    [
      'Zelenskyy told reporters late Monday.',
      '2025-12-22',
      'late Monday',
      '2025-12-22 2025-12-22..2025-12-22 day late',
    ],
    [
      'He said in a post on X late Sunday that the sides agree.',
      '2025-12-22',
      'late Sunday',
      '2025-12-21 2025-12-21..2025-12-21 day late',
    ],
    ['Ushakov told state television Sunday.', '2025-12-22', 'Sunday', '2025-12-21 2025-12-21..2025-12-21 day'],
    [
      'Drones buzzed early Wednesday over Poland.',
      '2025-09-11',
      'early Wednesday',
      '2025-09-10 2025-09-10..2025-09-10 day early',
    ],
    ['An announcement came on Friday.', '2025-11-30', 'Friday', '2025-11-28 2025-11-28..2025-11-28 day'],
    [
      'During talks in Geneva last Sunday, the sides agreed.',
      '2025-11-30',
      'last Sunday',
      '2025-11-23 2025-11-23..2025-11-23 day',
    ],
    ['They met last Sunday.', '2025-12-01', 'last Sunday', '2025-11-30 2025-11-30..2025-11-30 day'],
    ['They will meet next Monday.', '2025-11-30', 'next Monday', '2025-12-01 2025-12-01..2025-12-01 day'],
    ['They will meet next Sunday.', '2025-11-30', 'next Sunday', '2025-12-07 2025-12-07..2025-12-07 day'],
    ['They met this past Friday.', '2025-12-03', 'this past Friday', '2025-11-28 2025-11-28..2025-11-28 day'],
    [
      'He spoke on Saturday evening.',
      '2025-11-30',
      'Saturday evening',
      '2025-11-29 2025-11-29..2025-11-29 day evening',
    ],
    ['The vote is on Thursday night.', '2025-11-30', 'Thursday night', '2025-12-04 2025-12-04..2025-12-04 day night'],
  ])('%s [%s] %s', (sentence, ref, text, expected) => {
    expect(brief(one(sentence, ref, text))).toBe(expected);
  });

  it('a future weekday written on that weekday is a week later (documented choice)', () => {
    expect(one('They will meet again on Sunday.', '2025-11-30', 'Sunday').value).toBe('2025-12-07');
  });
  it('keeps the preposition and the possessive out of the text', () => {
    const x = one('They met on Sunday’s afternoon session.', '2025-11-30', 'Sunday');
    expect([x.start, x.end]).toEqual([12, 18]);
    expect(x.rule).toBe('weekday-possessive');
  });
  it('anchors weekdays to the reference date', () => {
    expect(one('They met on Friday.', '2025-11-30').anchor).toEqual({ kind: 'reference', date: '2025-11-30' });
  });
});
