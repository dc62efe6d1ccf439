/**
 * Months without a day: "in October", "mid-November", "late March", "the end of June",
 * "February 2022", "February of 2022", "last month", "earlier this month", "two months ago".
 * Groups: cue (the preposition or relation before the month), mod, mon, year; rel/part for "… month".
 * Watch out for: "may" and "march" as verbs (month names must be capitalised, and a bare month
 * needs a cue such as "in"/"since"/"last"), people named April/May/June/August ("to April Ryan",
 * "and May said"), "March 18" (a day: explicit.ts), "the coming months" (vague: not a date).
 */
import { allMatches } from '../regex.ts';
import { monthNumber } from '../calendar.ts';
import type { Candidate, Mention, Relation } from '../types.ts';
import {
  B,
  COUNT,
  E,
  MONTH_ABBR,
  MONTH_FULL,
  MONTH_WORD,
  candidate,
  countValue,
  isCapitalised,
  modifierOf,
  pattern,
} from './patterns.ts';

const MOD = `(?<mod>early|mid|late|(?:the\\s+)?(?:beginning|start|middle|end)\\s+of)`;

/** "February 2022", "mid-February 2022", "Feb. 2022", "February of 2022". */
const MONTH_YEAR = pattern(
  `${B}(?:${MOD}[-\\s]+)?(?<mon>${MONTH_FULL}|${MONTH_ABBR})(?![\\p{L}])\\.?,?\\s+(?:of\\s+)?(?<year>\\d{4})(?![\\p{N}\\p{L}])`,
);

/** A bare month after a cue word; only the modifier or relation joins the text. */
const CUED_MONTH = pattern(
  `${B}(?:(?<rel>last|this|next)\\s+|${MOD}[-\\s]+|(?<cue>in|since|by|until|till|through|throughout|during|before|after|from|of|between|and|or|to)\\s+)` +
    `(?<mon>${MONTH_FULL})${E}`,
);

const MONTH_OFFSET = pattern(
  `${B}(?:(?<part>earlier|later)\\s+this|(?<rel>last|this|next))\\s+month${E}(?!\\s+of${E})`,
);
const MONTHS_AGO = pattern(`${B}(?<n>${COUNT})\\s+months?\\s+ago${E}`);

/** Given names that are also months: after "and"/"or"/"to"/"of"/"by"/"from" and before a capitalised word they are people. */
const NAME_MONTHS = new Set([4, 5, 6, 8]);
const NAME_CUES = new Set(['and', 'or', 'to', 'of', 'by', 'from']);

/** The last two patterns need the word "month", the first two a month name: cheap tests first. */
const MONTH = /month/iu;

/** Find month expressions. */
export function findMonths(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  const named = MONTH_WORD.test(sentence);
  const unit = MONTH.test(sentence);
  for (const m of named ? allMatches(MONTH_YEAR, sentence) : []) {
    const g = m.groups ?? {};
    const mon = g['mon'] ?? '';
    const month = monthNumber(mon);
    if (month === undefined || !isCapitalised(mon)) continue;
    const mention: Mention = { kind: 'month', month, year: Number(g['year']) };
    out.push(candidate(m.index, m.index + m[0].length, 'month-year', mention, modifierOf(g['mod'])));
  }
  for (const m of named ? allMatches(CUED_MONTH, sentence) : []) {
    const g = m.groups ?? {};
    const mon = g['mon'] ?? '';
    const month = monthNumber(mon);
    if (month === undefined || !isCapitalised(mon)) continue;
    const cue = g['cue']?.toLowerCase();
    const after = sentence.slice(m.index + m[0].length);
    if (cue !== undefined && NAME_MONTHS.has(month) && NAME_CUES.has(cue) && /^\s+\p{Lu}\p{Ll}/u.test(after)) continue;
    // "and may", "or May": a modal or a surname far more often than a month.
    if (month === 5 && (cue === 'and' || cue === 'or' || cue === 'to')) continue;
    const start = cue === undefined ? m.index : m.index + m[0].length - mon.length;
    const rel = g['rel']?.toLowerCase() as Relation | undefined;
    const mention: Mention = rel ? { kind: 'month', month, relation: rel } : { kind: 'month', month };
    out.push(
      candidate(start, m.index + m[0].length, rel ? 'month-relative' : 'month-name', mention, modifierOf(g['mod'])),
    );
  }
  for (const m of unit ? allMatches(MONTH_OFFSET, sentence) : []) {
    const g = m.groups ?? {};
    const part = g['part']?.toLowerCase();
    const rel = g['rel']?.toLowerCase();
    const mention: Mention =
      part === 'earlier' || part === 'later'
        ? { kind: 'month-offset', offset: 0, part }
        : { kind: 'month-offset', offset: rel === 'last' ? -1 : rel === 'next' ? 1 : 0 };
    out.push(candidate(m.index, m.index + m[0].length, 'month-offset', mention));
  }
  for (const m of unit ? allMatches(MONTHS_AGO, sentence) : []) {
    const mention: Mention = { kind: 'month-offset', offset: -countValue(m.groups?.['n'] ?? '1') };
    out.push(candidate(m.index, m.index + m[0].length, 'months-ago', mention));
  }
  return out;
}
