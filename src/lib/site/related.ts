/**
 * Related events for an event page: those that share people or topics with it, most shared first, then the
 * nearest in time (ranges count from their nearest ends, overlap is zero), then timeline order.
 */
import { dayNumber } from '../dates/calendar.ts';
import type { DatedLike } from './date-label.ts';
import { compareEvents } from './grouping.ts';

/** What ranking needs of an event. */
export interface RelatableEvent extends DatedLike {
  id: string;
  actors: readonly string[];
  topics: readonly string[];
}

/** A related event and what it shares with the event of the page. */
export interface Related<E> {
  event: E;
  people: string[];
  topics: string[];
  /** Calendar days between the two events' ranges (0 when they overlap). */
  days: number;
}

/** Calendar days between two events' date ranges; 0 when they overlap. */
export function daysApart(a: DatedLike, b: DatedLike): number {
  return gap(dayNumber(a.date), dayNumber(a.end ?? a.date), dayNumber(b.date), dayNumber(b.end ?? b.date));
}

function gap(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  if (aEnd < bStart) return bStart - aEnd;
  if (bEnd < aStart) return aStart - bEnd;
  return 0;
}

/** A candidate as ranked: its index, tags shared, days apart, place in timeline order. */
interface Standing {
  i: number;
  shared: number;
  days: number;
  rank: number;
}

/** Whether a candidate ranks after `b`: fewer shared, or as many and farther, or as near and later in the timeline. */
function ranksAfter(shared: number, days: number, rank: number, b: Standing): boolean {
  if (shared !== b.shared) return shared < b.shared;
  return days !== b.days ? days > b.days : rank > b.rank;
}

/** The events of one person or topic, by index (ascending), and the same in time order, built when first needed. */
interface Posting {
  members: Int32Array;
  time?: TimeOrder | undefined;
}

/** A long list's members as a set, by first day (ascending) and by last day (descending); its longest range. */
interface TimeOrder {
  has: Uint8Array;
  byStart: Int32Array;
  starts: Int32Array;
  byEnd: Int32Array;
  ends: Int32Array;
  longest: number;
}

/** Lists at least this long are walked in time order; shorter ones are cheaper to count. */
const WALK_FROM = 128;

/** First position in `keys` (ascending) whose key is at least `key`. */
function firstAtLeast(keys: Int32Array, key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as number) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A ranking over `all`, built once for every page: an index from each person and topic to the events that carry
 * it, every event's range as day numbers and its place in timeline order. Ranking one event counts shared tags
 * over its tags' lists, except the longest (one topic can be on most events): events only on that list share one
 * tag, so only the nearest few of them matter, and they are found by walking that list in time order outwards
 * from the event. Before, every page compared its event with every other one, with date arithmetic: a minute of
 * a 1,000-article build, growing with the square of the events.
 */
export function relatedFinder<E extends RelatableEvent>(
  all: readonly E[],
  limit = 5,
): (target: RelatableEvent) => Related<E>[] {
  const n = all.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  all.forEach((e, i) => {
    starts[i] = dayNumber(e.date);
    ends[i] = dayNumber(e.end ?? e.date);
  });
  // Timeline order (then input order, as a stable sort keeps it) as one number, so ties need no string compares.
  const rank = new Int32Array(n);
  [...all.keys()]
    .sort((a, b) => compareEvents(all[a] as E, all[b] as E) || a - b)
    .forEach((i, r) => {
      rank[i] = r;
    });
  const lists = new Map<string, number[]>();
  const post = (key: string, i: number) => {
    const list = lists.get(key);
    if (list === undefined) lists.set(key, [i]);
    else list.push(i);
  };
  all.forEach((e, i) => {
    for (const p of new Set(e.actors)) post(`p ${p}`, i);
    for (const t of new Set(e.topics)) post(`t ${t}`, i);
    post(`id ${e.id}`, i);
  });
  const postings = new Map<string, Posting>([...lists].map(([k, v]) => [k, { members: Int32Array.from(v) }]));
  const none = new Int32Array(0);
  /** Per event: tags shared with the event being ranked (zeroed again after each ranking). */
  const shared = new Uint32Array(n);
  /** Per event: already ranked, or the event itself (cleared after each ranking). */
  const done = new Uint8Array(n);
  const touched = new Int32Array(n);
  const max = Math.max(0, limit);

  /** A list in time order; undefined when a range ends before it starts (then the list is counted like the others). */
  function timeOrder(posting: Posting): TimeOrder | undefined {
    if (posting.time !== undefined) return posting.time;
    const m = [...posting.members];
    if (m.some((i) => (ends[i] as number) < (starts[i] as number))) return undefined;
    const byStart = Int32Array.from(m.sort((a, b) => (starts[a] as number) - (starts[b] as number)));
    const byEnd = Int32Array.from(m.sort((a, b) => (ends[b] as number) - (ends[a] as number)));
    const has = new Uint8Array(n);
    for (const i of m) has[i] = 1;
    posting.time = {
      has,
      byStart,
      starts: byStart.map((i) => starts[i] as number),
      byEnd,
      // Negated, so that both key arrays ascend and one binary search serves both.
      ends: byEnd.map((i) => -(ends[i] as number)),
      longest: Math.max(0, ...m.map((i) => (ends[i] as number) - (starts[i] as number))),
    };
    return posting.time;
  }

  return (target) => {
    if (max === 0) return [];
    const people = new Set(target.actors);
    const topics = new Set(target.topics);
    const tStart = dayNumber(target.date);
    const tEnd = dayNumber(target.end ?? target.date);
    const own = [...[...people].map((p) => `p ${p}`), ...[...topics].map((t) => `t ${t}`)]
      .map((key) => postings.get(key))
      .filter((x): x is Posting => x !== undefined)
      .sort((a, b) => b.members.length - a.members.length);
    // The longest list, if long, is walked in time order (below) unless the target's own range is reversed.
    const longest = own[0];
    const time =
      longest !== undefined && longest.members.length >= WALK_FROM && tStart <= tEnd ? timeOrder(longest) : undefined;
    let count = 0;
    for (const posting of time === undefined ? own : own.slice(1)) {
      const list = posting.members;
      for (let k = 0; k < list.length; k++) {
        const i = list[k] as number;
        const before = shared[i] as number;
        shared[i] = before + 1;
        if (before === 0) touched[count++] = i;
      }
    }
    if (time !== undefined) {
      // Events already counted may be on the longest list too: that is one more tag shared.
      for (let k = 0; k < count; k++) {
        const i = touched[k] as number;
        shared[i] = (shared[i] as number) + (time.has[i] as number);
      }
    }
    // The event itself (and any event with its id) is never related to it.
    for (const i of postings.get(`id ${target.id}`)?.members ?? none) {
      shared[i] = 0;
      done[i] = 1;
    }

    const best: Standing[] = [];
    /** Keep the best `max`, best first; false when the candidate ranks below all of them. */
    const offer = (i: number, s: number, days: number): boolean => {
      const r = rank[i] as number;
      const worst = best.length === max ? best[max - 1] : undefined;
      if (worst !== undefined && ranksAfter(s, days, r, worst)) return false;
      let at = best.length;
      while (at > 0 && !ranksAfter(s, days, r, best[at - 1] as Standing)) at--;
      best.splice(at, 0, { i, shared: s, days, rank: r });
      if (best.length > max) best.pop();
      return true;
    };
    for (let k = 0; k < count; k++) {
      const i = touched[k] as number;
      const s = shared[i] as number;
      shared[i] = 0;
      done[i] = 1;
      if (s === 0) continue;
      const worst = best.length === max ? best[max - 1] : undefined;
      if (worst !== undefined && s < worst.shared) continue;
      offer(i, s, gap(tStart, tEnd, starts[i] as number, ends[i] as number));
    }

    if (time !== undefined) {
      // Events only on the longest list share exactly one tag: nearest first. Those overlapping the target
      // (0 days) start at most `longest` days before it; then the next after it and the next before it.
      const { byStart, starts: first, byEnd, ends: last } = time;
      for (let k = firstAtLeast(first, tStart - time.longest); k < first.length && (first[k] as number) <= tEnd; k++) {
        const i = byStart[k] as number;
        if (done[i] === 0 && (ends[i] as number) >= tStart) offer(i, 1, 0);
      }
      let after = firstAtLeast(first, tEnd + 1);
      let before = firstAtLeast(last, -(tStart - 1));
      for (;;) {
        const dAfter = after < first.length ? (first[after] as number) - tEnd : Number.POSITIVE_INFINITY;
        const dBefore = before < last.length ? tStart + (last[before] as number) : Number.POSITIVE_INFINITY;
        const days = Math.min(dAfter, dBefore);
        const worst = best.length === max ? best[max - 1] : undefined;
        if (days === Number.POSITIVE_INFINITY || (worst !== undefined && (worst.shared > 1 || days > worst.days)))
          break;
        const i = (dAfter <= dBefore ? byStart[after++] : byEnd[before++]) as number;
        if (done[i] === 0) offer(i, 1, days);
      }
    }
    for (let k = 0; k < count; k++) done[touched[k] as number] = 0;
    for (const i of postings.get(`id ${target.id}`)?.members ?? none) done[i] = 0;

    return best.map(({ i, days }) => {
      const e = all[i] as E;
      return {
        event: e,
        people: [...new Set(e.actors)].filter((p) => people.has(p)),
        topics: [...new Set(e.topics)].filter((t) => topics.has(t)),
        days,
      };
    });
  };
}

/** Up to `limit` events sharing people or topics with `target`: most shared, then nearest, then timeline order. */
export function relatedEvents<E extends RelatableEvent>(
  target: RelatableEvent,
  all: readonly E[],
  limit = 5,
): Related<E>[] {
  return relatedFinder(all, limit)(target);
}
