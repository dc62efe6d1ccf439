/**
 * The events stage's fast paths (issue 9) must give what their plain definitions give, to the last bit: the
 * stage's output is compared byte for byte across runs, and a merge score one rounding off may flip a decision.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignIds, keepable, newIdMemo } from '../../src/lib/events/ids.ts';
import {
  keyOf,
  overlap,
  sentenceBag,
  sidesConflict,
  weighBag,
  weightedOverlap,
} from '../../src/lib/events/similarity.ts';
import type { Weights } from '../../src/lib/events/similarity.ts';
import type { SentenceInfo } from '../../src/lib/events/types.ts';
import { possessiveAt } from '../../src/lib/events/tagger.ts';
import { keyTerms, tokenize, wordKey } from '../../src/lib/events/text.ts';

describe('weighed bags', () => {
  // Weights that do not add up exactly in floating point, so a different summing order would show.
  const keys = ['t:a', 't:b', 't:c', 't:d', 't:e', 'a:x', 'a:y', 'p:z', 't:unseen', 'a:unseen'];
  const bag = fc.uniqueArray(fc.constantFrom(...keys), { maxLength: keys.length }).map((k) => new Set(k));
  const idf = fc.array(fc.double({ min: 0.01, max: 9, noNaN: true }), { minLength: 8, maxLength: 8 });

  it('overlap exactly as `overlap` does, whichever bag is smaller', () => {
    fc.assert(
      fc.property(bag, bag, idf, fc.double({ min: 0.01, max: 9, noNaN: true }), (a, b, ws, unseen) => {
        const w: Weights = {
          idf: new Map(keys.slice(0, 8).map((k, i) => [k, ws[i] ?? 1])),
          unseen,
          country: new Map(),
        };
        expect(Object.is(weightedOverlap(weighBag(a, w), weighBag(b, w)), overlap(a, b, w))).toBe(true);
        expect(Object.is(weightedOverlap(weighBag(b, w), weighBag(a, w)), overlap(b, a, w))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('sides in conflict', () => {
  it('when each side set names a country the other does not', () => {
    const sides = fc.uniqueArray(fc.constantFrom('ua', 'ru', 'us', 'eu'), { maxLength: 4 }).map((s) => new Set(s));
    fc.assert(
      fc.property(sides, sides, (a, b) => {
        const only = (x: Set<string>, y: Set<string>) => [...x].some((c) => !y.has(c));
        expect(sidesConflict(a, b)).toBe(only(a, b) && only(b, a));
      }),
    );
  });
});

describe('possessives', () => {
  it('are "\'s" or "’s" at the position, as the pattern /^[\'’]s/ finds them', () => {
    const text = fc.array(fc.constantFrom("'", '’', 's', 'S', 't', ' ', '‘'), { maxLength: 8 }).map((c) => c.join(''));
    fc.assert(
      fc.property(text, fc.nat(9), (t, at) => {
        expect(possessiveAt(t, at)).toBe(/^['’]s/.test(t.slice(at)));
      }),
    );
  });
});

describe('word keys', () => {
  it('of a token are keyTerms of the token alone (what id slugs rely on)', () => {
    const words = [
      'Talks',
      'talks',
      'talk’s',
      "Russia's",
      'the',
      'said',
      'Monday',
      '2025',
      '3rd',
      'U.S.',
      'ceasefire-related',
      'met',
      'planned',
      'negotiations',
      'an',
      'Kyiv',
      'resignation',
      'it’s',
    ];
    const text = fc.array(fc.constantFrom(...words, ', ', ' — ', '.'), { maxLength: 12 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(text, (t) => {
        for (const token of tokenize(t)) {
          const key = wordKey(token.lower);
          expect(keyTerms(token.text)).toEqual(key === null ? [] : [key]);
        }
      }),
    );
  });
});

describe('shared keys and sentence bags', () => {
  const sentence = (terms: string[], actors: string[], places: string[]): SentenceInfo => ({
    doc: 0,
    source: 's',
    sentence: 0,
    paragraph: 0,
    segment: 0,
    segmentKind: 'article',
    referenceDate: '2025-11-30',
    text: '',
    terms,
    tags: { actors, places, topics: [] },
    furnitureLike: false,
  });
  const word = fc.stringMatching(/^[a-z:]{1,8}$/);

  it('a key is its prefix and text, the same string each time', () => {
    fc.assert(
      fc.property(fc.constantFrom('t', 'a', 'p') as fc.Arbitrary<'t' | 'a' | 'p'>, word, (prefix, text) => {
        expect(keyOf(prefix, text)).toBe(`${prefix}:${text}`);
        expect(keyOf(prefix, `${text}`)).toBe(keyOf(prefix, text));
      }),
    );
  });

  it('a sentence bag holds its terms, people and places as keys, and is made once per sentence', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word), fc.uniqueArray(word), fc.uniqueArray(word), (terms, actors, places) => {
        const s = sentence(terms, actors, places);
        const expected = new Set([
          ...terms.map((t) => `t:${t}`),
          ...actors.map((a) => `a:${a}`),
          ...places.map((p) => `p:${p}`),
        ]);
        expect([...sentenceBag(s)]).toEqual([...expected]);
        expect(sentenceBag(s)).toBe(sentenceBag(s));
        // Another sentence with the same words has its own bag with the same keys.
        expect([...sentenceBag(sentence(terms, actors, places))]).toEqual([...expected]);
      }),
    );
  });
});

describe('id assignment', () => {
  const cite = (source: string, sentence: number, quote: string) => ({
    source,
    sentence,
    paragraph: 0,
    quote,
    rule: 'weekday',
  });

  it('counts a quote a previous event cited twice once, as one with one citation', () => {
    const quote = cite('a', 1, 'Quote one.');
    // `a-twice` cites the shared quote twice, `b-other` two quotes of the event: `b-other` shares more and wins
    // (counted twice, `a-twice` would tie and win on its smaller id).
    const previous = [
      { id: 'a-twice', title: 'T', date: '2025-11-30', sources: [quote, quote] },
      { id: 'b-other', title: 'O', date: '2025-11-30', sources: [quote, cite('a', 2, 'Quote two.')] },
    ];
    const ids = assignIds(
      [
        { natural: '2025-11-30-x', citations: [quote, cite('a', 2, 'Quote two.')] },
        { natural: '2025-11-30-y', citations: [quote] },
      ],
      previous,
    );
    expect(ids).toEqual(['b-other', 'a-twice']);
  });

  it('with a memo, over a sequence of calls, gives the ids of the plain definition', () => {
    // The definition: every (event, previous id) pair sharing citations, most shared first (then smaller id, then
    // earlier event), taken greedily; the others their natural id, `-2`, `-3`… on a clash, in event order.
    const plainIds = (
      events: ReadonlyArray<{ natural: string; prefix: string; citations: ReturnType<typeof cite>[] }>,
      previous: ReadonlyArray<{ id: string; sources: ReturnType<typeof cite>[] }>,
    ) => {
      const pairs: Array<{ event: number; id: string; shared: number }> = [];
      events.forEach((e, event) => {
        for (const id of new Set(previous.map((p) => p.id))) {
          const cites = previous.filter((p) => p.id === id).flatMap((p) => p.sources);
          const shared = e.citations.filter((c) => cites.some((q) => q.source === c.source && q.quote === c.quote));
          if (shared.length > 0 && keepable(id, e.prefix)) pairs.push({ event, id, shared: shared.length });
        }
      });
      pairs.sort((a, b) => b.shared - a.shared || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || a.event - b.event);
      const out = new Map<number, string>();
      const taken = new Set<string>();
      for (const p of pairs)
        if (!out.has(p.event) && !taken.has(p.id)) {
          out.set(p.event, p.id);
          taken.add(p.id);
        }
      return events.map((e, i) => {
        let id = out.get(i) ?? e.natural;
        for (let n = 2; !out.has(i) && taken.has(id); n++) id = `${e.natural}-${n}`;
        taken.add(id);
        return id;
      });
    };
    const quotes = ['a', 'b', 'c'].flatMap((source) =>
      [0, 1, 2, 3].map((k) => cite(source, k, `Quote ${source}${k}.`)),
    );
    const words = ['2025-11-30-talks-in-geneva', '2025-11-30-talks-in-geneva-2', '2025-11-30-strike-on-port-vale'];
    const idPool = [...words, '2025-11-30-event', '2025-11-29-talks-in-geneva-held'];
    // Events are drafts kept from call to call (the memo knows them by object); previous events likewise, or new.
    const eventPool = fc.array(
      fc.record({
        natural: fc.constantFrom(...words),
        citations: fc.uniqueArray(fc.constantFrom(...quotes), { minLength: 1, maxLength: 4 }),
      }),
      { minLength: 1, maxLength: 8 },
    );
    const record = fc.record({
      id: fc.constantFrom(...idPool),
      sources: fc.array(fc.constantFrom(...quotes), { minLength: 1, maxLength: 3 }),
    });
    const step = fc.record({
      present: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      keep: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
      fresh: fc.array(record, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        eventPool,
        fc.array(record, { maxLength: 6 }),
        fc.array(step, { minLength: 1, maxLength: 6 }),
        (pool, first, steps) => {
          const drafts = pool.map((e) => ({ ...e, prefix: '2025-11-30' }));
          const memo = newIdMemo();
          let previous = first;
          for (const { present, keep, fresh } of steps) {
            const events = drafts.filter((_, i) => present[i] !== false).map((d) => ({ ...d, key: d }));
            expect(assignIds(events, previous, memo)).toEqual(plainIds(events, previous));
            // The next call's previous events: some kept (the same objects), some gone, some new.
            previous = [...previous.filter((_, i) => keep[i] !== false), ...fresh];
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps a previous id exactly when the plain definition does (its date part, then three words not all digits)', () => {
    const plain = (id: string, prefix: string) =>
      id.startsWith(`${prefix}-`) &&
      id
        .slice(prefix.length + 1)
        .split('-')
        .filter((w) => w !== '' && !/^\d+$/.test(w)).length >= 3;
    const part = fc.stringMatching(/^[0-9a-z-]{0,6}$/);
    fc.assert(
      fc.property(
        fc.constantFrom('2025', '2025-11', '2025-11-30', '2025-w49'),
        fc.array(part, { maxLength: 6 }),
        (prefix, parts) => {
          for (const id of [`${prefix}-${parts.join('-')}`, parts.join('-'), `${prefix}${parts.join('-')}`])
            expect(keepable(id, prefix)).toBe(plain(id, prefix));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
