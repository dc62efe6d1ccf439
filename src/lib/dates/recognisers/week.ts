/**
 * Weeks and weekends: "last week", "this week", "next week", "earlier this week", "later this week",
 * "this past week", "the past week", "this weekend", "over the weekend", "last weekend".
 * Groups: part (earlier/later), past, rel, wrel (weekend relation).
 * Watch out for: "week-long", "a roughly three-week period", "for a week" (durations, no week named),
 * "the coming weeks" (vague), "the last week of November" (a part of a month, not a week relative to today),
 * "weekend" inside "week" patterns (the word must end at "week").
 */
import { allMatches } from '../regex.ts';
import type { Candidate, Mention, WeekendSpan, WeekSpan } from '../types.ts';
import { B, E, candidate, pattern } from './patterns.ts';

const WEEK = pattern(
  `${B}(?:(?<part>earlier|later)\\s+(?:this|in\\s+the)|(?<past>this\\s+past|the\\s+past)|(?<rel>last|this|next))\\s+week${E}(?![-‐]|\\s+of${E})`,
);
const WEEKEND = pattern(`${B}(?<wrel>this\\s+past|last|this|next|the)\\s+weekend${E}(?![-‐]|\\s+of${E})`);

/** The span a "… week" phrase names. */
function weekSpan(g: Record<string, string | undefined>): WeekSpan {
  const part = g['part']?.toLowerCase();
  if (part === 'earlier') return 'earlier-this';
  if (part === 'later') return 'later-this';
  if (g['past'] !== undefined) return 'this-past';
  const rel = g['rel']?.toLowerCase();
  return rel === 'last' ? 'last' : rel === 'next' ? 'next' : 'this';
}

/** Every pattern here contains one of these words (same flags, so the same case folding): without one, skip them all. */
const CUE = /week/iu;

/** Find week and weekend expressions. */
export function findWeeks(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  if (!CUE.test(sentence)) return out;
  for (const m of allMatches(WEEK, sentence)) {
    const span = weekSpan(m.groups ?? {});
    const mention: Mention = { kind: 'week', span };
    out.push(candidate(m.index, m.index + m[0].length, `${span}-week`, mention));
  }
  for (const m of allMatches(WEEKEND, sentence)) {
    const w = (m.groups?.['wrel'] ?? 'the').toLowerCase().replace(/\s+/g, ' ');
    const span: WeekendSpan = w === 'this past' ? 'this-past' : (w as WeekendSpan);
    out.push(candidate(m.index, m.index + m[0].length, 'weekend', { kind: 'weekend', span }));
  }
  return out;
}
