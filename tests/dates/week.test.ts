import { describe, expect, it } from 'vitest';
import { brief, one } from './helpers.ts';

// Every day of ISO week 2025-W49 (Mon Dec 1 … Sun Dec 7) as the reference: expected ranges, written out.
const TABLE: [ref: string, phrase: string, sentence: string, expected: string][] = [
  ['2025-12-01', 'last week', 'Putin said last week that he was ready.', '2025-W48 2025-11-24..2025-11-30 week'],
  ['2025-12-01', 'this week', 'They will meet this week.', '2025-W49 2025-12-01..2025-12-07 week'],
  ['2025-12-01', 'next week', 'They will meet next week.', '2025-W50 2025-12-08..2025-12-14 week'],
  ['2025-12-01', 'earlier this week', 'Russia struck earlier this week.', '2025-W49 2025-12-01..2025-12-01 week'],
  ['2025-12-01', 'later this week', 'They will meet later this week.', '2025-W49 2025-12-02..2025-12-07 week'],
  ['2025-12-01', 'this past week', 'Kursk was hit this past week.', '2025-W49 2025-11-25..2025-12-01 week'],
  ['2025-12-02', 'last week', 'Putin said last week that he was ready.', '2025-W48 2025-11-24..2025-11-30 week'],
  ['2025-12-02', 'this week', 'They will meet this week.', '2025-W49 2025-12-01..2025-12-07 week'],
  ['2025-12-02', 'next week', 'They will meet next week.', '2025-W50 2025-12-08..2025-12-14 week'],
  ['2025-12-02', 'earlier this week', 'Russia struck earlier this week.', '2025-W49 2025-12-01..2025-12-01 week'],
  ['2025-12-02', 'later this week', 'They will meet later this week.', '2025-W49 2025-12-03..2025-12-07 week'],
  ['2025-12-02', 'this past week', 'Kursk was hit this past week.', '2025-W49 2025-11-26..2025-12-02 week'],
  ['2025-12-03', 'last week', 'Putin said last week that he was ready.', '2025-W48 2025-11-24..2025-11-30 week'],
  ['2025-12-03', 'this week', 'Russia struck this week.', '2025-W49 2025-12-01..2025-12-07 week'],
  ['2025-12-03', 'next week', 'They will meet next week.', '2025-W50 2025-12-08..2025-12-14 week'],
  ['2025-12-03', 'earlier this week', 'Russia struck earlier this week.', '2025-W49 2025-12-01..2025-12-02 week'],
  ['2025-12-03', 'later this week', 'They will meet later this week.', '2025-W49 2025-12-04..2025-12-07 week'],
  ['2025-12-03', 'this past week', 'Kursk was hit this past week.', '2025-W49 2025-11-27..2025-12-03 week'],
  ['2025-12-04', 'last week', 'Putin said last week that he was ready.', '2025-W48 2025-11-24..2025-11-30 week'],
  ['2025-12-04', 'this week', 'They will meet this week.', '2025-W49 2025-12-01..2025-12-07 week'],
  ['2025-12-04', 'next week', 'They will meet next week.', '2025-W50 2025-12-08..2025-12-14 week'],
  ['2025-12-04', 'earlier this week', 'Russia struck earlier this week.', '2025-W49 2025-12-01..2025-12-03 week'],
  ['2025-12-04', 'later this week', 'They will meet later this week.', '2025-W49 2025-12-05..2025-12-07 week'],
  ['2025-12-04', 'this past week', 'Kursk was hit this past week.', '2025-W49 2025-11-28..2025-12-04 week'],
  ['2025-12-05', 'last week', 'Putin said last week that he was ready.', '2025-W48 2025-11-24..2025-11-30 week'],
  ['2025-12-05', 'this week', 'They will meet this week.', '2025-W49 2025-12-01..2025-12-07 week'],
  ['2025-12-05', 'next week', 'They will meet next week.', '2025-W50 2025-12-08..2025-12-14 week'],
  ['2025-12-05', 'earlier this week', 'Russia struck earlier this week.', '2025-W49 2025-12-01..2025-12-04 week'],
  ['2025-12-05', 'later this week', 'They will meet later this week.', '2025-W49 2025-12-06..2025-12-07 week'],
  ['2025-12-05', 'this past week', 'Kursk was hit this past week.', '2025-W49 2025-11-29..2025-12-05 week'],
  ['2025-12-06', 'last week', 'Putin said last week that he was ready.', '2025-W48 2025-11-24..2025-11-30 week'],
  ['2025-12-06', 'this week', 'They will meet this week.', '2025-W49 2025-12-01..2025-12-07 week'],
  ['2025-12-06', 'next week', 'They will meet next week.', '2025-W50 2025-12-08..2025-12-14 week'],
  ['2025-12-06', 'earlier this week', 'Russia struck earlier this week.', '2025-W49 2025-12-01..2025-12-05 week'],
  ['2025-12-06', 'later this week', 'They will meet later this week.', '2025-W49 2025-12-07..2025-12-07 week'],
  ['2025-12-06', 'this past week', 'Kursk was hit this past week.', '2025-W49 2025-11-30..2025-12-06 week'],
  // Sunday: the ISO week is just ending.
  ['2025-12-07', 'last week', 'Putin said last week that he was ready.', '2025-W49 2025-12-01..2025-12-07 week'],
  [
    '2025-12-07',
    'this week',
    'Russian forces this week continued their attacks.',
    '2025-W49 2025-12-01..2025-12-07 week',
  ],
  ['2025-12-07', 'this week', 'They will meet this week.', '2025-W50 2025-12-08..2025-12-14 week'],
  ['2025-12-07', 'next week', 'They will meet next week.', '2025-W50 2025-12-08..2025-12-14 week'],
  ['2025-12-07', 'earlier this week', 'Russia struck earlier this week.', '2025-W49 2025-12-01..2025-12-06 week'],
  ['2025-12-07', 'later this week', 'Talks are planned later this week.', '2025-W50 2025-12-08..2025-12-14 week'],
  ['2025-12-07', 'this past week', 'Kursk was hit this past week.', '2025-W49 2025-12-01..2025-12-07 week'],
  // The seed's Sunday, Nov 30: a Thursday Nov 27 news conference is "last week".
  ['2025-11-30', 'last week', 'At a news conference last week, he said so.', '2025-W48 2025-11-24..2025-11-30 week'],
  [
    '2025-11-30',
    'Earlier this week',
    'Earlier this week, Russia blamed the Europeans.',
    '2025-W48 2025-11-24..2025-11-29 week',
  ],
  [
    '2025-11-30',
    'next week',
    'Witkoff will likely meet Putin sometime next week.',
    '2025-W49 2025-12-01..2025-12-07 week',
  ],
  [
    '2025-11-30',
    'later this week',
    'Talks between Washington and Moscow planned later this week.',
    '2025-W49 2025-12-01..2025-12-07 week',
  ],
  [
    '2025-12-22',
    'last week',
    'The Russian leader last week said he is willing.',
    '2025-W51 2025-12-15..2025-12-21 week',
  ],
  [
    '2024-08-14',
    'This past week',
    'This past week, Kursk has been the site of an invasion.',
    '2024-W33 2024-08-08..2024-08-14 week',
  ],
  // Year boundaries: ISO week-numbering years.
  ['2024-12-31', 'this week', 'They met this week.', '2025-W01 2024-12-30..2025-01-05 week'],
  ['2025-01-01', 'last week', 'They met last week.', '2024-W52 2024-12-23..2024-12-29 week'],
  ['2021-01-03', 'last week', 'They met last week.', '2020-W53 2020-12-28..2021-01-03 week'],
  ['2020-12-27', 'next week', 'They will meet next week.', '2020-W53 2020-12-28..2021-01-03 week'],
];

describe('week expressions on every weekday', () => {
  it.each(TABLE)('[%s] %s: %s', (ref, phrase, sentence, expected) => {
    expect(brief(one(sentence, ref, phrase))).toBe(expected);
  });
});

describe('weekends', () => {
  it.each([
    [
      '2025-11-30',
      'this weekend',
      'Officials are meeting in Miami this weekend.',
      '2025-W48-WE 2025-11-29..2025-11-30 week',
    ],
    ['2025-12-01', 'this weekend', 'Officials met in Miami this weekend.', '2025-W48-WE 2025-11-29..2025-11-30 week'],
    [
      '2025-12-03',
      'this weekend',
      'Officials will meet in Miami this weekend.',
      '2025-W49-WE 2025-12-06..2025-12-07 week',
    ],
    ['2025-11-30', 'last weekend', 'Officials met last weekend.', '2025-W47-WE 2025-11-22..2025-11-23 week'],
    ['2025-12-03', 'next weekend', 'Officials will meet next weekend.', '2025-W50-WE 2025-12-13..2025-12-14 week'],
    ['2025-12-01', 'the weekend', 'Officials met over the weekend.', '2025-W48-WE 2025-11-29..2025-11-30 week'],
    ['2025-12-03', 'the weekend', 'Officials will meet over the weekend.', '2025-W49-WE 2025-12-06..2025-12-07 week'],
    ['2025-12-02', 'this past weekend', 'Officials met this past weekend.', '2025-W48-WE 2025-11-29..2025-11-30 week'],
    ['2026-01-03', 'this weekend', 'Officials are meeting this weekend.', '2026-W01-WE 2026-01-03..2026-01-04 week'],
  ])('[%s] %s: %s', (ref, phrase, sentence, expected) => {
    expect(brief(one(sentence, ref, phrase))).toBe(expected);
  });
});

describe('weeks ago', () => {
  it.each([
    ['2025-12-03', 'a week ago', 'They met a week ago.', '2025-W48 2025-11-24..2025-11-30 week'],
    ['2025-12-03', 'two weeks ago', 'They met two weeks ago.', '2025-W47 2025-11-17..2025-11-23 week'],
  ])('[%s] %s', (ref, phrase, sentence, expected) => {
    expect(brief(one(sentence, ref, phrase))).toBe(expected);
  });
});
