import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Precision } from '../../src/lib/model.ts';
import { compareEvents } from '../../src/lib/site/grouping.ts';
import { daysApart, relatedEvents, relatedFinder } from '../../src/lib/site/related.ts';
import type { RelatableEvent } from '../../src/lib/site/related.ts';

function ev(
  id: string,
  date: string,
  actors: string[],
  topics: string[],
  extra: Partial<RelatableEvent> = {},
): RelatableEvent {
  return { id, date, precision: 'day', actors, topics, ...extra };
}

describe('daysApart', () => {
  it('counts calendar days between days, either order', () => {
    expect(daysApart(ev('a', '2025-11-28', [], []), ev('b', '2025-12-01', [], []))).toBe(3);
    expect(daysApart(ev('b', '2025-12-01', [], []), ev('a', '2025-11-28', [], []))).toBe(3);
  });
  it('measures ranges from their nearest ends and is 0 when they overlap', () => {
    const week = ev('w', '2025-11-24', [], [], { end: '2025-11-30', precision: 'week' });
    expect(daysApart(week, ev('d', '2025-11-27', [], []))).toBe(0);
    expect(daysApart(week, ev('d', '2025-12-02', [], []))).toBe(2);
    expect(daysApart(ev('d', '2025-11-20', [], []), week)).toBe(4);
  });
  it('crosses month and year ends and leap days without a time zone', () => {
    expect(daysApart(ev('a', '2023-12-31', [], []), ev('b', '2024-03-01', [], []))).toBe(61);
  });
});

describe('relatedEvents', () => {
  const target = ev('t', '2025-11-30', ['witkoff', 'umerov'], ['peace-talks', 'territory']);

  it('ranks by number of shared people and topics first', () => {
    const all = [
      target,
      ev('one', '2025-11-30', ['witkoff'], []),
      ev('three', '2025-01-01', ['witkoff', 'umerov'], ['territory']),
      ev('two', '2025-06-01', ['umerov'], ['peace-talks']),
    ];
    expect(relatedEvents(target, all).map((r) => r.event.id)).toEqual(['three', 'two', 'one']);
  });

  it('breaks ties by date proximity in either direction, then by timeline order', () => {
    const all = [
      ev('far', '2025-10-01', ['witkoff'], []),
      ev('after', '2025-12-02', ['witkoff'], []),
      ev('before', '2025-11-29', ['umerov'], []),
      ev('same-b', '2025-11-29', [], ['territory']),
    ];
    expect(relatedEvents(target, all).map((r) => r.event.id)).toEqual(['before', 'same-b', 'after', 'far']);
  });

  it('leaves out the event itself and events that share nothing (places do not count)', () => {
    const all = [target, ev('none', '2025-11-30', ['putin'], ['energy']), ev('dup', '2025-11-30', [], ['territory'])];
    const related = relatedEvents(target, all);
    expect(related.map((r) => r.event.id)).toEqual(['dup']);
    expect(related[0]).toMatchObject({ people: [], topics: ['territory'], days: 0 });
  });

  it('counts a tag repeated in one event once', () => {
    const all = [
      ev('rep', '2025-11-30', ['witkoff', 'witkoff'], []),
      ev('two', '2025-11-01', ['witkoff', 'umerov'], []),
    ];
    expect(relatedEvents(target, all).map((r) => [r.event.id, r.people.length])).toEqual([
      ['two', 2],
      ['rep', 1],
    ]);
  });

  it('returns at most five by default, and at most the limit given', () => {
    const all = Array.from({ length: 9 }, (_, i) => ev(`e${i}`, `2025-11-${String(10 + i)}`, ['witkoff'], []));
    expect(relatedEvents(target, all)).toHaveLength(5);
    expect(relatedEvents(target, all, 2).map((r) => r.event.id)).toEqual(['e8', 'e7']);
    expect(relatedEvents(target, all, 0)).toEqual([]);
  });

  it('property: the result is ordered, bounded, and every entry shares something', () => {
    const tag = fc.constantFrom('a', 'b', 'c', 'd');
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2025-02-${String(d).padStart(2, '0')}`);
    const event = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      date: day,
      precision: fc.constant<Precision>('day'),
      actors: fc.array(tag, { maxLength: 3 }),
      topics: fc.array(tag, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(event, fc.array(event, { maxLength: 20 }), (t, all) => {
        const related = relatedEvents(t, all);
        expect(related.length).toBeLessThanOrEqual(5);
        const score = (r: (typeof related)[number]) => r.people.length + r.topics.length;
        for (const r of related) {
          expect(r.event.id).not.toBe(t.id);
          expect(score(r)).toBeGreaterThan(0);
          for (const p of r.people) expect(t.actors).toContain(p);
          for (const x of r.topics) expect(t.topics).toContain(x);
        }
        for (let i = 1; i < related.length; i++) {
          const [a, b] = [related[i - 1]!, related[i]!];
          expect(score(a) > score(b) || (score(a) === score(b) && a.days <= b.days)).toBe(true);
        }
      }),
    );
  });
});

describe('relatedFinder', () => {
  /** The ranking by definition: every other event, scored, sorted; what the index must reproduce. */
  function naive(target: RelatableEvent, all: readonly RelatableEvent[], limit: number) {
    const shared = (a: readonly string[], b: readonly string[]) => [...new Set(a)].filter((x) => b.includes(x));
    return all
      .filter((e) => e.id !== target.id)
      .map((e) => ({
        event: e,
        people: shared(e.actors, target.actors),
        topics: shared(e.topics, target.topics),
        days: daysApart(target, e),
      }))
      .filter((r) => r.people.length + r.topics.length > 0)
      .sort(
        (a, b) =>
          b.people.length + b.topics.length - (a.people.length + a.topics.length) ||
          a.days - b.days ||
          compareEvents(a.event, b.event),
      )
      .slice(0, Math.max(0, limit));
  }

  it('property: one index ranks every event of the list exactly as a full sort would', () => {
    const tag = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const event = fc
      .record({
        id: fc.constantFrom('x', 'y', 'z', 'w', 'v', 'u'),
        start: fc.integer({ min: 0, max: 800 }),
        length: fc.constantFrom(0, 0, 6, 30),
        actors: fc.array(tag, { maxLength: 3 }),
        topics: fc.array(tag, { maxLength: 3 }),
      })
      .map(({ id, start, length, actors, topics }) => {
        const iso = (n: number) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10);
        const e: RelatableEvent = { id, date: iso(start), precision: length === 0 ? 'day' : 'week', actors, topics };
        return length === 0 ? e : { ...e, end: iso(start + length) };
      });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), fc.integer({ min: -1, max: 7 }), (all, limit) => {
        const find = relatedFinder(all, limit);
        for (const target of all) expect(find(target)).toEqual(naive(target, all, limit));
      }),
    );
  });
  it('property: the same when one tag is on most events (its long list is walked in time order)', () => {
    const lengths = [0, 0, 0, 6, 13, 30, 90, 364];
    const event = fc
      .record({
        id: fc.integer({ min: 0, max: 400 }),
        start: fc.integer({ min: 0, max: 400 }),
        length: fc.constantFrom(...lengths),
        common: fc.boolean(),
        actors: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 2 }),
      })
      .map(({ id, start, length, common, actors }) => {
        const iso = (d: number) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);
        const e: RelatableEvent = {
          id: `e${id}`,
          date: iso(start),
          precision: length === 0 ? 'day' : 'month',
          actors,
          topics: common ? ['talks'] : [],
        };
        return length === 0 ? e : { ...e, end: iso(start + length) };
      });
    fc.assert(
      fc.property(fc.array(event, { minLength: 150, maxLength: 300 }), (all) => {
        const find = relatedFinder(all);
        for (const target of all) expect(find(target)).toEqual(naive(target, all, 5));
      }),
      { numRuns: 15 },
    );
  });
});
