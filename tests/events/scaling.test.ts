import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, lastDayOf } from '../../src/lib/dates/calendar.ts';
import { DayRangeIndex, dayNumber, daysMeet, isoOfDay } from '../../src/lib/events/day-index.ts';
import { buildEvents } from '../../src/lib/events/index.ts';
import type { DatedDocument } from '../../src/lib/events/index.ts';
import { bestByKeys, keyPostings } from '../../src/lib/events/key-index.ts';
import { MERGE_SEARCH, mergeCandidates } from '../../src/lib/events/merge.ts';
import { KeyedDayIndex, signature } from '../../src/lib/events/merge-index.ts';
import type { MergeInput } from '../../src/lib/events/merge.ts';
import { overlap } from '../../src/lib/events/similarity.ts';
import type { Weights } from '../../src/lib/events/similarity.ts';
import type { Candidate, SentenceInfo } from '../../src/lib/events/types.ts';
import { resetWorkStats, WORK_STATS } from '../../src/lib/events/work-stats.ts';
import type { WorkStats } from '../../src/lib/events/work-stats.ts';
import type { Precision } from '../../src/lib/model.ts';
import { dated, GAZETTEER } from '../fixtures/events/build.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October'];

/** A made-up word per article, so that articles tell of different things (letters only: a key term). */
function codeWord(k: number): string {
  let word = '';
  for (let n = k + 26 * 27; n > 0; n = Math.floor(n / 26)) word += String.fromCharCode(97 + (n % 26));
  return `zo${word}`;
}

/**
 * Article `k` of a corpus where `perDay` articles appear each day: a meeting the day before, a saying about
 * last week, a plan for later in the month (optional), a date anchored on a named meeting, and a teaser line
 * naming the same two people as the meeting.
 */
function article(k: number, perDay: number, monthly: boolean): DatedDocument {
  const published = addDays('2025-03-02', Math.floor(k / perDay));
  const w = codeWord(k);
  const [year, month] = published.split('-').map(Number) as [number, number];
  const paragraphs: Parameters<typeof dated>[0]['paragraphs'] = [
    [
      {
        text: `Smith met Jones in Lakeside on Monday to discuss the ${w} ceasefire plan.`,
        dates: [{ text: 'on Monday', start: addDays(published, -1) }],
      },
      `The talks on the ${w} plan lasted five hours.`,
    ],
    [
      {
        text: `Brown said this week that the ${w} truce was close.`,
        dates: [{ text: 'this week', start: addDays(published, -3), end: addDays(published, 3), precision: 'week' }],
      },
    ],
    [
      {
        text: `A day before the delegations met in Lakeside about the ${w} plan, Gray flew to Port Vale.`,
        dates: [
          {
            text: `A day before the delegations met in Lakeside about the ${w} plan`,
            start: '',
            end: '',
            anchor: { kind: 'unresolved', days: -1, mention: `the delegations met in Lakeside about the ${w} plan` },
          },
        ],
      },
    ],
    {
      kind: 'teaser',
      sentences: [`Smith and Jones met in Lakeside to discuss the ${w} ceasefire plan and the ${w} truce in detail.`],
    },
  ];
  if (monthly)
    paragraphs.push([
      {
        text: `Negotiators will meet again in ${MONTHS[month - 1]} to finish the ${w} accord.`,
        dates: [
          {
            text: `in ${MONTHS[month - 1]}`,
            start: `${published.slice(0, 7)}-01`,
            end: lastDayOf(year, month),
            precision: 'month',
            tense: 'future',
          },
        ],
      },
    ]);
  return dated({ id: `a${String(k).padStart(4, '0')}`, published, paragraphs });
}

/** The pair counts of one run of the events stage over `size` articles. */
function work(size: number, perDay: number, monthly: boolean): { stats: WorkStats; events: number } {
  const docs = Array.from({ length: size }, (_, k) => article(k, perDay, monthly));
  resetWorkStats();
  const { events } = buildEvents(docs, {
    gazetteer: GAZETTEER,
    curation: { events: {} },
    previous: [],
    focusFrom: '2025-01-01',
  });
  return { stats: { ...WORK_STATS }, events: events.length };
}

describe('the events stage grows about linearly (pairs compared, not time)', () => {
  it('4× the articles at the same density: each kind of comparison grows < 6×', () => {
    const small = work(60, 2, true);
    const large = work(240, 2, true);
    expect(large.events).toBeGreaterThan(2 * small.events);
    for (const step of ['placements', 'joins', 'mentions', 'sameActors'] as const) {
      expect(small.stats[step], step).toBeGreaterThan(0);
      expect(large.stats[step] / small.stats[step], step).toBeLessThan(6);
    }
  });

  it('many articles a day inside one month: merging looks at the days, not the whole month', () => {
    const small = work(60, 4, false);
    const large = work(240, 4, false);
    for (const step of ['placements', 'joins'] as const) {
      expect(small.stats[step], step).toBeGreaterThan(0);
      expect(large.stats[step] / small.stats[step], step).toBeLessThan(6);
    }
  });
});

describe('day numbers', () => {
  it('agree with the calendar helpers and round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (n) => {
        const iso = addDays('1970-01-01', n);
        expect(dayNumber(iso)).toBe(n);
        expect(isoOfDay(n)).toBe(iso);
      }),
    );
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    expect(dayNumber('2100-03-01') - dayNumber('2100-02-28')).toBe(1);
    expect(() => dayNumber('2025-11')).toThrow(RangeError);
  });

  it('a day index finds every range meeting a query, each once', () => {
    const range = fc.tuple(fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: 0, max: 800 }));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 60 }), range, (ranges, [qs, ql]) => {
        const index = new DayRangeIndex();
        for (const [i, [s, l]] of ranges.entries()) index.add(i, s, s + l);
        const found = index.near(qs, qs + ql);
        expect(new Set(found).size).toBe(found.length);
        const meeting = ranges.flatMap(([s, l], i) => (daysMeet(s, s + l, qs, qs + ql, 0) ? [i] : []));
        for (const i of meeting) expect(found).toContain(i);
      }),
    );
  });
});

describe('best match by keys', () => {
  it('finds what a scan of every item finds, ties included', () => {
    const keys = ['t:a', 't:b', 't:c', 't:d', 'a:x', 'p:y'];
    const bag = fc.uniqueArray(fc.constantFrom(...keys), { maxLength: 6 }).map((k) => new Set(k));
    const weights = fc.array(fc.constantFrom(0.5, 1, 1.5, 2.25, 4), { minLength: keys.length, maxLength: keys.length });
    fc.assert(
      fc.property(
        fc.array(bag, { maxLength: 25 }),
        bag,
        weights,
        fc.constantFrom(1, 2.5, 6),
        (items, query, ws, floor) => {
          const w: Weights = { idf: new Map(keys.map((k, i) => [k, ws[i] ?? 1])), unseen: 1, country: new Map() };
          const bonusOf = (i: number) => (i % 3 === 0 ? 1 : 0);
          const score = (i: number) => overlap(query, items[i] ?? new Set(), w) + bonusOf(i);
          let scan: number | undefined;
          let scanScore: number = floor;
          items.forEach((_, i) => {
            if (score(i) > scanScore) {
              scan = i;
              scanScore = score(i);
            }
          });
          const ids = items.map((_, i) => i);
          const found = bestByKeys(
            query,
            keyPostings(ids, (i) => items[i] ?? new Set()),
            w,
            {
              floor,
              bonus: 1,
              score,
              before: (a, b) => a < b,
            },
          );
          expect(found).toBe(scan);
        },
      ),
    );
  });
});

/** A bare candidate for the merge step. */
function candidate(
  n: number,
  start: string,
  end: string,
  precision: Precision,
  extra: Partial<Candidate> = {},
): Candidate {
  const info: SentenceInfo = {
    doc: n,
    source: `s${n}`,
    sentence: 0,
    paragraph: 0,
    segment: 0,
    segmentKind: 'article',
    referenceDate: start,
    text: `Sentence ${n}.`,
    terms: [],
    tags: { actors: [], places: [], topics: [] },
    furnitureLike: false,
  };
  return {
    n,
    info,
    expression: {
      text: 'then',
      start: 0,
      end: 4,
      value: start,
      startDate: start,
      endDate: end,
      precision,
      tense: 'past',
      rule: 'test',
      anchor: { kind: 'absolute' },
    },
    clauseStart: 0,
    clauseEnd: 0,
    clause: info.text,
    statement: false,
    mention: false,
    anaphor: false,
    start,
    end,
    precision,
    rule: 'test',
    planned: false,
    attached: [],
    ...extra,
  };
}

const input = (c: Candidate, keys: string[], actors: string[] = []): MergeInput => ({
  candidate: c,
  bag: new Set(keys),
  core: new Set(keys),
  actors: new Set(actors),
});

describe('merging: order-dependent rules kept exactly', () => {
  const w: Weights = {
    idf: new Map([
      ['t:p', 4],
      ['t:q', 4],
      ['t:r', 5],
      ['t:s', 3],
      ['t:k', 4],
      ['a:north', 1],
      ['a:south', 1],
    ]),
    unseen: 1,
    country: new Map([
      ['north', 'northland'],
      ['south', 'southland'],
    ]),
  };

  it('joins two clusters in a later pass once a third one made their sides agree', () => {
    const day = '2025-03-12';
    // A and B agree (p, q) but name different sides; C (a vaguer report naming both sides) cannot join either
    // while being placed; a mention dates C's cluster to the day. B then takes C in, and A joins B.
    const clusters = mergeCandidates(
      [
        input(candidate(0, day, day, 'day'), ['a:north', 't:p', 't:q'], ['north']),
        input(candidate(1, day, day, 'day'), ['a:south', 't:p', 't:q', 't:r'], ['south']),
        input(
          candidate(2, '2025-03-10', '2025-03-16', 'week'),
          ['a:north', 'a:south', 't:r', 't:s'],
          ['north', 'south'],
        ),
        input(candidate(3, day, day, 'day', { mention: true }), ['t:s']),
      ],
      w,
    );
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.members.map((m) => m.n).sort()).toEqual([0, 1, 2, 3]);
  });

  it('of two equally good clusters, a report joins the one a month-by-month scan meets first', () => {
    // The April day is placed first; the week from March 31 (naming someone the day does not) founds its own
    // cluster, listed under March and April. A second such week scores the same with both: March is scanned first.
    const clusters = mergeCandidates(
      [
        input(candidate(0, '2025-04-02', '2025-04-02', 'day'), ['t:k', 't:p']),
        input(candidate(1, '2025-03-31', '2025-04-06', 'week'), ['t:k', 'a:north'], ['north']),
        input(candidate(2, '2025-03-31', '2025-04-06', 'week'), ['t:k', 't:r']),
      ],
      { ...w, idf: new Map([...w.idf, ['t:k', 8]]) },
    );
    expect(clusters.map((k) => k.members.map((m) => m.n).sort())).toEqual([[0], [1, 2]]);
  });
});

describe('merging: the key index finds what looking at every cluster finds', () => {
  const keys = ['t:a', 't:b', 't:c', 't:d', 't:e', 'a:north', 'a:south', 'a:east', 'p:x', 'p:y'];
  const people = ['north', 'south', 'east'];
  const arbInput = fc.record({
    day: fc.oneof(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 45 })),
    precision: fc.constantFrom<Precision>('day', 'day', 'day', 'week', 'month', 'year'),
    modifier: fc.option(fc.constantFrom('early' as const, 'mid' as const, 'late' as const), { nil: undefined }),
    planned: fc.boolean(),
    mention: fc.nat(3).map((n) => n === 0),
    head: fc.option(fc.constantFrom('a', 'b', 'z'), { nil: undefined }),
    statement: fc.nat(2).map((n) => n === 0),
    speaker: fc.option(fc.constantFrom(...people), { nil: undefined }),
    bag: fc.uniqueArray(fc.constantFrom(...keys), { maxLength: 7 }),
    core: fc.nat(7),
    actors: fc.uniqueArray(fc.constantFrom(...people), { maxLength: 2 }),
    side: fc.option(fc.constantFrom('northland', 'southland'), { nil: undefined }),
    sameSentenceAs: fc.option(fc.nat(30), { nil: undefined }),
  });
  const corpus = fc.record({
    inputs: fc.array(arbInput, { minLength: 1, maxLength: 40 }),
    idf: fc.array(fc.constantFrom(0.4, 1, 2, 3.5, 5, 8), { minLength: keys.length, maxLength: keys.length }),
  });

  /** Merge inputs from the generated records (ranges as the precision gives them). */
  type Generated = typeof arbInput extends fc.Arbitrary<infer T> ? T : never;
  function inputsOf(records: readonly Generated[]): MergeInput[] {
    return records.map((r, n): MergeInput => {
      const start = addDays('2025-03-01', r.day);
      const [y, m] = start.split('-').map(Number) as [number, number];
      const range: [string, string] =
        r.precision === 'day'
          ? [start, start]
          : r.precision === 'week'
            ? [start, addDays(start, 6)]
            : r.precision === 'month'
              ? [`${start.slice(0, 7)}-01`, lastDayOf(y, m)]
              : [`${y}-01-01`, `${y}-12-31`];
      const extra: Partial<Candidate> = { planned: r.planned, mention: r.mention, statement: r.statement };
      if (r.precision === 'month' && r.modifier !== undefined) extra.modifier = r.modifier;
      if (r.speaker !== undefined) extra.saying = { speaker: r.speaker, speakerSlug: r.speaker, content: '' };
      const c = candidate(n, range[0], range[1], r.precision, extra);
      // Two candidates of one sentence may not share a cluster.
      if (r.sameSentenceAs !== undefined && r.sameSentenceAs < n) c.info = { ...c.info, doc: r.sameSentenceAs };
      const x: MergeInput = {
        candidate: c,
        bag: new Set(r.bag),
        core: new Set(r.bag.slice(0, r.core)),
        actors: new Set(r.actors),
      };
      if (r.head !== undefined) x.head = r.head;
      if (r.side !== undefined) x.subjectSide = r.side;
      return x;
    });
  }

  it('gives the same clusters with and without the index', () => {
    fc.assert(
      fc.property(corpus, ({ inputs: records, idf }) => {
        const w: Weights = {
          idf: new Map(keys.map((k, i) => [k, idf[i] ?? 1])),
          unseen: 1,
          country: new Map([
            ['north', 'northland'],
            ['south', 'southland'],
            ['east', 'eastland'],
          ]),
        };
        const inputs = inputsOf(records);
        const shape = (clusters: ReturnType<typeof mergeCandidates>) =>
          clusters.map((k) => ({ ...k, members: k.members.map((m) => m.n) }));
        const indexed = shape(mergeCandidates(inputs, w));
        MERGE_SEARCH.exhaustive = true;
        try {
          expect(indexed).toEqual(shape(mergeCandidates(inputs, w)));
        } finally {
          MERGE_SEARCH.exhaustive = false;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('joins, in one scan, a partner only the cluster just taken in agrees with (before another cluster can)', () => {
    const day = '2025-03-12';
    const w: Weights = {
      idf: new Map([
        ...['a1', 'a2', 'b1', 'b2', 'b3'].map((k) => [`t:${k}`, 4] as const),
        ['t:c1', 5],
        ['t:c2', 5],
        ['t:c3', 5],
        ['t:e1', 3],
        ['t:e2', 3],
      ]),
      unseen: 1,
      country: new Map(),
    };
    const at = (n: number, keys: string[], sentenceOf = n) => {
      const c = candidate(n, day, day, 'day');
      c.info = { ...c.info, doc: sentenceOf };
      return input(
        c,
        keys.map((k) => `t:${k}`),
      );
    };
    // Placed as P{0}, Q{1,4}, S{2}, R{3,5}: 4 agrees with P but more with Q, 5 with Q and S but most with R.
    // Joining: P takes Q (0–4), then R, which only Q agrees with (1–5); S shares a sentence with P so stays apart.
    // Had P not looked again after taking Q, S would take R first, and P could then take neither.
    const inputs = [
      at(0, ['a1', 'a2']),
      at(1, ['b1', 'b2', 'b3']),
      at(2, ['e1', 'e2', 'c3'], 0),
      at(3, ['c1', 'c2', 'c3']),
      at(4, ['a1', 'a2', 'b1', 'b2', 'b3']),
      at(5, ['c1', 'c2', 'c3', 'b1', 'b2', 'e1', 'e2']),
    ];
    const shape = (clusters: ReturnType<typeof mergeCandidates>) =>
      clusters.map((k) => k.members.map((m) => m.n).sort());
    expect(shape(mergeCandidates(inputs, w))).toEqual([[0, 1, 3, 4, 5], [2]]);
    MERGE_SEARCH.exhaustive = true;
    try {
      expect(shape(mergeCandidates(inputs, w))).toEqual([[0, 1, 3, 4, 5], [2]]);
    } finally {
      MERGE_SEARCH.exhaustive = false;
    }
  });

  it('any bag that overlaps another by at least a threshold shares one of its signature keys', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...keys), { maxLength: 8 }),
        fc.uniqueArray(fc.constantFrom(...keys), { maxLength: 8 }),
        fc.array(fc.constantFrom(0.4, 1, 2, 3.5, 5, 8), { minLength: keys.length, maxLength: keys.length }),
        fc.constantFrom(0, 2.5, 5, 7, 12),
        (a, b, idf, least) => {
          const w: Weights = { idf: new Map(keys.map((k, i) => [k, idf[i] ?? 1])), unseen: 1, country: new Map() };
          const sig = signature(new Set(a), least, w);
          const score = overlap(new Set(a), new Set(b), w);
          if (score >= least && score > 0) expect(sig.some((k) => b.includes(k))).toBe(true);
        },
      ),
    );
  });

  it('a keyed day index finds every id listed under a key over a range meeting the query', () => {
    const range = fc.tuple(fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: 0, max: 800 }));
    const listing = fc.tuple(range, fc.uniqueArray(fc.constantFrom('x', 'y', 'z'), { maxLength: 3 }));
    fc.assert(
      fc.property(
        fc.array(listing, { maxLength: 60 }),
        range,
        fc.constantFrom<string[]>(['x'], ['y', 'z']),
        (items, [qs, ql], q) => {
          const index = new KeyedDayIndex();
          for (const [i, [[s, l], ks]] of items.entries()) index.add(i, ks, s, s + l);
          const found = index.find(q, qs, qs + ql);
          expect(new Set(found).size).toBe(found.length);
          items.forEach(([[s, l], ks], i) => {
            if (daysMeet(s, s + l, qs, qs + ql, 0) && ks.some((k) => q.includes(k))) expect(found).toContain(i);
          });
        },
      ),
    );
  });
});
