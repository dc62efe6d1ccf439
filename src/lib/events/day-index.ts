/**
 * Integer day arithmetic for the hot loops of merging (no date-fns there), and an index of day ranges
 * that finds the ranges meeting a query without scanning everything of the same month.
 */
import type { IsoDate } from '../model.ts';

const DAY_CACHE = new Map<string, number>();

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian; negative before 1970). */
export function dayNumber(iso: IsoDate): number {
  const hit = DAY_CACHE.get(iso);
  if (hit !== undefined) return hit;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m === null) throw new RangeError(`not a calendar date: ${iso}`);
  const month = Number(m[2]);
  // Count from March so the leap day falls at the end of the year (days-from-civil).
  const y = Number(m[1]) - (month <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + Number(m[3]) - 1;
  const days = era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
  if (DAY_CACHE.size > 100_000) DAY_CACHE.clear();
  DAY_CACHE.set(iso, days);
  return days;
}

/** The `YYYY-MM-DD` date of a day number (inverse of `dayNumber`). */
export function isoOfDay(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Months since year 0 (`year * 12 + month - 1`) of a `YYYY-MM-DD` or `YYYY-MM` string. */
export function monthNumber(iso: string): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

/** Two inclusive day ranges meet when at most `slack` days lie between them. */
export function daysMeet(aStart: number, aEnd: number, bStart: number, bEnd: number, slack: number): boolean {
  return aStart <= bEnd + slack && bStart <= aEnd + slack;
}

/**
 * Ids with inclusive day ranges, by the ranges they meet. One grid per power-of-two cell size; a range
 * sits in the one or two cells of the finest grid that holds it, so a query visits a few cells per grid.
 * Adding an id again (its range grew) is allowed; a query still reports it once.
 */
export class DayRangeIndex {
  private readonly grids = new Map<number, Map<number, number[]>>();
  private levels: number[] = [];
  private readonly seenAt: number[] = [];
  private query = 0;

  /** Register `id` over days `start`–`end`. */
  add(id: number, start: number, end: number): void {
    let level = 0;
    while ((end >> level) - (start >> level) > 1) level++;
    let grid = this.grids.get(level);
    if (grid === undefined) {
      grid = new Map();
      this.grids.set(level, grid);
      this.levels = [...this.grids.keys()].sort((a, b) => a - b);
    }
    for (let cell = start >> level; cell <= end >> level; cell++) {
      const list = grid.get(cell);
      if (list === undefined) grid.set(cell, [id]);
      else if (list.at(-1) !== id) list.push(id);
    }
  }

  /** Every id registered over a range that meets `lo`–`hi`, once each, plus some that only share a cell. */
  near(lo: number, hi: number): number[] {
    this.query += 1;
    const out: number[] = [];
    for (const level of this.levels) {
      const grid = this.grids.get(level);
      if (grid === undefined) continue;
      for (let cell = lo >> level; cell <= hi >> level; cell++) {
        for (const id of grid.get(cell) ?? []) {
          if (this.seenAt[id] === this.query) continue;
          this.seenAt[id] = this.query;
          out.push(id);
        }
      }
    }
    return out;
  }
}
