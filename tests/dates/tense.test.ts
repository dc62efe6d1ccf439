import { describe, expect, it } from 'vitest';
import type { Tense } from '../../src/lib/model.ts';
import { readTense } from '../../src/lib/dates/tense.ts';
import { brief, one } from './helpers.ts';

// The lead's examples: sentence, reference, expression text, expected value (+ modifier where given).
const EXAMPLES: [sentence: string, ref: string, text: string, expected: string][] = [
  ['Kushner and Witkoff will fly to Russia on Monday to continue the talks.', '2025-11-30', 'Monday', '2025-12-01'],
  [
    'Steve Witkoff and Jared Kushner plan to travel to Moscow on Monday for more talks.',
    '2025-11-30',
    'Monday',
    '2025-12-01',
  ],
  [
    'Negotiators said it was productive, and top U.S. envoys will head to Moscow on Monday for further discussions.',
    '2025-11-30',
    'Monday',
    '2025-12-01',
  ],
  [
    'A senior U.S. official said the White House wants to close the gaps on those last two issues on Sunday.',
    '2025-11-30',
    'Sunday',
    '2025-11-30',
  ],
  [
    'Zelenskyy telling Ukrainians that the American side was constructive to the talks that were set to continue on Sunday.',
    '2025-11-30',
    'Sunday',
    '2025-11-30',
  ],
  [
    '“The Ukrainian delegation has the necessary directives,” Zelensky said on Saturday.',
    '2025-11-30',
    'Saturday',
    '2025-11-29',
  ],
  [
    'The delegation lost its lead negotiator, according to an announcement by President Zelenskyy on Friday.',
    '2025-11-30',
    'Friday',
    '2025-11-28',
  ],
  [
    'Umerov said on Sunday morning that talks had begun to find a “dignified peace”.',
    '2025-11-30',
    'Sunday morning',
    '2025-11-30 morning',
  ],
  [
    'Zelenskyy appeared optimistic, telling Ukrainians in his evening address on Saturday that the side was constructive.',
    '2025-11-30',
    'Saturday',
    '2025-11-29',
  ],
  [
    'American negotiators Steve Witkoff and Jared Kushner head to Russia on Monday in an attempt to build upon Sunday’s talks.',
    '2025-12-01',
    'Monday',
    '2025-12-01',
  ],
  [
    'American negotiators Steve Witkoff and Jared Kushner head to Russia on Monday in an attempt to build upon Sunday’s talks.',
    '2025-12-01',
    'Sunday',
    '2025-11-30',
  ],
  [
    'It also set the stage for top U.S. envoys to travel to Moscow on Monday for continued talks.',
    '2025-12-01',
    'Monday',
    '2025-12-01',
  ],
  [
    'The delegation will continue refining these elements as American envoys depart for Moscow on Monday.',
    '2025-12-01',
    'Monday',
    '2025-12-01',
  ],
  ['Sunday’s meeting in Florida was labeled as productive.', '2025-12-01', 'Sunday', '2025-11-30'],
  [
    '“The diplomatic process is underway,” Zelenskyy told reporters late Monday.',
    '2025-12-22',
    'late Monday',
    '2025-12-22 late',
  ],
  [
    'Zelenskyy said in a post on X late Sunday that the sides are going through “each point in detail.”',
    '2025-12-22',
    'late Sunday',
    '2025-12-21 late',
  ],
  [
    '“Most of the proposals will not be acceptable,” Ushakov told state television Sunday, referring to the summit in Alaska in August.',
    '2025-12-22',
    'Sunday',
    '2025-12-21',
  ],
  [
    'Ushakov told state television Sunday, referring to the Trump-Putin summit in Alaska in August, where Putin reinforced his demands.',
    '2025-12-22',
    'August',
    '2025-08',
  ],
  [
    'Trump has been pushing to end Moscow’s full-scale invasion, which began in February 2022.',
    '2025-12-22',
    'February 2022',
    '2022-02',
  ],
  [
    'The Russian leader last week said he’s willing to discuss bringing the war to an end.',
    '2025-12-22',
    'last week',
    '2025-W51',
  ],
  [
    'Russian drones that buzzed early Wednesday over Poland, a NATO country.',
    '2025-09-11',
    'early Wednesday',
    '2025-09-10 early',
  ],
  [
    'The police inspected the damage to a house in the village of Wyryki-Wola, eastern Poland on Wednesday.',
    '2025-09-11',
    'Wednesday',
    '2025-09-10',
  ],
  [
    'On Tuesday, they got – after a theatrical week-long wait – a relatively small prisoner swap.',
    '2025-03-18',
    'Tuesday',
    '2025-03-18',
  ],
  [
    'Ukrainian soldiers pose for a picture as they repair a military vehicle near the Russian border on Sunday.',
    '2024-08-14',
    'Sunday',
    '2024-08-11',
  ],
  [
    'Officials are meeting in Miami this weekend in a push to end the war Russia began with its 2022 invasion.',
    '2025-11-30',
    '2022',
    '2022',
  ],
  [
    'A diplomat who sat at the table with the Russians in peace talks this spring that made no progress.',
    '2025-11-30',
    'this spring',
    '2025-SP',
  ],
  ['Putin said last week he is open to “serious” discussions.', '2025-12-01', 'last week', '2025-W48'],
  [
    'That attack on Saturday prompted a stern response on Sunday from Kazakhstan.',
    '2025-11-30',
    'Saturday',
    '2025-11-29',
  ],
  [
    'That attack on Saturday prompted a stern response on Sunday from Kazakhstan.',
    '2025-11-30',
    'Sunday',
    '2025-11-30',
  ],
  ['U.S. negotiators held productive talks with Ukrainian officials on Sunday.', '2025-11-30', 'Sunday', '2025-11-30'],
];

describe('the lead’s seed examples resolve right', () => {
  it.each(EXAMPLES)('%s [%s] %s', (sentence, ref, text, expected) => {
    const x = one(sentence, ref, text);
    expect(`${x.value}${x.modifier ? ` ${x.modifier}` : ''}`).toBe(expected);
  });
});

describe('readTense', () => {
  const cases: [string, string, Tense][] = [
    ['They will meet on Monday.', 'Monday', 'future'],
    ['They’ll meet on Monday.', 'Monday', 'future'],
    ['They won’t meet on Monday.', 'Monday', 'future'],
    ['He said he would travel on Monday.', 'Monday', 'future'],
    ['Talks are expected to resume on Monday.', 'Monday', 'future'],
    ['Talks are set to resume on Monday.', 'Monday', 'future'],
    ['Talks are scheduled for Monday.', 'Monday', 'future'],
    ['Talks were expected to resume on Monday.', 'Monday', 'present'],
    ['They agreed to meet on Monday.', 'Monday', 'present'],
    ['They are going to meet on Monday.', 'Monday', 'future'],
    ['The envoys depart for Moscow on Monday.', 'Monday', 'present'],
    ['Officials are meeting on Monday.', 'Monday', 'present'],
    ['Officials met on Monday.', 'Monday', 'past'],
    ['The talks were held on Monday.', 'Monday', 'past'],
    ['The talks have ended on Monday.', 'Monday', 'past'],
    ['Russia bombarded Kyiv on Monday.', 'Monday', 'past'],
    ['The revised plan on Monday.', 'Monday', 'none'],
    ['On Monday, they got a prisoner swap.', 'Monday', 'past'],
    ['Talks on Monday.', 'Monday', 'none'],
    ['“We are ready,” she said on Monday.', 'Monday', 'past'],
    ['He could meet Putin on Monday.', 'Monday', 'present'],
    ['He could have met Putin on Monday.', 'Monday', 'past'],
  ];
  it.each(cases)('%s → %s', (sentence, text, tense) => {
    const start = sentence.indexOf(text);
    expect(readTense(sentence, start, start + text.length)).toBe(tense);
  });
  it('does not cross a quotation mark or semicolon', () => {
    for (const s of ['Talks will resume; on Monday, more of the same.', 'They will ask “on Monday, why not”.']) {
      const i = s.indexOf('Monday');
      expect(readTense(s, i, i + 6)).toBe('none');
    }
  });
});

describe('tense and direction together', () => {
  it('a possessive weekday under a present verb is read as recent, not upcoming', () => {
    expect(brief(one('The envoys head to Moscow to build upon Sunday’s talks.', '2025-12-01', 'Sunday'))).toBe(
      '2025-11-30 2025-11-30..2025-11-30 day',
    );
  });
});
