/**
 * A recollection: a clause that dates a period long past inside a sentence about something else ("… the territories
 * it has seized since it launched its full-scale invasion in 2022"; "… to end Moscow’s invasion, which began in
 * February 2022"). The sentence is news of its own day; only the clause tells of the past event. So the event takes
 * its people, places and topics from the clause (and the subject it hangs on), not from the whole sentence, and
 * the sentence after it is not taken as more about the past event (it goes on with the sentence's news).
 */
import { dayNumber } from '../dates/calendar.ts';
import type { Candidate } from './types.ts';

/** How long before the sentence's reference date a dated period must have ended to be recalled, not reported. */
export const RECALL_DAYS = 365;

/** The candidate's clause is not where its sentence begins, and its period ended over `RECALL_DAYS` before. */
export function recalls(c: Candidate): boolean {
  if (c.clauseStart === 0 || c.planned) return false;
  return dayNumber(c.info.referenceDate) - dayNumber(c.end) > RECALL_DAYS;
}
