/**
 * Which clusters a candidate could join, without scoring every cluster its range meets. Clusters are listed by
 * the days their ranges cover (the grids of day-index.ts) under every key of their members' bags. Overlap sums
 * positive key weights, so a candidate that needs an overlap of at least `least` can only reach it with a cluster
 * that shares one of its keys outside the lightest few whose weights together stay below `least` (`signature`):
 * reading the lists of those keys over the candidate's days finds every cluster it can join, and few others.
 */
import { keyWeight } from './key-index.ts';
import type { Bag, Weights } from './similarity.ts';

/** Grid cells of one level as one number (levels stay below 32: day ranges shorter than 2^31 days). */
const slot = (cell: number, level: number) => cell * 32 + level;

/** Ids with inclusive day ranges, listed per key: those listed under some keys over a range that meets a query. */
export class KeyedDayIndex {
  /** Per key: its cells, and a bit per grid level it has cells in (a query skips the other levels). */
  private readonly lists = new Map<string, { levels: number; cells: Map<number, number[]> }>();
  private readonly seenAt: number[] = [];
  private query = 0;

  /** List `id` over days `start`–`end` under each of `keys` (listing again, or over a wider range, is allowed). */
  add(id: number, keys: Iterable<string>, start: number, end: number): void {
    let level = 0;
    while ((end >> level) - (start >> level) > 1) level++;
    for (const key of keys) {
      let list = this.lists.get(key);
      if (list === undefined) {
        list = { levels: 0, cells: new Map() };
        this.lists.set(key, list);
      }
      list.levels |= 1 << level;
      const { cells } = list;
      for (let cell = start >> level; cell <= end >> level; cell++) {
        const ids = cells.get(slot(cell, level));
        if (ids === undefined) cells.set(slot(cell, level), [id]);
        else if (ids.at(-1) !== id) ids.push(id);
      }
    }
  }

  /** Every id listed under one of `keys` over a range that meets `lo`–`hi`, once each (plus some sharing a cell only). */
  find(keys: Iterable<string>, lo: number, hi: number): number[] {
    this.query += 1;
    const out: number[] = [];
    for (const key of keys) {
      const list = this.lists.get(key);
      if (list === undefined) continue;
      const { cells } = list;
      for (let levels = list.levels, level = 0; levels !== 0; levels >>>= 1, level++) {
        if ((levels & 1) === 0) continue;
        for (let cell = lo >> level; cell <= hi >> level; cell++) {
          const ids = cells.get(slot(cell, level));
          if (ids === undefined) continue;
          for (const id of ids) {
            if (this.seenAt[id] === this.query) continue;
            this.seenAt[id] = this.query;
            out.push(id);
          }
        }
      }
    }
    return out;
  }
}

/**
 * The keys of `bag` that any bag overlapping it by at least `least` must share: all of them but the lightest,
 * as long as those together weigh less than `least` (with a margin for rounding, so the set errs on the large side).
 * With `least` ≤ 0 every key counts (a score above zero needs one shared key).
 */
export function signature(bag: Bag, least: number, w: Weights): string[] {
  const keys = [...bag].map((k) => ({ k, weight: keyWeight(k, w) }));
  keys.sort((a, b) => a.weight - b.weight || (a.k < b.k ? -1 : 1));
  let light = 0;
  let sum = 0;
  for (const { weight } of keys) {
    if (sum + weight >= least - 1e-9) break;
    sum += weight;
    light++;
  }
  return keys.slice(light).map((x) => x.k);
}
