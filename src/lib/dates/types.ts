/**
 * What the recognisers hand to the resolver: a span of the sentence and what it says,
 * before any reference date or tense is applied. Internal to src/lib/dates.
 */
import type { DateModifier } from '../model.ts';

/** A "last/this/next" in front of a weekday, month or season. */
export type Relation = 'last' | 'this' | 'next';

/** The week expressions; see docs/dates.md for what each means on each weekday. */
export type WeekSpan = 'last' | 'this' | 'next' | 'earlier-this' | 'later-this' | 'this-past';

/** "last weekend", "this weekend", "next weekend", "this past weekend", "over the weekend". */
export type WeekendSpan = 'last' | 'this' | 'next' | 'this-past' | 'the';

/** Northern meteorological seasons, as TIMEX3 names them. */
export type Season = 'SP' | 'SU' | 'FA' | 'WI';

/** The meaning of a recognised span, still relative. */
export type Mention =
  | { kind: 'weekday'; weekday: number; relation?: Relation; possessive: boolean }
  | { kind: 'date'; month: number; day: number; year?: number; weekday?: number }
  | { kind: 'month'; month: number; year?: number; relation?: Relation }
  | { kind: 'month-offset'; offset: number; part?: 'earlier' | 'later' }
  | { kind: 'week'; span: WeekSpan }
  | { kind: 'weekend'; span: WeekendSpan }
  | { kind: 'season'; season: Season; year?: number; relation?: Relation }
  | { kind: 'year'; year: number }
  | { kind: 'year-offset'; offset: number; part?: 'earlier' | 'later' }
  | { kind: 'day-offset'; days: number }
  | { kind: 'week-offset'; weeks: number }
  /**
   * Relative to something else: "a day before <mention>", "the next day", "that day".
   * `mentionStart/End` bound the named event in the sentence (equal when nothing is named).
   */
  /** An impossible date ("Feb. 30, 2025"): it wins the overlap so no part of it is read, then is dropped. */
  | { kind: 'void' }
  | { kind: 'relative'; days: number; unit: 'day' | 'week'; mention: string; mentionStart: number; mentionEnd: number };

/** One recognised span of a sentence. */
export interface Candidate {
  start: number;
  end: number;
  /** The rule name reported in `TimeExpression.rule`. */
  rule: string;
  mention: Mention;
  modifier?: DateModifier;
}

/** A recogniser: one family of expressions, one pattern file. */
export interface Recogniser {
  name: string;
  find(sentence: string): Candidate[];
}
