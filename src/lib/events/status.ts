/** Status of an event from its reports. */
import type { EventStatus } from '../model.ts';
import type { Candidate } from './types.ts';

/** `happened` when any source, at or after the date, reports it as happening; `planned` when all report it as to come. */
export function eventStatus(members: readonly Pick<Candidate, 'planned'>[]): EventStatus {
  return members.some((m) => !m.planned) ? 'happened' : 'planned';
}
