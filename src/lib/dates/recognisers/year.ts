/**
 * Years: "in 2022", "since 2022", "its 2022 invasion", "this year", "last year", "earlier this year",
 * "three years ago".
 * Groups: year; part/rel for "… year"; n for "N years ago".
 * Watch out for: money ("$2022", "2022 million"), percentages ("2020 per cent"), counts ("about 2000
 * troops", "2000 drones"), numbers in a larger number ("12,2025", "3.2025"), times ("2030 GMT"),
 * decades ("the 1990s"), "over three years into the war" and "for decades" (durations: no year named),
 * "the last year of his term" (a part of something, not a year relative to today).
 */
import { allMatches } from '../regex.ts';
import type { Candidate, Mention } from '../types.ts';
import { B, COUNT, E, candidate, countValue, pattern } from './patterns.ts';

const YEAR = pattern(
  `${B}(?<![$€£¥#]|\\p{N}[.,:/]|No\\.\\s?)(?<year>(?:19|20)\\d{2})(?![\\p{L}\\p{N}]|[.,]\\p{N}|\\s*(?:%|per\\s*cent${E}|percent${E}))`,
);
const YEAR_OFFSET = pattern(
  `${B}(?<!the\\s)(?:(?<part>earlier|later)\\s+this|(?<rel>last|this|next))\\s+year${E}(?!\\s+of${E})`,
);
const YEARS_AGO = pattern(`${B}(?<n>${COUNT})\\s+years?\\s+ago${E}`);

/** A unit or count noun after the number makes it a quantity, not a year. */
const UNIT_AFTER =
  /^\s+(?:million|billion|trillion|thousand|hundred|dollars|euros|pounds|rubles|roubles|hryvnias?|km|kilometers|kilometres|miles|meters|metres|feet|tons|tonnes|people|troops|soldiers|civilians|drones|missiles|shells|rounds|hours|minutes|seconds|days|weeks|months|years|times|gmt|utc|hrs|points)(?![\p{L}\p{N}])/iu;
/** A quantity word before the number: "about 2000", "more than 2000". */
const QUANTITY_BEFORE =
  /(?:about|some|nearly|almost|over|than|around|roughly|approximately|least|just|up\s+to|only)\s+$/iu;
/** A plural noun after the number: a count unless a year cue comes first ("in 2022 elections"). */
const PLURAL_AFTER = /^\s+\p{Ll}+s(?![\p{L}\p{N}'’])/u;
const YEAR_CUE_BEFORE = /(?:in|since|by|until|from|of|its|their|his|her|the|during|before|after)\s+$/iu;

/** True when the 4-digit number at [start, end) reads as a quantity rather than a year. */
function isQuantity(sentence: string, start: number, end: number): boolean {
  const before = sentence.slice(Math.max(0, start - 20), start);
  const after = sentence.slice(end, end + 30);
  if (UNIT_AFTER.test(after)) return true;
  if (QUANTITY_BEFORE.test(before)) return true;
  return PLURAL_AFTER.test(after) && !YEAR_CUE_BEFORE.test(before);
}

/** Every pattern here contains one of these words (same flags, so the same case folding): without one, skip them all. */
const CUE = /(?:19|20)\d\d|year/iu;

/** Find year expressions. */
export function findYears(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  if (!CUE.test(sentence)) return out;
  for (const m of allMatches(YEAR, sentence)) {
    const end = m.index + m[0].length;
    if (isQuantity(sentence, m.index, end)) continue;
    out.push(candidate(m.index, end, 'year', { kind: 'year', year: Number(m.groups?.['year']) }));
  }
  for (const m of allMatches(YEAR_OFFSET, sentence)) {
    const g = m.groups ?? {};
    const part = g['part']?.toLowerCase();
    const rel = g['rel']?.toLowerCase();
    const mention: Mention =
      part === 'earlier' || part === 'later'
        ? { kind: 'year-offset', offset: 0, part }
        : { kind: 'year-offset', offset: rel === 'last' ? -1 : rel === 'next' ? 1 : 0 };
    out.push(candidate(m.index, m.index + m[0].length, 'year-offset', mention));
  }
  for (const m of allMatches(YEARS_AGO, sentence)) {
    const mention: Mention = { kind: 'year-offset', offset: -countValue(m.groups?.['n'] ?? '1') };
    out.push(candidate(m.index, m.index + m[0].length, 'years-ago', mention));
  }
  return out;
}
