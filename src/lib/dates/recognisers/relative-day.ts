/**
 * Days named from the reference date itself: "today", "tonight", "yesterday", "tomorrow",
 * "this morning", "last night", "the day before yesterday", "two days ago", "a week ago".
 * Groups: word, tod, n, unit.
 * Watch out for: "Russia Today" and "USA Today" (outlets), "today's" (still today), "days ago" without a
 * count (vague), "the coming days" (vague: no expression).
 */
import { allMatches } from '../regex.ts';
import type { DateModifier } from '../../model.ts';
import type { Candidate, Mention } from '../types.ts';
import { B, COUNT, E, candidate, countValue, modifierOf, pattern } from './patterns.ts';

const DEICTIC = pattern(
  `${B}(?<!(?:Russia|USA)\\s)(?<word>the\\s+day\\s+before\\s+yesterday|the\\s+day\\s+after\\s+tomorrow|(?:earlier|later)\\s+today|today|tonight|yesterday|tomorrow|this\\s+(?<tod>morning|afternoon|evening)|last\\s+night)${E}`,
);
const AGO = pattern(`${B}(?<n>${COUNT})\\s+(?<unit>days?|weeks?)\\s+ago${E}`);

/** Day offset and modifier of a deictic word. */
function deictic(word: string): { days: number; modifier?: DateModifier } {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (w === 'yesterday') return { days: -1 };
  if (w === 'tomorrow') return { days: 1 };
  if (w === 'the day before yesterday') return { days: -2 };
  if (w === 'the day after tomorrow') return { days: 2 };
  if (w === 'tonight') return { days: 0, modifier: 'night' };
  if (w === 'last night') return { days: -1, modifier: 'night' };
  return { days: 0 };
}

/** Every pattern here contains one of these words (same flags, so the same case folding): without one, skip them all. */
const CUE = /day|night|tomorrow|morning|afternoon|evening|ago/iu;

/** Find days relative to the reference date. */
export function findRelativeDays(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  if (!CUE.test(sentence)) return out;
  for (const m of allMatches(DEICTIC, sentence)) {
    const g = m.groups ?? {};
    const { days, modifier } = deictic(g['word'] ?? '');
    const mention: Mention = { kind: 'day-offset', days };
    out.push(candidate(m.index, m.index + m[0].length, 'relative-day', mention, modifier ?? modifierOf(g['tod'])));
  }
  for (const m of allMatches(AGO, sentence)) {
    const g = m.groups ?? {};
    const n = countValue(g['n'] ?? '1');
    const week = (g['unit'] ?? '').toLowerCase().startsWith('week');
    const mention: Mention = week ? { kind: 'week-offset', weeks: -n } : { kind: 'day-offset', days: -n };
    out.push(candidate(m.index, m.index + m[0].length, week ? 'weeks-ago' : 'days-ago', mention));
  }
  return out;
}
