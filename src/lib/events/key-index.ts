/**
 * Best-match search over bags of keys without comparing with every item: items are listed under each of
 * their keys, and a query reads the lists of its own keys, heaviest first, until the keys still unread could
 * not lift an unseen item to the best score so far (the MaxScore rule of text retrieval). Exact: it finds
 * what a scan of every item would find.
 */
import type { Bag, Weights } from './similarity.ts';

/** Items listed under each key of their bags. */
export interface KeyPostings<T> {
  byKey: Map<string, T[]>;
}

/** List every item under the keys of its bag. */
export function keyPostings<T>(items: Iterable<T>, bagOf: (item: T) => Bag): KeyPostings<T> {
  const byKey = new Map<string, T[]>();
  for (const item of items) {
    for (const k of bagOf(item)) {
      const list = byKey.get(k);
      if (list === undefined) byKey.set(k, [item]);
      else list.push(item);
    }
  }
  return { byKey };
}

/** What one key adds to `overlap` (similarity.ts): its weight, twice for a name. */
export function keyWeight(k: string, w: Weights): number {
  return (k.startsWith('t:') ? 1 : 2) * (w.idf.get(k) ?? w.unseen);
}

export interface SearchOptions<T> {
  /** Only scores above this count; at least `bonus` (an item sharing no key is never read). */
  floor: number;
  /** Most an item may score beyond the keys it shares with the query (a same-document bonus). */
  bonus: number;
  /** The item's score, or undefined when it may not match at all; called once per item that shares a key. */
  score: (item: T) => number | undefined;
  /** Of two items with the same score, true when `a` wins over `b`. */
  before: (a: T, b: T) => boolean;
}

/** The item scoring highest above `floor` (ties by `before`); undefined when none does. */
export function bestByKeys<T>(query: Bag, postings: KeyPostings<T>, w: Weights, o: SearchOptions<T>): T | undefined {
  const keys = [...query].map((k) => ({ k, weight: keyWeight(k, w) }));
  keys.sort((a, b) => b.weight - a.weight || (a.k < b.k ? -1 : 1));
  let left = 0;
  for (const x of keys) left += x.weight;
  let best: T | undefined;
  let bestScore = o.floor;
  const seen = new Set<T>();
  for (const { k, weight } of keys) {
    // An item not seen yet shares only keys from here on; the margin absorbs rounding in the sums.
    if (left + o.bonus < bestScore - 1e-9) break;
    left -= weight;
    for (const item of postings.byKey.get(k) ?? []) {
      if (seen.has(item)) continue;
      seen.add(item);
      const score = o.score(item);
      if (score === undefined) continue;
      if (score > bestScore || (score === bestScore && best !== undefined && o.before(item, best))) {
        best = item;
        bestScore = score;
      }
    }
  }
  return best;
}
