/**
 * Related events for an event page: those that share people or topics with it, most shared first, then the
 * nearest in time (ranges count from their nearest ends, overlap is zero), then timeline order.
 */
import { differenceInCalendarDays } from 'date-fns';
import { toUtc } from '../dates/calendar.ts';
import type { DatedLike } from './date-label.ts';
import { compareEvents } from './grouping.ts';

/** What ranking needs of an event. */
export interface RelatableEvent extends DatedLike {
  id: string;
  actors: readonly string[];
  topics: readonly string[];
}

/** A related event and what it shares with the event of the page. */
export interface Related<E> {
  event: E;
  people: string[];
  topics: string[];
  /** Calendar days between the two events' ranges (0 when they overlap). */
  days: number;
}

/** Calendar days between two events' date ranges; 0 when they overlap. */
export function daysApart(a: DatedLike, b: DatedLike): number {
  const aEnd = a.end ?? a.date;
  const bEnd = b.end ?? b.date;
  if (aEnd < b.date) return differenceInCalendarDays(toUtc(b.date), toUtc(aEnd));
  if (bEnd < a.date) return differenceInCalendarDays(toUtc(a.date), toUtc(bEnd));
  return 0;
}

/** Up to `limit` events sharing people or topics with `target`: most shared, then nearest, then timeline order. */
export function relatedEvents<E extends RelatableEvent>(
  target: RelatableEvent,
  all: readonly E[],
  limit = 5,
): Related<E>[] {
  const people = new Set(target.actors);
  const topics = new Set(target.topics);
  const found: Related<E>[] = [];
  for (const e of all) {
    if (e.id === target.id) continue;
    const sharedPeople = [...new Set(e.actors)].filter((p) => people.has(p));
    const sharedTopics = [...new Set(e.topics)].filter((t) => topics.has(t));
    if (sharedPeople.length + sharedTopics.length === 0) continue;
    found.push({ event: e, people: sharedPeople, topics: sharedTopics, days: daysApart(target, e) });
  }
  const shared = (r: Related<E>) => r.people.length + r.topics.length;
  found.sort((a, b) => shared(b) - shared(a) || a.days - b.days || compareEvents(a.event, b.event));
  return found.slice(0, Math.max(0, limit));
}
