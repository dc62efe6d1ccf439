import { describe, expect, it } from 'vitest';
import { baseOf, headlineTense, isPlural, sayingHeadline, thirdPerson } from '../../src/lib/events/headline.ts';
import { assignIds, keepable, keyWordSlug } from '../../src/lib/events/ids.ts';
import { buildEvents } from '../../src/lib/events/index.ts';
import { nounPhraseBefore } from '../../src/lib/events/subjects.ts';
import { dated, FILLER, options } from '../fixtures/events/build.ts';

const day = (text: string, start: string, extra: Record<string, unknown> = {}) => ({ text, start, ...extra });

describe('headline style', () => {
  it('turns the first verb into the present, keeps "will" for planned events', () => {
    expect(headlineTense('Smith and Jones met in Lakeside', 'happened')).toBe('Smith and Jones meet in Lakeside');
    expect(headlineTense('Southland bombarded the valley', 'happened')).toBe('Southland bombards the valley');
    expect(headlineTense('Smith and Jones will fly to Port Vale', 'happened')).toBe('Smith and Jones fly to Port Vale');
    expect(headlineTense('Smith and Jones will fly to Port Vale', 'planned')).toBe(
      'Smith and Jones will fly to Port Vale',
    );
    expect(headlineTense('The meeting was labeled as productive', 'happened')).toBe(
      'The meeting labeled as productive',
    );
    expect(headlineTense('Gray’s aide Bo Jones has resigned after a search', 'happened')).toBe(
      'Gray’s aide Bo Jones resigns after a search',
    );
    expect(headlineTense('The plan, leaked in May', 'happened', true)).toBe('The plan, leaked in May');
  });

  it('knows plural subjects and regular and irregular verb forms', () => {
    expect(isPlural('Early drafts of the plan')).toBe(true);
    expect(isPlural('The volley of drones')).toBe(false);
    expect(baseOf('began')).toBe('begin');
    expect(baseOf('planned')).toBe('plan');
    expect(baseOf('voiced')).toBe('voice');
    expect(baseOf('buzzed')).toBe('buzz');
    expect(thirdPerson('launch')).toBe('launches');
    expect(thirdPerson('fly')).toBe('flies');
  });

  it('builds "<Speaker> says <content>" from the first clause of what was said', () => {
    expect(sayingHeadline('Smith', '“The process is underway, and we will see”')).toBe(
      'Smith says “the process is underway”',
    );
    expect(sayingHeadline('Gray', 'he is open to talks, but wants the valley')).toBe('Gray says he is open to talks');
  });

  it('finds the noun phrase a relative clause hangs on', () => {
    const text = 'Jones wants to end Northland’s long blockade, which began in May.';
    expect(nounPhraseBefore(text, text.indexOf('which'))).toBe('Northland’s long blockade');
    const t2 = 'Strikes culminated in the volley of drones that buzzed over Lakeside.';
    expect(nounPhraseBefore(t2, t2.indexOf('that'))).toBe('the volley of drones');
  });
});

describe('clause rules on fixtures', () => {
  it('titles a relative clause from the noun it hangs on, and merges a year report into the month one', () => {
    const a = dated({
      id: 'a',
      published: '2025-12-01',
      paragraphs: [
        [
          {
            text: 'Smith pushed to end Northland’s full-scale blockade, which began in February 2022.',
            dates: [day('February 2022', '2022-02-01', { end: '2022-02-28', precision: 'month' })],
          },
        ],
        FILLER,
      ],
    });
    const b = dated({
      id: 'b',
      published: '2025-12-02',
      paragraphs: [
        [
          {
            text: 'Talks stalled over the ports Northland has held since it launched its full-scale blockade in 2022.',
            dates: [day('2022', '2022-01-01', { end: '2022-12-31', precision: 'year' })],
          },
        ],
        FILLER,
      ],
    });
    const { events } = buildEvents([a, b], options());
    const blockade = events.filter((e) => e.date.startsWith('2022'));
    expect(blockade).toHaveLength(1);
    expect(blockade[0]).toMatchObject({
      date: '2022-02-01',
      precision: 'month',
      title: 'Northland’s full-scale blockade begins',
    });
    expect(new Set(blockade[0]?.sources.map((s) => s.source))).toEqual(new Set(['a', 'b']));
  });

  it('lets a possessive date ("Sunday’s talks") join the event of its day instead of founding one', () => {
    const a = dated({
      id: 'a',
      published: '2025-11-30',
      paragraphs: [
        [
          {
            text: 'Smith and Jones held ceasefire talks in Lakeside on Sunday.',
            dates: [day('on Sunday', '2025-11-30')],
          },
        ],
        [
          {
            text: 'Sunday’s talks capped a whirlwind month of diplomacy.',
            dates: [day('Sunday', '2025-11-30', { rule: 'weekday-possessive' })],
          },
        ],
      ],
    });
    const { events } = buildEvents([a], options());
    expect(events).toHaveLength(1);
    expect(events[0]?.sources.map((s) => s.sentence)).toEqual([0, 1]);
  });

  it('keeps a saying whose only other date sits in a relative clause, and reads that clause as a mention', () => {
    const a = dated({
      id: 'a',
      published: '2025-11-30',
      paragraphs: [
        [
          {
            text: 'Smith and Jones held ceasefire talks in Lakeside on Sunday.',
            dates: [day('on Sunday', '2025-11-30')],
          },
        ],
        [
          {
            text: 'Gray appeared upbeat, telling voters in his evening address on Saturday that the other side was constructive in the talks that were set to continue on Sunday.',
            dates: [day('on Saturday', '2025-11-29'), day('on Sunday', '2025-11-30', { tense: 'future' })],
          },
        ],
      ],
    });
    const { events } = buildEvents([a], options());
    const saturday = events.filter((e) => e.date === '2025-11-29');
    expect(saturday).toHaveLength(1);
    expect(saturday[0]?.title).toMatch(/^Gray says the other side was constructive/);
    expect(events.filter((e) => e.date === '2025-11-30')).toHaveLength(1);
    expect(events.every((e) => e.status === 'happened')).toBe(true);
  });

  it('keeps attacks by different countries on one day apart', () => {
    const a = dated({
      id: 'a',
      published: '2025-11-30',
      paragraphs: [
        [
          {
            text: 'A day later, Southland bombarded Eastland with a long drone and missile attack on Saturday.',
            dates: [day('on Saturday', '2025-11-29')],
          },
          {
            text: 'Eastland, meanwhile, continued its drone and missile attack on Southland refineries on Saturday.',
            dates: [day('on Saturday', '2025-11-29')],
          },
        ],
      ],
    });
    const { events } = buildEvents([a], options());
    expect(events.filter((e) => e.date === '2025-11-29')).toHaveLength(2);
  });

  it('merges what one speaker said in one week, and attaches the sentences of a quotation to its saying', () => {
    const a = dated({
      id: 'a',
      published: '2025-11-30',
      paragraphs: [
        [
          {
            text: 'At a news conference last week, Gray said he was ready for serious discussions.',
            dates: [day('last week', '2025-11-24', { end: '2025-11-30', precision: 'week' })],
          },
        ],
        [
          '“We will get what we want.',
          {
            text: 'Nothing else matters,” Gray said last week.',
            dates: [day('last week', '2025-11-24', { end: '2025-11-30', precision: 'week' })],
          },
        ],
      ],
    });
    const { events } = buildEvents([a], options());
    expect(events).toHaveLength(1);
    expect(events[0]?.sources.map((s) => s.rule)).toContain('context:quotation');
  });

  it('does not merge a mid-month report with an event at the end of the month', () => {
    const a = dated({
      id: 'a',
      published: '2025-11-30',
      paragraphs: [
        [
          {
            text: 'Smith and Jones signed the ceasefire plan in Lakeside on Sunday.',
            dates: [day('on Sunday', '2025-11-30')],
          },
        ],
        [
          {
            text: 'The ceasefire plan for Lakeside, leaked in mid-November, angered Jones and Smith.',
            dates: [{ text: 'mid-November', start: '2025-11-01', end: '2025-11-30', precision: 'month' as const }],
          },
        ],
      ],
    });
    a.expressions[1]![0]!.modifier = 'mid';
    const { events } = buildEvents([a], options());
    expect(events).toHaveLength(2);
    expect(events.find((e) => e.precision === 'month')?.modifier).toBe('mid');
  });

  it('merges planned reports of one meeting a week apart into their union range', () => {
    const next = (pub: string, s: string, e: string) =>
      dated({
        id: `n${pub}`,
        published: pub,
        paragraphs: [
          [
            {
              text: 'Smith will meet Gray in Port Vale sometime next week to sign the ceasefire pipeline accord.',
              dates: [
                { text: 'sometime next week', start: s, end: e, precision: 'week' as const, tense: 'future' as const },
              ],
            },
          ],
          FILLER,
        ],
      });
    const { events } = buildEvents(
      [next('2025-11-30', '2025-12-01', '2025-12-07'), next('2025-12-01', '2025-12-08', '2025-12-14')],
      options(),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ date: '2025-12-01', end: '2025-12-14', precision: 'week', status: 'planned' });
    expect(events[0]?.title).toContain('will meet');
  });

  it('makes no event of a photo caption alone, but lets a caption join the event the prose reports', () => {
    const doc = dated({
      id: 'cap',
      published: '2025-11-30',
      paragraphs: [
        [
          {
            text: 'Smith and Jones held ceasefire talks in Lakeside on Saturday.',
            dates: [day('on Saturday', '2025-11-29')],
          },
        ],
        {
          kind: 'caption',
          sentences: [
            {
              text: 'Smith and Jones shake hands at the ceasefire talks in Lakeside on Saturday.',
              dates: [day('on Saturday', '2025-11-29')],
            },
          ],
        },
        {
          kind: 'caption',
          referenceDate: '2024-08-14',
          sentences: [
            {
              text: 'Northland soldiers pose for a picture as they repair a truck near the border on Sunday.',
              dates: [day('on Sunday', '2024-08-11')],
            },
          ],
        },
        FILLER,
      ],
    });
    const { events, report } = buildEvents([doc], options());
    expect(events).toHaveLength(1);
    expect(events[0]?.sources.map((c) => c.sentence)).toEqual([0, 1]);
    expect(report.leftOut.find((l) => l.text.startsWith('Northland soldiers'))?.reason).toBe('caption-only');
  });
});

describe('ids from the title clause', () => {
  it('skip possessors and verbs of saying or being', () => {
    expect(keyWordSlug('Gray’s aide Bo Jones resigns after a home search')).toBe('aide-jones-resigns-home-search');
    expect(keyWordSlug('Gray says he would only meet Smith and Jones')).toBe('gray-meet-smith-jones');
  });

  it('mint a new id when the kept one says nothing or its date no longer fits', () => {
    expect(keepable('2025-11-28-event', '2025-11-28')).toBe(false);
    expect(keepable('2022-crucial-issues-remain', '2022-02')).toBe(false);
    expect(keepable('2025-11-30-smith-jones-talks', '2025-11-30')).toBe(true);
    const cite = { source: 's', quote: 'Q', paragraph: 0, sentence: 0, rule: 'x' };
    const ids = assignIds(
      [{ natural: '2025-11-28-jones-resigns-search', prefix: '2025-11-28', citations: [cite] }],
      [{ id: '2025-11-28-event', sources: [cite] }],
    );
    expect(ids).toEqual(['2025-11-28-jones-resigns-search']);
  });
});
