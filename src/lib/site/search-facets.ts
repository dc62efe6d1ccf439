/** Pagefind filter values of an event page: exact strings, so months and years are emitted as names. */
import { format } from 'date-fns';
import { toUtc } from '../dates/calendar.ts';
import type { DatedLike } from './date-label.ts';

/** `year` always; `month` only when the date is known to the month or finer (never a fake month). */
export function dateFacets(e: DatedLike): { year: string; month?: string } {
  const start = toUtc(e.date);
  const year = format(start, 'yyyy');
  if (e.precision === 'year' || e.precision === 'season') return { year };
  return { year, month: format(start, 'MMMM yyyy') };
}
