/**
 * Seasons: "this spring", "last summer", "in the fall", "during the winter", "spring 2024",
 * "the summer of 2022", "early spring".
 * Groups: rel (this/last/next/past/coming), cue (in/during/…), mod, season, year.
 * Watch out for: "fall" as a verb or noun ("prices fall", "the fall of Bakhmut"), "Arab Spring",
 * "spring offensive", "summit" (the word must end), bare "winter" without a cue or year (vague).
 */
import { allMatches } from '../regex.ts';
import type { Candidate, Mention, Season } from '../types.ts';
import { B, E, candidate, modifierOf, pattern, relationOf } from './patterns.ts';

const SEASON = pattern(
  `${B}(?:(?<rel>this\\s+past|this\\s+coming|this|last|next|past|coming)\\s+|(?<cue>in|during|over|since|by|until|through|throughout|before|after)\\s+(?:the\\s+)?)?` +
    `(?:(?<mod>early|mid|late)[-\\s]+)?(?<season>spring|summer|autumn|fall|winter)${E}` +
    `(?:,?\\s+(?:of\\s+)?(?<year>\\d{4})(?![\\p{N}\\p{L}]))?`,
  { indices: true },
);

const SEASONS: Readonly<Record<string, Season>> = {
  spring: 'SP',
  summer: 'SU',
  autumn: 'FA',
  fall: 'FA',
  winter: 'WI',
};

/** Every pattern here contains one of these words (same flags, so the same case folding): without one, skip them all. */
const CUE = /spring|summer|autumn|fall|winter/iu;

/** Find season expressions. */
export function findSeasons(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  if (!CUE.test(sentence)) return out;
  for (const m of allMatches(SEASON, sentence)) {
    const g = m.groups ?? {};
    const name = (g['season'] ?? '').toLowerCase();
    const season = SEASONS[name];
    const year = g['year'] === undefined ? undefined : Number(g['year']);
    const relation = relationOf(g['rel']);
    const cue = g['cue'];
    if (season === undefined) continue;
    // A bare season names nothing; it needs a relation, a cue or a year.
    if (relation === undefined && cue === undefined && year === undefined) continue;
    // "the fall of Bakhmut", "in the fall of Kyiv": a noun, not a season (a year after "of" is fine).
    if (name === 'fall' && year === undefined && /^\s+of\s/u.test(sentence.slice(m.index + m[0].length))) continue;
    // The cue word is not part of the text; "the" after it is not either.
    const seasonStart = m.indices?.groups?.['mod']?.[0] ?? m.indices?.groups?.['season']?.[0] ?? m.index;
    const start = cue === undefined ? m.index : seasonStart;
    const mention: Mention = { kind: 'season', season };
    if (year !== undefined) mention.year = year;
    else if (relation !== undefined) mention.relation = relation;
    out.push(candidate(start, m.index + m[0].length, 'season', mention, modifierOf(g['mod'])));
  }
  return out;
}
