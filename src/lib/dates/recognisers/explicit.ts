/**
 * Explicit calendar dates: "Nov. 30, 2025", "November 30, 2025", "Sun, Nov 30", "30 November 2025",
 * "11/30/2025" (US order), "2025-12-01", "March 18" (no year: resolve.ts picks the year).
 * Groups: wd (weekday), mon, day, year; m/d/y for numeric forms.
 * Watch out for: impossible days (Feb 30, Feb 29 in a common year) — not expressions, and their
 * year must not be read alone either (they are kept as `void` spans that win the overlap, then dropped); "May 2022"
 * (a month, month.ts: the day must not run into more digits); "Marco 3" (a month abbreviation must
 * end at the period or space); lower-case "may"/"march" (verbs); money ("$30 May" is not a date).
 */
import { allMatches } from '../regex.ts';
import { isIsoDate, monthNumber, weekdayNumber } from '../calendar.ts';
import type { Candidate, Mention } from '../types.ts';
import {
  B,
  E,
  MONTH_ABBR,
  MONTH_FULL,
  MONTH_WORD,
  WEEKDAY,
  WEEKDAY_ABBR,
  candidate,
  isCapitalised,
  pattern,
} from './patterns.ts';

const WD = `(?:(?<wd>${WEEKDAY}|${WEEKDAY_ABBR})\\.?,?\\s+)?`;
const MON = `(?<mon>${MONTH_FULL}|${MONTH_ABBR})(?![\\p{L}])\\.?`;
const YEAR = `(?:,?\\s+(?<year>\\d{4})(?!\\p{N}))?`;

const MONTH_DAY = pattern(`${B}${WD}${MON}\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?${E}${YEAR}`);
const DAY_MONTH = pattern(`${B}(?<![$€£]\\s?)${WD}(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MON}${YEAR}`);
const NUMERIC_US = pattern(`${B}${WD}(?<m>\\d{1,2})/(?<d>\\d{1,2})/(?<y>\\d{4})(?![\\p{N}/])`);
const ISO = pattern(`(?<![\\p{N}\\p{L}-])(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})(?!\\p{N})`);

/** A month-day with an optional year, or undefined when no such day exists. */
function dateMention(
  month: number,
  day: number,
  year: number | undefined,
  weekday: number | undefined,
): Mention | undefined {
  // Without a year, Feb 29 is possible (resolve.ts finds a leap year).
  const probe = `${String(year ?? 2024).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isIsoDate(probe)) return undefined;
  const m: Mention = { kind: 'date', month, day };
  if (year !== undefined) m.year = year;
  if (weekday !== undefined) m.weekday = weekday;
  return m;
}

/** Weekday prefix, if present and properly capitalised. `null` marks a prefix that disqualifies the match. */
function weekdayPrefix(wd: string | undefined): number | undefined | null {
  if (wd === undefined) return undefined;
  if (!isCapitalised(wd)) return null;
  return weekdayNumber(wd) ?? null;
}

/** Every pattern here needs a digit, and the first two a month name: cheap tests first. */
const DIGIT = /\d/;

/** Find explicit calendar dates. */
export function findExplicitDates(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  if (!DIGIT.test(sentence)) return out;
  const named = MONTH_WORD.test(sentence);
  for (const [re, rule] of [
    [MONTH_DAY, 'explicit-date'],
    [DAY_MONTH, 'explicit-date'],
  ] as const) {
    if (!named) break;
    for (const m of allMatches(re, sentence)) {
      const g = m.groups ?? {};
      const mon = g['mon'] ?? '';
      const month = monthNumber(mon);
      const weekday = weekdayPrefix(g['wd']);
      if (month === undefined || !isCapitalised(mon) || weekday === null) continue;
      const year = g['year'] === undefined ? undefined : Number(g['year']);
      const mention = dateMention(month, Number(g['day']), year, weekday);
      out.push(
        candidate(m.index, m.index + m[0].length, mention ? rule : 'impossible-date', mention ?? { kind: 'void' }),
      );
    }
  }
  for (const [re, rule] of [
    [NUMERIC_US, 'explicit-numeric'],
    [ISO, 'explicit-iso'],
  ] as const) {
    for (const m of allMatches(re, sentence)) {
      const g = m.groups ?? {};
      const weekday = weekdayPrefix(g['wd']);
      if (weekday === null) continue;
      const mention = dateMention(Number(g['m']), Number(g['d']), Number(g['y']), weekday);
      out.push(
        candidate(m.index, m.index + m[0].length, mention ? rule : 'impossible-date', mention ?? { kind: 'void' }),
      );
    }
  }
  return out;
}
