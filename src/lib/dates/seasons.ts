/**
 * Northern meteorological seasons: spring Mar–May (`YYYY-SP`), summer Jun–Aug (`SU`), autumn/fall
 * Sep–Nov (`FA`), winter Dec–Feb (`WI`, named by the year its December is in).
 */
import type { IsoDate, Tense } from '../model.ts';
import { compareIso, lastDayOf, makeIsoDate, partsOf } from './calendar.ts';
import type { Relation, Season } from './types.ts';
import type { Range } from './weeks.ts';

const FIRST_MONTH: Readonly<Record<Season, number>> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** The occurrence of `season` named by `year`. */
export function seasonOf(season: Season, year: number): Range {
  const first = FIRST_MONTH[season];
  const endYear = season === 'WI' ? year + 1 : year;
  const endMonth = season === 'WI' ? 2 : first + 2;
  return { value: `${year}-${season}`, startDate: makeIsoDate(year, first, 1), endDate: lastDayOf(endYear, endMonth) };
}

/**
 * Which occurrence a season without a year means on `ref`: the one in progress for "this"/bare,
 * otherwise the latest that ended (past, none, "last") or the next that starts (future, present, "next").
 */
export function seasonRange(season: Season, ref: IsoDate, tense: Tense, relation: Relation | undefined): Range {
  const { year } = partsOf(ref);
  const all = [year - 2, year - 1, year, year + 1].map((y) => seasonOf(season, y));
  const ended = all.filter((s) => compareIso(s.endDate, ref) < 0);
  const upcoming = all.filter((s) => compareIso(s.startDate, ref) > 0);
  const current = all.find((s) => compareIso(s.startDate, ref) <= 0 && compareIso(ref, s.endDate) <= 0);
  const latestEnded = ended[ended.length - 1];
  const nextUp = upcoming[0];
  let pick: Range | undefined;
  if (relation === 'last') pick = latestEnded;
  else if (relation === 'next') pick = nextUp;
  else pick = current ?? (tense === 'future' || tense === 'present' ? nextUp : latestEnded);
  // Four consecutive years always hold an ended, a current or an upcoming occurrence.
  return pick ?? seasonOf(season, year);
}
