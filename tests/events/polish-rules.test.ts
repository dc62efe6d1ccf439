import { describe, expect, it } from 'vitest';
import { clauseSpans } from '../../src/lib/events/clauses.ts';
import { baseOf } from '../../src/lib/events/headline.ts';
import { buildEvents } from '../../src/lib/events/index.ts';
import { compressSubject, nameRoleSubject, resolvePronounTitle, shorten } from '../../src/lib/events/title.ts';
import { dated, FILLER, GAZETTEER, options } from '../fixtures/events/build.ts';

const day = (text: string, start: string, extra: Record<string, unknown> = {}) => ({ text, start, ...extra });
const week = (text: string, start: string, end: string) => ({ text, start, end, precision: 'week' as const });

describe('headline helpers', () => {
  it('shortens a subject list of described people to surnames, one described person only when asked', () => {
    const list =
      'Foreign envoy Ann Smith, Southland minister Bo Jones and President Gray’s adviser Cy Brown met with officials';
    expect(compressSubject(list, GAZETTEER)).toBe('Smith, Jones and Brown met with officials');
    const one = 'Head of the Southland delegation Bo Jones reported on the talks';
    expect(compressSubject(one, GAZETTEER)).toBe(one);
    expect(compressSubject(one, GAZETTEER, true)).toBe('Jones reported on the talks');
    // Not a subject: the names follow a verb.
    expect(compressSubject('Officials met Ann Smith and Bo Jones on the pier', GAZETTEER)).toBe(
      'Officials met Ann Smith and Bo Jones on the pier',
    );
  });

  it('resolves an opening pronoun from the subject before it, else titles the object', () => {
    expect(
      resolvePronounTitle(
        'They sign a long truce for the border towns',
        'Ann Smith and Bo Jones flew to Lakeside.',
        GAZETTEER,
      ),
    ).toBe('Smith and Jones sign a long truce for the border towns');
    expect(
      resolvePronounTitle('They get a small prisoner swap, more talks', 'They asked for a ceasefire.', GAZETTEER),
    ).toBe('A small prisoner swap, more talks');
    // Nothing to stand on: left as it is.
    expect(resolvePronounTitle('They won', undefined, GAZETTEER)).toBe('They won');
  });

  it('names a person the subject gives only by a role alias, and nothing else', () => {
    const g = {
      ...GAZETTEER,
      people: GAZETTEER.people.map((p) =>
        p.slug === 'di-gray' ? { ...p, aliases: [...p.aliases, 'Northland leader', 'Di'] } : p,
      ),
    };
    expect(nameRoleSubject('The Northland leader cast doubt on the talks', g)).toBe('Gray cast doubt on the talks');
    expect(nameRoleSubject('Northland leader Di Gray cast doubt', g)).toBe('Northland leader Di Gray cast doubt');
    // A name, a possessor, a role not at the start: left as written.
    expect(nameRoleSubject('Di cast doubt on the talks', g)).toBe('Di cast doubt on the talks');
    expect(nameRoleSubject('The Northland leader’s aide resigned', g)).toBe('The Northland leader’s aide resigned');
    expect(nameRoleSubject('Talks with the Northland leader ended', g)).toBe('Talks with the Northland leader ended');
  });

  it('cuts a long title neither inside a coordinated name phrase nor inside a list', () => {
    const pair =
      'The Northland–Southland peace negotiations enter a pivotal new phase after Northern and Southern officials wrapped up long hours of talks';
    expect(shorten(pair).text).toBe('The Northland–Southland peace negotiations enter a pivotal new phase');
    const list =
      'Jones reports on the main parameters of the long dialogue, its emphases, and some preliminary results of it all';
    expect(shorten(list).text).toBe('Jones reports on the main parameters of the long dialogue');
    // A serial comma: no cut before "and" that would end the title on the list's last-but-one item.
    const serial =
      'A relatively small prisoner swap, football matches, more talks, and a month-long mutual pause on strikes on the grid';
    expect(shorten(serial).text).toBe('A relatively small prisoner swap');
  });

  it('puts silent-e regular verbs into the present', () => {
    expect(baseOf('blamed')).toBe('blame');
    expect(baseOf('voted')).toBe('vote');
    expect(baseOf('walked')).toBe('walk');
  });

  it('ends an opening subordinate clause at its comma', () => {
    const text = 'When Smith met with Jones in Lakeside in October to review the plan, he said the deal was unfair.';
    const at = text.indexOf('October');
    const [span] = clauseSpans(text, [{ start: at, end: at + 7 }]);
    expect(text.slice(span?.start, span?.end)).toBe(
      'When Smith met with Jones in Lakeside in October to review the plan',
    );
  });
});

describe('polish rules on fixtures', () => {
  it('titles a merged event from a report at its own precision, preferring the sentence that names who met', () => {
    const a = dated({
      id: 'a',
      published: '2025-11-30',
      paragraphs: [
        [
          {
            text: 'Northland officials are meeting Southland negotiators in Port Vale this weekend to discuss the ceasefire pipeline deal.',
            dates: [week('this weekend', '2025-11-29', '2025-11-30')],
          },
        ],
        FILLER,
      ],
    });
    const b = dated({
      id: 'b',
      published: '2025-11-30',
      paragraphs: [
        [
          {
            text: 'Northland and Southland negotiators said Sunday’s meeting in Port Vale on the ceasefire pipeline deal was productive.',
            dates: [day('Sunday’s', '2025-11-30')],
          },
          'Northland envoy Ann Smith and Southland minister Bo Jones met with Eastland counterparts in Port Vale for more than four hours.',
        ],
        FILLER.slice(0, 6),
      ],
    });
    const { events } = buildEvents([a, b], options());
    const talks = events.filter((e) => e.date === '2025-11-30');
    expect(talks).toHaveLength(1);
    expect(talks[0]?.precision).toBe('day');
    expect(talks[0]?.title).toBe('Smith and Jones meet Eastland counterparts in Port Vale for more than four hours');
    // The title stands on a quote: the sentence it was built from is cited.
    expect(talks[0]?.sources.some((s) => s.source === 'b' && s.sentence === 1)).toBe(true);
  });

  it('keeps a report about the talks by one person apart from the talks', () => {
    const a = dated({
      id: 'a',
      published: '2025-11-30',
      paragraphs: [
        [
          {
            text: 'Smith and Jones held long ceasefire talks in Port Vale on Sunday.',
            dates: [day('on Sunday', '2025-11-30')],
          },
        ],
        [
          {
            text: 'Today, after the ceasefire talks in Port Vale, head of the delegation Bo Jones reported on the main parameters of the talks.',
            dates: [day('Today', '2025-11-30')],
          },
        ],
        FILLER,
      ],
    });
    const { events } = buildEvents([a], options());
    expect(events).toHaveLength(2);
    expect(events.map((e) => e.title)).toContain(
      'Head of the delegation Bo Jones reports on the main parameters of the talks',
    );
  });

  it('keeps a week of ongoing attacks apart from one day’s assault', () => {
    const a = dated({
      id: 'a',
      published: '2025-11-30',
      paragraphs: [
        [
          {
            text: 'Southland bombarded Eastland refineries with a long drone and missile assault on Saturday.',
            dates: [day('on Saturday', '2025-11-29')],
          },
        ],
        [
          {
            text: 'Southland forces this week continued their drone and missile assault on Eastland refineries.',
            dates: [week('this week', '2025-11-24', '2025-11-30')],
          },
        ],
        FILLER,
      ],
    });
    const { events } = buildEvents([a], options());
    expect(events).toHaveLength(2);
    expect(events.map((e) => e.precision).sort()).toEqual(['day', 'week']);
  });

  it('does not attach a sentence across a paragraph break on country names alone', () => {
    const a = dated({
      id: 'a',
      published: '2025-11-30',
      paragraphs: [
        [
          {
            text: 'Southland struck the Eastland oil terminal near Lakeside on Saturday.',
            dates: [day('on Saturday', '2025-11-29')],
          },
        ],
        ['The biggest question over the Southland talks is how Eastland will answer any proposal.'],
        FILLER,
      ],
    });
    const { events, report } = buildEvents([a], options());
    expect(events).toHaveLength(1);
    expect(events[0]?.sources).toHaveLength(1);
    expect(report.leftOut.find((l) => l.sentence === 1)?.reason).toBe('no-date-no-context');
  });

  it('attaches a sentence telling of a past meeting to it, not to the trip planned in the same sentence', () => {
    const a = dated({
      id: 'a',
      published: '2025-11-30',
      paragraphs: [
        [
          {
            text: 'Negotiators said Sunday’s ceasefire meeting in Port Vale was productive, and Smith will fly to Lakeside on Monday for more ceasefire talks.',
            dates: [day('Sunday’s', '2025-11-30'), day('on Monday', '2025-12-01', { tense: 'future' })],
          },
          'Ann Smith and Bo Jones met with Eastland officials for ceasefire talks in Port Vale for four hours.',
        ],
        FILLER,
      ],
    });
    const { events } = buildEvents([a], options());
    const sunday = events.find((e) => e.date === '2025-11-30');
    expect(sunday?.sources.some((s) => s.sentence === 1)).toBe(true);
    expect(events.find((e) => e.date === '2025-12-01')?.sources.some((s) => s.sentence === 1)).toBe(false);
  });

  it('cites an undated sentence in another source on the event naming exactly its people and deed', () => {
    const a = dated({
      id: 'a',
      published: '2025-11-30',
      paragraphs: [
        [
          {
            text: 'Smith, Jones and Brown drafted the Lakeside ceasefire pipeline accord at a villa in Port Vale in October.',
            dates: [{ text: 'in October', start: '2025-10-01', end: '2025-10-31', precision: 'month' as const }],
          },
        ],
        FILLER,
      ],
    });
    const b = dated({
      id: 'b',
      published: '2025-12-01',
      paragraphs: [
        [
          'The round follows a month of diplomacy that began in Port Vale, where Smith, Jones and Brown met to draft the Lakeside ceasefire pipeline accord.',
          'Smith, Jones and Brown also like football matches on weekends.',
        ],
        FILLER.slice(0, 6),
      ],
    });
    const { events, report } = buildEvents([a, b], options());
    expect(events).toHaveLength(1);
    const cite = events[0]?.sources.find((s) => s.source === 'b');
    expect(cite).toMatchObject({ sentence: 0, rule: 'context:same-actors' });
    expect(report.leftOut.find((l) => l.source === 'b' && l.sentence === 1)?.reason).toBe('no-date-no-context');
  });
});
