/**
 * Pattern fragments and helpers the recognisers share. Every pattern is a flat alternation with
 * bounded repeats (no nested quantifiers), so matching stays linear in the sentence length.
 */
import type { DateModifier } from '../../model.ts';
import type { Candidate, Mention, Relation } from '../types.ts';

/** No letter or digit just before (a word start that also works next to punctuation). */
export const B = '(?<![\\p{L}\\p{N}])';
/** No letter or digit just after. */
export const E = '(?![\\p{L}\\p{N}])';

export const WEEKDAY = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
export const WEEKDAY_ABBR = 'Tues|Thurs|Thur|Mon|Tue|Wed|Thu|Fri|Sat|Sun';
export const MONTH_FULL = 'January|February|March|April|May|June|July|August|September|October|November|December';
export const MONTH_ABBR = 'Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
/**
 * A month name as a whole word, as every month-name pattern reads it (after a non-letter, before no
 * letter). A pre-test: sentences without one skip those patterns (most name no month).
 */
export const MONTH_WORD = new RegExp(`${B}(?:${MONTH_FULL}|${MONTH_ABBR})(?![\\p{L}])`, 'iu');

/** Count words newsrooms spell out, for "two days ago", "a week before". */
const COUNTS: ReadonlyMap<string, number> = new Map([
  ['a', 1],
  ['an', 1],
  ['one', 1],
  ['the', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
]);
/** Pattern for a count: a spelled-out word or one or two digits. */
export const COUNT = `(?:${[...COUNTS.keys()].join('|')}|\\d{1,2})`;

/** The number a count word or numeral stands for. */
export function countValue(word: string): number {
  const n = COUNTS.get(word.toLowerCase());
  return n ?? Number(word);
}

/**
 * Build a global, Unicode, case-insensitive regex; with `indices`, also the `d` flag for group
 * offsets (only where a recogniser reads them: it makes every match dearer).
 */
export function pattern(source: string, options: { indices?: boolean } = {}): RegExp {
  return new RegExp(source, options.indices ? 'giud' : 'giu');
}

/** True when the word starts with a capital letter (month names must: "may", "march" are verbs). */
export function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** Start and end of a named group in a match made with the `d` flag. */
export function groupSpan(m: RegExpExecArray, name: string): [number, number] | undefined {
  return m.indices?.groups?.[name];
}

/** Assemble a candidate, leaving `modifier` out when there is none (exactOptionalPropertyTypes). */
export function candidate(
  start: number,
  end: number,
  rule: string,
  mention: Mention,
  modifier?: DateModifier,
): Candidate {
  return modifier === undefined ? { start, end, rule, mention } : { start, end, rule, mention, modifier };
}

/** A modifier word ("early", "mid", "late", "morning" …) as a DateModifier; undefined otherwise. */
export function modifierOf(word: string | undefined): DateModifier | undefined {
  if (word === undefined) return undefined;
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (w === 'early' || w === 'mid' || w === 'late') return w;
  if (w === 'morning' || w === 'afternoon' || w === 'evening' || w === 'night') return w;
  if (w === 'tonight') return 'night';
  if (/^(?:the )?(?:beginning|start) of$/.test(w)) return 'early';
  if (/^(?:the )?middle of$/.test(w)) return 'mid';
  if (/^(?:the )?end of$/.test(w)) return 'late';
  return undefined;
}

/** "last", "past" and "this past" look back; "next", "coming" and "this coming" look forward; "this" stays. */
export function relationOf(word: string | undefined): Relation | undefined {
  if (word === undefined) return undefined;
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (w === 'last' || w === 'past' || w === 'this past') return 'last';
  if (w === 'next' || w === 'coming' || w === 'this coming') return 'next';
  return 'this';
}
