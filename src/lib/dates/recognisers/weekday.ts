/**
 * Weekday names: "Sunday", "late Sunday", "Sunday morning", "Sunday's talks", "last Sunday".
 * Groups: rel (last/this/next…), mod (early/late), day, poss ('s), tod (time of day).
 * Watch out for: "Sundays" (habitual, not a date), "Sunday Times" (a newspaper), the preposition
 * ("on Sunday" — never part of the text), abbreviations ("Sun" is a newspaper; only explicit.ts
 * accepts them, next to a month and day).
 */
import { allMatches } from '../regex.ts';
import { weekdayNumber } from '../calendar.ts';
import type { Candidate } from '../types.ts';
import { B, E, WEEKDAY, candidate, groupSpan, modifierOf, pattern, relationOf } from './patterns.ts';

const WEEKDAY_PATTERN = pattern(
  `${B}(?:(?<rel>this\\s+past|this\\s+coming|last|this|next|coming|past)\\s+|(?<mod>early|late)(?:\\s+on)?\\s+)?` +
    `(?<day>${WEEKDAY})(?:(?<poss>['’]s)|\\s+(?<tod>morning|afternoon|evening|night))?${E}` +
    `(?!\\s+(?:Times|Telegraph|Express|Mirror|Herald)${E})`,
  { indices: true },
);

/** Every pattern here contains one of these words (same flags, so the same case folding): without one, skip them all. */
const CUE = /day/iu;

/** Find weekday expressions. */
export function findWeekdays(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  if (!CUE.test(sentence)) return out;
  for (const m of allMatches(WEEKDAY_PATTERN, sentence)) {
    const g = m.groups ?? {};
    const weekday = weekdayNumber(g['day'] ?? '');
    if (weekday === undefined) continue;
    const relation = relationOf(g['rel']);
    const possessive = g['poss'] !== undefined;
    // The possessive 's belongs to the noun phrase, not to the date text.
    const dayEnd = groupSpan(m, 'day')?.[1] ?? m.index + m[0].length;
    const end = possessive ? dayEnd : m.index + m[0].length;
    const modifier = modifierOf(g['tod']) ?? modifierOf(g['mod']);
    const rule = relation ? 'weekday-relative' : possessive ? 'weekday-possessive' : 'weekday';
    const mention = relation
      ? { kind: 'weekday' as const, weekday, relation, possessive }
      : { kind: 'weekday' as const, weekday, possessive };
    out.push(candidate(m.index, end, rule, mention, modifier));
  }
  return out;
}
