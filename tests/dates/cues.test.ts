/**
 * Each recogniser first checks the sentence for a word all of its patterns need, and skips them when
 * it is missing. Those checks must be as case-insensitive as the patterns: an expression printed in
 * capitals is found just the same.
 */
import { describe, expect, it } from 'vitest';
import { all } from './helpers.ts';

/** One phrase or more per recogniser family (explicit, month, relative day, anchored, week, weekday, season, year). */
const PHRASES = [
  'on Nov. 30, 2025',
  'on 12/01/2025',
  'on 2025-12-01',
  'on March 18',
  'in mid-November',
  'last month',
  'three months ago',
  'yesterday',
  'two days ago',
  'the day before Sunday’s talks',
  'the next day',
  'that morning',
  'later this week',
  'over the weekend',
  'late Monday',
  'last winter',
  'this spring',
  'in 2022',
  'two years ago',
];

const REF = '2025-11-30';
const found = (sentence: string) => all(sentence, REF).map((x) => `${x.rule} ${x.value} ${x.startDate}..${x.endDate}`);

describe('recogniser pre-checks', () => {
  it.each(PHRASES)('find "%s" in capitals as in lower case', (phrase) => {
    const sentence = `Officials said ${phrase} that talks had stalled.`;
    const expected = found(sentence);
    expect(expected.length).toBeGreaterThan(0);
    expect(found(sentence.toUpperCase())).toEqual(expected);
  });
  it('find nothing in a sentence without any cue word', () => {
    expect(found('Officials said the talks had stalled, and negotiators left Geneva.')).toEqual([]);
  });
});

describe('the long s', () => {
  it('reads "laſt weekend" and "laſt week" as their s-spellings, quoting the text as printed', () => {
    for (const phrase of ['last weekend', 'last week', 'this past week']) {
      const long = phrase.replace(/s/g, 'ſ');
      const [plain] = all(`Talks were held ${phrase}.`, '2025-11-30');
      const [old] = all(`Talks were held ${long}.`, '2025-11-30');
      expect(old?.text).toBe(long);
      expect(old?.value).toBe(plain?.value);
      expect(old?.value).not.toBe(undefined);
    }
  });
});
