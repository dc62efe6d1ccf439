/** Order and group events the way the timeline page shows them: era, then month, then day. */
import { format } from 'date-fns';
import { toUtc } from '../dates/calendar.ts';
import { dateLabel } from './date-label.ts';
import type { DatedLike } from './date-label.ts';

/** What grouping needs of an event. */
export interface GroupableEvent extends DatedLike {
  id: string;
  background?: boolean | undefined;
}

export interface DayGroup<E> {
  /** `YYYY-MM-DD` for day precision, else the event's own range start; label shown once per group. */
  key: string;
  events: E[];
}
export interface MonthGroup<E> {
  key: string;
  label: string;
  days: DayGroup<E>[];
}
export interface Era<E> {
  key: string;
  label: string;
  months: MonthGroup<E>[];
}

/** Timeline order: by start date, wider ranges (less precise) first on the same start, then id. */
export function compareEvents(a: DatedLike & { id: string }, b: DatedLike & { id: string }): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const ae = a.end ?? a.date;
  const be = b.end ?? b.date;
  if (ae !== be) return ae > be ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Background first, then one era per month of the focus period; months and days inside. */
export function groupTimeline<E extends GroupableEvent>(events: readonly E[]): Era<E>[] {
  const sorted = [...events].sort(compareEvents);
  const eras: Era<E>[] = [];
  for (const e of sorted) {
    const monthKey = e.date.slice(0, 7);
    const eraKey = e.background === true ? 'background' : monthKey;
    // A year or a season is not a month: it gets a heading of its own precision, never a fake month.
    const groupKey = e.precision === 'year' || e.precision === 'season' ? `${e.date}-${e.precision}` : monthKey;
    const groupLabel =
      e.precision === 'year' || e.precision === 'season' ? dateLabel(e) : format(toUtc(`${monthKey}-01`), 'MMMM yyyy');
    let era = eras.find((x) => x.key === eraKey);
    if (!era) {
      era = {
        key: eraKey,
        label: eraKey === 'background' ? 'Background' : format(toUtc(`${monthKey}-01`), 'MMMM yyyy'),
        months: [],
      };
      eras.push(era);
    }
    let month = era.months.at(-1);
    if (month?.key !== groupKey) {
      month = { key: groupKey, label: groupLabel, days: [] };
      era.months.push(month);
    }
    const dayKey = e.precision === 'day' ? e.date : `${e.date}-${e.precision}`;
    let day = month.days.at(-1);
    if (day?.key !== dayKey) {
      day = { key: dayKey, events: [] };
      month.days.push(day);
    }
    day.events.push(e);
  }
  return eras;
}
