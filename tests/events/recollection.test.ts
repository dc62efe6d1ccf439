/**
 * A past period recalled in passing inside a sentence about the day's news (recollection.ts): the past event takes
 * its tags from the recalling clause only, and the next sentence is not attached to it.
 */
import { describe, expect, it } from 'vitest';
import { buildEvents } from '../../src/lib/events/index.ts';
import { RECALL_DAYS, recalls } from '../../src/lib/events/recollection.ts';
import type { Candidate } from '../../src/lib/events/types.ts';
import { dated, FILLER, options } from '../fixtures/events/build.ts';

const day = (text: string, start: string, extra: Record<string, unknown> = {}) => ({ text, start, ...extra });
const YEAR_2022 = day('2022', '2022-01-01', { end: '2022-12-31', precision: 'year' });

/** A story of 2025-11-30 whose second sentence recalls 2022 in a subordinate clause; `after` follows it. */
function story(recalling: string, after: string) {
  return dated({
    id: 'wire',
    published: '2025-11-30',
    paragraphs: [
      [{ text: 'Smith and Jones met in Lakeside on Sunday.', dates: [day('Sunday', '2025-11-30')] }],
      [{ text: recalling, dates: [YEAR_2022] }, after],
      FILLER,
    ],
  });
}

describe('a past period recalled in a subordinate clause', () => {
  it('takes the people, places and topics of its clause, not those of the sentence’s news', () => {
    const { events } = buildEvents(
      [
        story(
          'Smith said a ceasefire must cover the ports Northland has held in Port Vale since it launched its blockade in 2022.',
          'The weather in the capital stayed cold and wet.',
        ),
      ],
      options(),
    );
    const past = events.find((e) => e.date.startsWith('2022'));
    expect(past).toBeDefined();
    // The clause names nobody and no topic; Smith, Port Vale and the ceasefire belong to the sentence's news.
    expect(past?.actors).toEqual([]);
    expect(past?.topics).toEqual([]);
    expect(past?.places).not.toContain('port-vale');
  });

  it('keeps what the clause itself and the noun it hangs on name', () => {
    const { events } = buildEvents(
      [
        story(
          'Jones urged Smith to accept a ceasefire to end Northland’s blockade of Port Vale, which began in 2022.',
          'The weather in the capital stayed cold and wet.',
        ),
      ],
      options(),
    );
    const past = events.find((e) => e.date.startsWith('2022'));
    expect(past?.actors).toEqual([]);
    expect(past?.places).toEqual(expect.arrayContaining(['northland', 'port-vale']));
    expect(past?.topics).toEqual([]);
  });

  it('does not take the next sentence, which goes on with the news, as more about the past event', () => {
    const { events } = buildEvents(
      [
        story(
          'Talks stalled over the ports Northland has held since it launched its naval blockade in 2022.',
          '“We never want another naval blockade of our ports,” Jones said after the talks stalled.',
        ),
      ],
      options(),
    );
    const past = events.find((e) => e.date.startsWith('2022'));
    expect(past?.sources.map((s) => s.sentence)).toEqual([1]);
    expect(past?.actors).toEqual([]);
  });

  it('still tags a sentence that is about the past event itself (its clause opens the sentence)', () => {
    const doc = dated({
      id: 'wire',
      published: '2025-11-30',
      paragraphs: [
        [
          {
            text: 'In 2022, Smith ordered the blockade of Port Vale.',
            dates: [day('In 2022', '2022-01-01', { end: '2022-12-31', precision: 'year' })],
          },
        ],
        FILLER,
      ],
    });
    const past = buildEvents([doc], options()).events.find((e) => e.date.startsWith('2022'));
    expect(past?.actors).toEqual(['ann-smith']);
    expect(past?.places).toContain('port-vale');
  });
});

describe('recalls', () => {
  const candidate = (over: Partial<Candidate>): Candidate =>
    ({
      clauseStart: 40,
      planned: false,
      end: '2022-12-31',
      info: { referenceDate: '2025-11-30' },
      ...over,
    }) as Candidate;

  it('holds for a subordinate clause dating a period that ended over a year before the reference date', () => {
    expect(recalls(candidate({}))).toBe(true);
    // 2024-11-29 is 366 days before 2025-11-30, 2024-11-30 is 365.
    expect(RECALL_DAYS).toBe(365);
    expect(recalls(candidate({ end: '2024-11-29' }))).toBe(true);
    expect(recalls(candidate({ end: '2024-11-30' }))).toBe(false);
  });

  it('does not hold for recent news, a clause opening the sentence, or a plan', () => {
    expect(recalls(candidate({ end: '2025-10-31' }))).toBe(false);
    expect(recalls(candidate({ end: '2024-12-31' }))).toBe(false);
    expect(recalls(candidate({ clauseStart: 0 }))).toBe(false);
    expect(recalls(candidate({ planned: true }))).toBe(false);
  });
});
