/**
 * A source dated decades away from the rest of the corpus is usually a typo in `published` (1925 for 2025)
 * that a plausible-year check cannot catch. Flag it for the editor; never reject (an archive piece is legal).
 */
import { partsOf } from '../dates/calendar.ts';
import type { IsoDate } from '../model.ts';

/** Years between a source and the median of the other sources beyond which it is flagged. */
export const SPREAD_YEARS = 20;

function monthNumber(iso: IsoDate): number {
  const { year, month } = partsOf(iso);
  return year * 12 + (month - 1);
}

/**
 * For each publication date, a warning when most of the other sources lie more than SPREAD_YEARS away
 * (a majority rule: one stray date in a corpus flags only itself; two sources far apart flag each other).
 */
export function dateSpreadWarnings(dates: readonly IsoDate[]): Array<string | undefined> {
  return dates.map((date, i) => {
    const others = dates.filter((_, j) => j !== i);
    if (others.length === 0) return undefined;
    const gap = (other: IsoDate) => Math.abs(monthNumber(date) - monthNumber(other));
    const near = others.filter((o) => gap(o) <= SPREAD_YEARS * 12).length;
    if (near * 2 >= others.length) return undefined;
    const closest = [...others].sort((a, b) => gap(a) - gap(b) || (a < b ? -1 : a > b ? 1 : 0))[0] ?? '';
    return `published ${date} is more than ${SPREAD_YEARS} years away from most other sources (closest: ${closest}): is the date a typo?`;
  });
}
