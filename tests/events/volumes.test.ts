import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { buildEvents } from '../../src/lib/events/index.ts';
import { joinVolumes, partitionVolumes, VOLUME } from '../../src/lib/events/volumes.ts';
import type { JoinMemo } from '../../src/lib/events/volumes.ts';
import type { Draft, DraftCite, PlacedDraft } from '../../src/lib/events/volumes.ts';
import { dated, FILLER, options } from '../fixtures/events/build.ts';

const DEFAULT_MIN = VOLUME.minSources;
afterEach(() => {
  VOLUME.minSources = DEFAULT_MIN;
});

/** `n` publication dates in `month` (YYYY-MM). */
const inMonth = (month: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${month}-${String(1 + (i % 28)).padStart(2, '0')}`);

describe('partitionVolumes', () => {
  it('takes whole months in order until a volume holds enough sources; a short remainder joins the last volume', () => {
    const published = [...inMonth('2025-03', 300), ...inMonth('2025-01', 10), ...inMonth('2025-02', 260)];
    published.push(...inMonth('2025-04', 5));
    const volumes = partitionVolumes(published, 250);
    const months = volumes.map((v) => [...new Set(v.map((i) => published[i]?.slice(0, 7)))].sort());
    expect(months).toEqual([
      ['2025-01', '2025-02'],
      ['2025-03', '2025-04'],
    ]);
    expect(volumes.map((v) => v.length)).toEqual([270, 305]);
  });

  it('keeps a timeline smaller than two volumes whole, every source once and in corpus order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 1, max: 60 }),
        (monthOffsets, min) => {
          const published = monthOffsets.map(
            (m) => `20${20 + Math.floor(m / 12)}-${String(1 + (m % 12)).padStart(2, '0')}-15`,
          );
          const volumes = partitionVolumes(published, min);
          const all = volumes.flat();
          expect(all.sort((a, b) => a - b)).toEqual(published.map((_, i) => i));
          for (const v of volumes) expect(v).toEqual([...v].sort((a, b) => a - b));
          if (published.length < 2 * min) expect(volumes).toHaveLength(1);
          if (volumes.length > 1) for (const v of volumes) expect(v.length).toBeGreaterThanOrEqual(min);
          // Months never straddle volumes, and volumes follow each other in time.
          const last = volumes.map(
            (v) =>
              v
                .map((i) => published[i] as string)
                .sort()
                .at(-1) as string,
          );
          const first = volumes.map((v) => v.map((i) => published[i] as string).sort()[0] as string);
          for (let k = 1; k < volumes.length; k++)
            expect((first[k] as string).slice(0, 7) > (last[k - 1] as string).slice(0, 7)).toBe(true);
        },
      ),
    );
  });
});

/** A cited sentence of source `source`, published on `published`. */
function cite(source: string, published: string, extra: Partial<DraftCite> = {}): DraftCite {
  return {
    citation: { source, quote: `${source} quote.`, paragraph: 0, sentence: 0, rule: 'weekday' },
    weight: 0,
    tags: { actors: [], places: [], topics: [] },
    kind: 'article',
    published,
    ...extra,
  };
}

/** A draft of one day whose reports hold `keys` (each weighing 3), from one source. */
function draft(over: Partial<Draft> & { source: string; published: string; keys?: string[] }): Draft {
  const { source, published, keys = ['t:summit', 'a:ann-smith', 'p:port-vale'], ...rest } = over;
  return {
    start: '2025-01-31',
    end: '2025-01-31',
    precision: 'day',
    planned: false,
    title: `Title from ${source}`,
    prefix: '2025-01-31',
    natural: `2025-01-31-${source}`,
    n: 0,
    cited: [cite(source, published, { title: true })],
    join: { keys, weights: keys.map(() => 3), statement: false, briefing: false, sides: [], subjects: [] },
    ...rest,
  };
}

const placed = (d: Draft, volume: number, n: number): PlacedDraft => ({ draft: d, volume, n });

describe('joinVolumes', () => {
  it('joins one day’s agreeing drafts of two volumes: citations together, named by the first report', () => {
    const a = placed(draft({ source: 'feb', published: '2025-02-02' }), 1, 10);
    const b = placed(draft({ source: 'jan', published: '2025-01-31', planned: true }), 0, 3);
    const { drafts, absorbed } = joinVolumes([a, b]);
    expect(absorbed).toBe(1);
    expect(drafts).toHaveLength(1);
    const joined = drafts[0] as PlacedDraft;
    expect(joined.draft.title).toBe('Title from jan');
    expect(joined.n).toBe(3);
    expect(joined.draft.planned).toBe(false);
    expect(joined.draft.cited.map((c) => [c.citation.source, c.title === true])).toEqual([
      ['jan', true],
      ['feb', false],
    ]);
  });

  it('leaves apart drafts of one volume, of other dates, of other kinds, or whose words or sides disagree', () => {
    const base = draft({ source: 'x', published: '2025-01-31' });
    const cases: Array<[string, Draft, number]> = [
      ['same volume', draft({ source: 'y', published: '2025-02-01' }), 0],
      ['another day', draft({ source: 'y', published: '2025-02-01', start: '2025-01-30', end: '2025-01-30' }), 1],
      ['vaguer', draft({ source: 'y', published: '2025-02-01', end: '2025-02-02', precision: 'week' }), 1],
      [
        'a saying',
        {
          ...draft({ source: 'y', published: '2025-02-01' }),
          join: { ...(base.join as NonNullable<Draft['join']>), statement: true },
        },
        1,
      ],
      ['few words shared', draft({ source: 'y', published: '2025-02-01', keys: ['t:summit', 't:other'] }), 1],
      [
        'a planned span',
        { ...draft({ source: 'y', published: '2025-02-01' }), span: { start: '2025-01-31', end: '2025-02-03' } },
        1,
      ],
    ];
    for (const [label, other, volume] of cases) {
      const { drafts } = joinVolumes([placed(base, 0, 1), placed(other, volume, 2)]);
      expect(drafts, label).toHaveLength(2);
    }
    const north = { ...base, join: { ...(base.join as NonNullable<Draft['join']>), sides: ['northland'] } };
    const south = { ...base, join: { ...(base.join as NonNullable<Draft['join']>), sides: ['southland'] } };
    expect(joinVolumes([placed(north, 0, 1), placed(south, 1, 2)]).drafts).toHaveLength(2);
  });

  it('with a memo, joins a group of the same drafts once: again only when a draft or the order of places changed', () => {
    const a = placed(draft({ source: 'a', published: '2025-02-01' }), 0, 1);
    const b = placed(draft({ source: 'b', published: '2025-02-01' }), 1, 30);
    const memo: JoinMemo = new Map();
    const first = joinVolumes([a, b], memo);
    const joined = first.drafts[0] as PlacedDraft;
    expect(first.drafts).toHaveLength(1);
    expect(first.from.get(joined.draft)).toEqual([a, b]); // lead (first in place: a) first
    // Places shifted by an earlier volume: the same joined draft (its event is reused), at the new place.
    const shifted = joinVolumes(
      [
        { ...a, n: 5 },
        { ...b, n: 40 },
      ],
      memo,
    );
    expect(shifted.drafts[0]?.draft).toBe(joined.draft);
    expect(shifted.drafts[0]?.n).toBe(5);
    // A changed draft: joined afresh, as without a memo.
    const c = placed(draft({ source: 'c', published: '2025-02-01' }), 1, 30);
    const changed = joinVolumes([a, c], memo);
    expect(changed.drafts[0]?.draft).not.toBe(joined.draft);
    expect(changed.drafts).toEqual(joinVolumes([a, c]).drafts);
    // The same drafts with their places' order reversed: the lead changes, so the memo's join is not taken.
    const swapped = [{ ...a, n: 50 }, b];
    expect(joinVolumes(swapped, memo).drafts).toEqual(joinVolumes(swapped).drafts);
    expect(joinVolumes(swapped, memo).drafts[0]?.draft.title).toBe('Title from b');
    // Only the groups of the last call are kept.
    joinVolumes([a], memo);
    expect(memo.size).toBe(0);
  });

  it('joins at most one draft of each volume into an event, whatever the order of its input', () => {
    const strong = ['t:summit', 'a:ann-smith', 'p:port-vale', 't:pipeline'];
    const items = [
      placed(draft({ source: 'a1', published: '2025-01-31', keys: strong }), 0, 1),
      placed(draft({ source: 'a2', published: '2025-01-31' }), 0, 2),
      placed(draft({ source: 'b', published: '2025-02-01', keys: strong }), 1, 30),
      placed(draft({ source: 'c', published: '2025-03-01' }), 2, 60),
    ];
    const groups = (list: PlacedDraft[]) =>
      joinVolumes(list)
        .drafts.map((p) => p.draft.cited.map((c) => c.citation.source).join('+'))
        .sort();
    const expected = groups(items);
    // a1 and b agree most; a2 is of a1's volume and stays apart; c joins the first group it meets.
    expect(expected).toEqual(['a1+b+c', 'a2']);
    fc.assert(
      fc.property(fc.shuffledSubarray(items, { minLength: 4, maxLength: 4 }), (shuffled) => {
        expect(groups(shuffled)).toEqual(expected);
      }),
    );
  });
});

describe('events across volumes', () => {
  const meeting = (id: string, published: string, text: string, on: string) =>
    dated({
      id,
      published,
      paragraphs: [[{ text, dates: [{ text: on, start: '2025-01-31' }] }, ...FILLER.slice(0, 6)]],
    });
  const corpus = () => [
    meeting(
      'jan-wire',
      '2025-01-31',
      'Smith met Jones in Port Vale on Friday to sign the zorvak pipeline accord.',
      'on Friday',
    ),
    meeting(
      'feb-daily',
      '2025-02-02',
      'Smith and Jones signed the zorvak pipeline accord in Port Vale on Friday.',
      'on Friday',
    ),
    meeting('feb-post', '2025-02-03', 'Brown toured a bakery in Lakeside on Friday with his family.', 'on Friday'),
  ];

  it('builds each month alone and joins the happening both report into one event', () => {
    VOLUME.minSources = 1;
    const { events, report } = buildEvents(corpus(), options());
    const accord = events.filter((e) => e.sources.some((c) => c.quote.includes('zorvak')));
    expect(accord).toHaveLength(1);
    expect(accord[0]?.sources.map((c) => c.source)).toEqual(['jan-wire', 'feb-daily']);
    expect(accord[0]?.date).toBe('2025-01-31');
    // The bakery visit shares the day but not the words: an event of its own.
    expect(events.filter((e) => e.sources.some((c) => c.source === 'feb-post'))).toHaveLength(1);
    expect(report.merges).toBeGreaterThanOrEqual(1);
  });

  it('reports every sentence of every volume: cited by an event or left out with a reason', () => {
    VOLUME.minSources = 1;
    const docs = corpus();
    const total = docs.reduce((n, d) => n + d.doc.sentences.length, 0);
    const { events, report } = buildEvents(docs, options());
    const cited = new Set(events.flatMap((e) => e.sources.map((c) => `${c.source}:${c.sentence}`)));
    const left = new Set(report.leftOut.map((l) => `${l.source}:${l.sentence}`));
    expect(cited.size + left.size).toBe(total);
    for (const key of cited) expect(left.has(key)).toBe(false);
  });

  it('gives an identity (volume key, draft, id) to an event of uncurated drafts: a joined one names each draft', () => {
    VOLUME.minSources = 1;
    const keyed = { volumeKeys: ['key-jan', 'key-feb'] };
    const { events, identities } = buildEvents(corpus(), options(keyed));
    const accord = events.find((e) => e.sources.some((c) => c.quote.includes('zorvak')));
    const bakery = events.find((e) => e.sources.some((c) => c.source === 'feb-post'));
    if (accord === undefined || bakery === undefined) throw new Error('expected both events');
    // Joined across the two volumes: its drafts' origins, the lead (the first report, January's) first.
    expect(identities.get(accord.id)).toMatch(new RegExp(`^join:key-jan#\\d+\\+key-feb#\\d+\\|${accord.id}$`));
    expect(identities.get(bakery.id)).toMatch(new RegExp(`^volume:key-feb#\\d+\\|${bakery.id}$`));
    // Background context is part of what an identity fixes.
    const late = buildEvents(corpus(), options({ ...keyed, focusFrom: '2025-06-01' }));
    expect(late.identities.get(bakery.id)).toBe(`${identities.get(bakery.id)}|background`);
    // Curation may change an event whatever its draft: a curated id has no identity.
    const curated = buildEvents(corpus(), options({ ...keyed, curation: { events: { [bakery.id]: { title: 'T' } } } }));
    expect(curated.identities.has(bakery.id)).toBe(false);
    // Without keys (no cache), no identities.
    expect(buildEvents(corpus(), options()).identities.size).toBe(0);
  });
});
