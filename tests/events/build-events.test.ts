import { describe, expect, it } from 'vitest';
import { buildEvents } from '../../src/lib/events/index.ts';
import type { BuildOptions, DatedDocument } from '../../src/lib/events/index.ts';
import { dated, GAZETTEER } from '../fixtures/events/build.ts';

const options = (over: Partial<BuildOptions> = {}): BuildOptions => ({
  gazetteer: GAZETTEER,
  curation: { events: {} },
  previous: [],
  focusFrom: '2025-10-01',
  ...over,
});

/** Two outlets report the same Lakeside talks; one also reports a pipeline strike the same day. */
const alpha = (): DatedDocument =>
  dated({
    id: 'alpha',
    published: '2025-11-30',
    publisher: 'The Alpha Times (syndicated)',
    paragraphs: [
      [
        {
          text: 'Smith and Jones meet for five hours of ceasefire talks in Lakeside on Sunday.',
          dates: [{ text: 'on Sunday', start: '2025-11-30' }],
        },
        'Smith said the ceasefire talks made real progress.',
      ],
      [
        {
          text: 'Gray said on Sunday that Smith will likely travel to Port Vale sometime next week.',
          dates: [
            { text: 'on Sunday', start: '2025-11-30' },
            { text: 'sometime next week', start: '2025-12-01', end: '2025-12-07', precision: 'week', tense: 'future' },
          ],
        },
      ],
      [
        'Southland drones hit the Eastland oil terminal near Vale harbour.',
        {
          text: 'That attack on Saturday prompted a stern response on Sunday from Eastland, which called for a halt to strikes on the pipeline.',
          dates: [
            { text: 'on Saturday', start: '2025-11-29' },
            { text: 'on Sunday', start: '2025-11-30' },
          ],
        },
      ],
      ['Northland has long wanted the whole valley.'],
    ],
  });

const beta = (): DatedDocument =>
  dated({
    id: 'beta',
    published: '2025-12-01',
    paragraphs: [
      [
        {
          text: 'Sunday’s ceasefire talks in Lakeside between Smith and Jones lasted five hours.',
          dates: [{ text: 'Sunday’s', start: '2025-11-30' }],
        },
        {
          text: 'Smith travels to Port Vale on Monday.',
          dates: [{ text: 'on Monday', start: '2025-12-01', tense: 'present' }],
        },
      ],
      [
        {
          text: 'The war began with the invasion of Southland in February 2022.',
          dates: [{ text: 'in February 2022', start: '2022-02-01', end: '2022-02-28', precision: 'month' }],
        },
      ],
    ],
  });

describe('buildEvents', () => {
  it('merges one event reported by two sources, citing both with exact quotes', () => {
    const { events } = buildEvents([alpha(), beta()], options());
    const talks = events.filter(
      (e) => e.date === '2025-11-30' && e.sources.some((s) => s.quote.includes('ceasefire talks')),
    );
    expect(talks).toHaveLength(1);
    const t = talks[0]!;
    expect(new Set(t.sources.map((s) => s.source))).toEqual(new Set(['alpha', 'beta']));
    expect(t.actors).toEqual(expect.arrayContaining(['ann-smith', 'bo-jones']));
    expect(t.places).toContain('lakeside');
    expect(t.precision).toBe('day');
    expect(t.status).toBe('happened');
    for (const s of t.sources) expect(s.quote.length).toBeGreaterThan(10);
  });

  it('keeps two different things of one day apart', () => {
    const { events } = buildEvents([alpha(), beta()], options());
    const sunday = events.filter((e) => e.date === '2025-11-30');
    expect(sunday.length).toBe(2);
    const response = sunday.find((e) => e.sources.some((s) => s.quote.startsWith('That attack')));
    expect(response?.sources.some((s) => s.quote.includes('ceasefire talks'))).toBe(false);
  });

  it('tags an event with what its sentences name, but with only its own clauses of a sentence that dates others', () => {
    const doc = dated({
      id: 'gamma',
      published: '2025-11-30',
      paragraphs: [
        [
          {
            text: 'Smith and Jones met in Lakeside on Sunday, and Brown will travel to Port Vale sometime next week.',
            dates: [
              { text: 'on Sunday', start: '2025-11-30' },
              {
                text: 'sometime next week',
                start: '2025-12-01',
                end: '2025-12-07',
                precision: 'week',
                tense: 'future',
              },
            ],
          },
        ],
        [
          {
            text: 'Gray on Saturday called the pipeline talks with Brown in Port Vale a success.',
            dates: [{ text: 'on Saturday', start: '2025-11-29' }],
          },
        ],
      ],
    });
    const { events } = buildEvents([doc], options());
    const tags = (date: string) => {
      const e = events.find((x) => x.date === date);
      return { actors: [...(e?.actors ?? [])].sort(), places: [...(e?.places ?? [])].sort() };
    };
    expect(tags('2025-11-30')).toEqual({ actors: ['ann-smith', 'bo-jones'], places: ['lakeside'] });
    expect(tags('2025-12-01')).toEqual({ actors: ['cy-brown'], places: ['port-vale'] });
    // A sentence that dates one event is about it, all of it.
    expect(tags('2025-11-29')).toEqual({ actors: ['cy-brown', 'di-gray'], places: ['port-vale'] });
  });

  it('splits one sentence into its events and drops a saying whose content has its own date', () => {
    const { events } = buildEvents([alpha()], options());
    const trip = events.find((e) => e.precision === 'week');
    expect(trip).toMatchObject({ date: '2025-12-01', end: '2025-12-07', status: 'planned' });
    expect(trip?.sources[0]?.expression).toBe('sometime next week');
    const saturday = events.find((e) => e.date === '2025-11-29');
    expect(saturday).toBeDefined();
    // The strike sentence has no date; the anaphor "That attack on Saturday" gives it one.
    expect(saturday?.sources.map((s) => s.quote)).toContain(
      'Southland drones hit the Eastland oil terminal near Vale harbour.',
    );
    expect(saturday?.sources.find((s) => s.quote.startsWith('Southland'))?.rule).toBe('context:following-sentence');
  });

  it('attaches undated sentences to their context and reports the rest', () => {
    const { events, report } = buildEvents([alpha()], options());
    const talks = events.find((e) => e.sources.some((s) => s.quote.startsWith('Smith and Jones')));
    const attached = talks?.sources.find((s) => s.quote === 'Smith said the ceasefire talks made real progress.');
    expect(attached?.rule).toBe('context:previous-sentence');
    expect(attached?.expression).toBeUndefined();
    expect(report.leftOut).toContainEqual(
      expect.objectContaining({ text: 'Northland has long wanted the whole valley.', reason: 'no-date-no-context' }),
    );
  });

  it('accounts for every sentence: quoted by an event or reported with a reason', () => {
    const docs = [alpha(), beta()];
    const { events, report } = buildEvents(docs, options());
    const cited = new Set(events.flatMap((e) => e.sources.map((s) => `${s.source}#${s.sentence}`)));
    const left = new Set(report.leftOut.map((l) => `${l.source}#${l.sentence}`));
    for (const d of docs)
      for (const s of d.doc.sentences)
        expect(cited.has(`${d.doc.source.id}#${s.index}`) || left.has(`${d.doc.source.id}#${s.index}`)).toBe(true);
    for (const e of events)
      for (const s of e.sources) {
        const doc = docs.find((d) => d.doc.source.id === s.source)!;
        expect(doc.doc.sentences[s.sentence]?.text).toBe(s.quote);
      }
  });

  it('marks planned and happened by what the sources said at the time', () => {
    const early = dated({
      id: 'early',
      published: '2025-11-30',
      paragraphs: [
        [
          {
            text: 'Smith will travel to Port Vale on Monday for more talks with Jones.',
            dates: [{ text: 'on Monday', start: '2025-12-01', tense: 'future' }],
          },
        ],
      ],
    });
    const late = dated({
      id: 'late',
      published: '2025-12-01',
      paragraphs: [
        [
          {
            text: 'Smith travels to Port Vale on Monday for more talks with Jones.',
            dates: [{ text: 'on Monday', start: '2025-12-01', tense: 'present' }],
          },
        ],
      ],
    });
    expect(buildEvents([early], options()).events[0]?.status).toBe('planned');
    const both = buildEvents([early, late], options()).events;
    expect(both).toHaveLength(1);
    expect(both[0]?.status).toBe('happened');
  });

  it('marks events before focusFrom as background and sorts by date then id', () => {
    const { events } = buildEvents([alpha(), beta()], options());
    const invasion = events.find((e) => e.date === '2022-02-01');
    expect(invasion).toMatchObject({ precision: 'month', background: true, end: '2022-02-28' });
    expect(invasion?.id.startsWith('2022-02-')).toBe(true);
    const keys = events.map((e) => `${e.date} ${e.id}`);
    expect(keys).toEqual([...keys].sort());
    expect(events.filter((e) => e.background).every((e) => (e.end ?? e.date) < '2025-10-01')).toBe(true);
  });

  it('resolves an anchor on a named event ("a day before the talks in Lakeside")', () => {
    const doc = dated({
      id: 'gamma',
      published: '2025-11-30',
      paragraphs: [
        [
          {
            text: 'Smith and Jones held ceasefire talks in Lakeside on Sunday.',
            dates: [{ text: 'on Sunday', start: '2025-11-30' }],
          },
        ],
        [
          {
            text: 'A day before the ceasefire talks in Lakeside, Eastland shelled the Vale refinery.',
            dates: [
              {
                text: 'A day before the ceasefire talks in Lakeside',
                start: '',
                end: '',
                anchor: { kind: 'unresolved', days: -1, mention: 'the ceasefire talks in Lakeside' },
              },
            ],
          },
        ],
      ],
    });
    const { events } = buildEvents([doc], options());
    const shelling = events.find((e) => e.sources.some((s) => s.quote.includes('shelled')));
    expect(shelling?.date).toBe('2025-11-29');
    expect(shelling?.sources[0]?.rule).toBe('test:event');
  });

  it('reports an anchor whose event is nowhere', () => {
    const doc = dated({
      id: 'delta',
      published: '2025-11-30',
      paragraphs: [
        [
          {
            text: 'A week after the harvest festival ended, Eastland shelled the Vale refinery.',
            dates: [
              {
                text: 'A week after the harvest festival ended',
                start: '',
                end: '',
                anchor: { kind: 'unresolved', days: 7, mention: 'the harvest festival ended' },
              },
            ],
          },
        ],
      ],
    });
    const { events, report } = buildEvents([doc], options());
    expect(events).toHaveLength(0);
    expect(report.leftOut[0]?.reason).toBe('unresolved-anchor');
  });

  it('keeps meetings with different sides apart even in the same month and place', () => {
    const doc = dated({
      id: 'eps',
      published: '2025-11-30',
      paragraphs: [
        [
          {
            text: 'Smith met Brown in Lakeside in October to draft the ceasefire plan.',
            dates: [{ text: 'in October', start: '2025-10-01', end: '2025-10-31', precision: 'month' }],
          },
        ],
        [
          {
            text: 'Smith met Jones in Lakeside in October to review the ceasefire plan.',
            dates: [{ text: 'in October', start: '2025-10-01', end: '2025-10-31', precision: 'month' }],
          },
        ],
      ],
    });
    expect(buildEvents([doc], options()).events).toHaveLength(2);
  });

  it('is deterministic and independent of document order', () => {
    const a = JSON.stringify(buildEvents([alpha(), beta()], options()));
    const b = JSON.stringify(buildEvents([alpha(), beta()], options()));
    expect(a).toBe(b);
    const ev1 = buildEvents([alpha(), beta()], options()).events;
    const ev2 = buildEvents([beta(), alpha()], options()).events;
    expect(ev2.map((e) => e.id)).toEqual(ev1.map((e) => e.id));
    expect(JSON.stringify(ev2)).toBe(JSON.stringify(ev1));
  });

  it('titles read as headlines: no date, no trailing said, no connective, at most 90 characters', () => {
    const { events } = buildEvents([alpha(), beta()], options());
    for (const e of events) {
      expect(e.title.length).toBeLessThanOrEqual(90);
      expect(e.title).not.toMatch(/\b(said|says)$/);
      expect(e.title).not.toMatch(/\b(on|in|the|and|of)$/i);
      expect(e.title).not.toMatch(/Sunday|Monday|Saturday/);
      expect(e.title.charAt(0)).toBe(e.title.charAt(0).toUpperCase());
    }
    const talks = events.find((e) => e.sources.some((s) => s.quote.startsWith('Smith and Jones')));
    expect(talks?.title).toBe('Smith and Jones meet for five hours of ceasefire talks in Lakeside');
    expect(talks?.summary).toContain('The Alpha Times: “');
  });
});
