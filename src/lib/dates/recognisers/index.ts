/** The recogniser pipeline, in priority order (an earlier one wins a tie between equal spans). */
import type { Recogniser } from '../types.ts';
import { findAnchored } from './anchored.ts';
import { findExplicitDates } from './explicit.ts';
import { findMonths } from './month.ts';
import { findRelativeDays } from './relative-day.ts';
import { findSeasons } from './season.ts';
import { findWeekdays } from './weekday.ts';
import { findWeeks } from './week.ts';
import { findYears } from './year.ts';

export const RECOGNISERS: readonly Recogniser[] = [
  { name: 'explicit', find: findExplicitDates },
  { name: 'month', find: findMonths },
  { name: 'relative-day', find: findRelativeDays },
  { name: 'anchored', find: findAnchored },
  { name: 'week', find: findWeeks },
  { name: 'weekday', find: findWeekdays },
  { name: 'season', find: findSeasons },
  { name: 'year', find: findYears },
];
