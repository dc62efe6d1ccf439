/**
 * A source dated decades away from the rest of the corpus is usually a typo in `published` (1925 for 2025)
 * that a plausible-year check cannot catch. Flag it for the editor; never reject (an archive piece is legal).
 * Sorted once and searched by bisection, so a corpus of 10,000 sources costs n log n, not n².
 */
import { partsOf } from '../dates/calendar.ts';
import type { IsoDate } from '../model.ts';

/** Years between a source and the median of the other sources beyond which it is flagged. */
export const SPREAD_YEARS = 20;

function monthNumber(iso: IsoDate): number {
  const { year, month } = partsOf(iso);
  return year * 12 + (month - 1);
}

/** First index in `sorted` whose month is >= m. */
function lowerBound(sorted: readonly { m: number }[], m: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid]?.m ?? 0) < m) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * For each publication date, a warning when most of the other sources lie more than SPREAD_YEARS away
 * (a majority rule: one stray date in a corpus flags only itself; two sources far apart flag each other).
 */
export function dateSpreadWarnings(dates: readonly IsoDate[]): Array<string | undefined> {
  const sorted = dates
    .map((date, i) => ({ date, i, m: monthNumber(date) }))
    .sort((a, b) => a.m - b.m || (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i));
  const limit = SPREAD_YEARS * 12;
  return dates.map((date, i) => {
    const others = dates.length - 1;
    if (others === 0) return undefined;
    const m = monthNumber(date);
    const near = lowerBound(sorted, m + limit + 1) - lowerBound(sorted, m - limit) - 1;
    if (near * 2 >= others) return undefined;
    // The closest other source: the smallest gap in months, then the earliest date string.
    let closest: { gap: number; date: IsoDate } | undefined;
    const consider = (k: number) => {
      const o = sorted[k];
      if (o === undefined || o.i === i) return;
      const gap = Math.abs(o.m - m);
      if (closest === undefined || gap < closest.gap || (gap === closest.gap && o.date < closest.date))
        closest = { gap, date: o.date };
    };
    // Only the groups of months nearest on each side can hold the closest; look at their first members.
    const at = lowerBound(sorted, m);
    for (let k = at; k < sorted.length && sorted[k]?.m === m; k++) consider(k);
    const below = sorted[at - 1];
    if (below !== undefined) consider(lowerBound(sorted, below.m));
    let after = at;
    while (sorted[after]?.m === m) after++;
    if (after < sorted.length) consider(after);
    return `published ${date} is more than ${SPREAD_YEARS} years away from most other sources (closest: ${closest?.date ?? ''}): is the date a typo?`;
  });
}
