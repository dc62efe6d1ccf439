import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareIso, isIsoDate } from '../../src/lib/dates/calendar.ts';
import { all } from './helpers.ts';

const NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Any calendar date 1990–2040 as YYYY-MM-DD. */
const refDate = fc.integer({ min: 0, max: 18_627 }).map((n) => addDays('1990-01-01', n));
const weekdayName = fc.constantFrom(...NAMES);

describe('properties', () => {
  it('a past-tense weekday is never after the reference date, and at most 6 days before', () => {
    fc.assert(
      fc.property(refDate, weekdayName, (ref, name) => {
        const [x] = all(`The minister said on ${name} that talks had stalled.`, ref);
        expect(x?.tense).toBe('past');
        expect(compareIso(x?.value ?? '', ref)).toBeLessThanOrEqual(0);
        expect(compareIso(x?.value ?? '', addDays(ref, -7))).toBeGreaterThan(0);
      }),
    );
  });
  it('a future-tense weekday is never on or before the reference date, and at most 7 days after', () => {
    fc.assert(
      fc.property(refDate, weekdayName, (ref, name) => {
        const [x] = all(`The envoys will travel to Moscow on ${name}.`, ref);
        expect(x?.tense).toBe('future');
        expect(compareIso(x?.value ?? '', ref)).toBeGreaterThan(0);
        expect(compareIso(x?.value ?? '', addDays(ref, 7))).toBeLessThanOrEqual(0);
      }),
    );
  });
  const phrase = fc.constantFrom(
    'on Sunday',
    'late Monday',
    'last week',
    'this week',
    'next week',
    'earlier this week',
    'later this week',
    'this past week',
    'this weekend',
    'over the weekend',
    'in October',
    'in mid-November',
    'this spring',
    'last winter',
    'next summer',
    'in 2022',
    'last year',
    'earlier this year',
    'last month',
    'earlier this month',
    'on March 18',
    'on Feb. 29',
    'yesterday',
    'two days ago',
    'a week ago',
    'the day before Sunday’s talks',
  );
  const frame = fc.constantFrom(
    'Officials met %s.',
    'Officials will meet %s.',
    'Officials are meeting %s.',
    'Talks %s.',
  );
  it('every expression has start <= end, real dates, and its text at its offsets', () => {
    fc.assert(
      fc.property(refDate, phrase, frame, (ref, p, f) => {
        const sentence = f.replace('%s', p);
        const found = all(sentence, ref);
        expect(found.length).toBeGreaterThan(0);
        for (const x of found) {
          expect(isIsoDate(x.startDate) && isIsoDate(x.endDate)).toBe(true);
          expect(compareIso(x.startDate, x.endDate)).toBeLessThanOrEqual(0);
          expect(sentence.slice(x.start, x.end)).toBe(x.text);
          if (x.precision === 'day' && x.value !== '') expect(x.value).toBe(x.startDate);
        }
      }),
    );
  });
  it('results are sorted by start and never overlap', () => {
    fc.assert(
      fc.property(refDate, fc.array(phrase, { minLength: 1, maxLength: 4 }), (ref, ps) => {
        const found = all(`Officials met ${ps.join(' and ')} in Geneva.`, ref);
        for (let i = 1; i < found.length; i++) {
          expect((found[i]?.start ?? 0) >= (found[i - 1]?.end ?? 0)).toBe(true);
        }
      }),
    );
  });
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(refDate, fc.string({ maxLength: 200 }), (ref, s) => {
        expect(Array.isArray(all(s, ref))).toBe(true);
      }),
    );
  });
});
