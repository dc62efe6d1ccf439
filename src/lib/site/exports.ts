/**
 * The timeline as data for other tools: events.json (our own format, documented on /about/),
 * iCalendar (all-day events; weeks, months and longer as spans), and TimelineJS3's JSON.
 * Pure functions of the events, so every export is deterministic and tested without a build.
 */
import { escape as escapeHtml } from 'html-escaper';
import { createEvents } from 'ics';
import type { DateArray, EventAttributes } from 'ics';
import { addDays } from '../dates/calendar.ts';
import type { Citation, DateModifier, EventStatus, IsoDate, Precision } from '../model.ts';
import { dateLabel } from './date-label.ts';

/** An event as the exports see it: the front matter plus the summary as plain text. */
export interface ExportEvent {
  id: string;
  title: string;
  date: IsoDate;
  end?: IsoDate | undefined;
  precision: Precision;
  modifier?: DateModifier | undefined;
  status: EventStatus;
  background?: boolean | undefined;
  actors: string[];
  places: string[];
  topics: string[];
  sources: Array<Omit<Citation, 'expression'> & { expression?: string | undefined }>;
  summary: string;
}

/** Absolute URL of an event page. */
export function eventUrl(site: string, id: string): string {
  return new URL(`events/${id}/`, site.endsWith('/') ? site : `${site}/`).href;
}

/** Version of the events.json format; bump when a field changes meaning. */
export const EVENTS_JSON_VERSION = 1;

/** events.json: every event with all its fields, its date label and its URL. */
export function toEventsJson(events: readonly ExportEvent[], site: string): string {
  return `${JSON.stringify(
    {
      version: EVENTS_JSON_VERSION,
      events: events.map((e) => ({
        ...e,
        end: e.end ?? e.date,
        label: dateLabel(e),
        url: eventUrl(site, e.id),
      })),
    },
    null,
    2,
  )}\n`;
}

function dateArray(iso: IsoDate): DateArray {
  const [y, m, d] = iso.split('-').map(Number);
  return [y ?? 0, m ?? 1, d ?? 1];
}

/**
 * iCalendar: one all-day VEVENT per event; DTEND is exclusive, so a span ends the day after its last day.
 * DTSTAMP is fixed to the latest event day so that the file is byte-identical from one build to the next.
 */
export function toIcs(events: readonly ExportEvent[], site: string, calName: string): string {
  // ISO dates sort as strings.
  const latest =
    events
      .map((e) => e.end ?? e.date)
      .sort()
      .at(-1) ?? '1970-01-01';
  const stamp = Date.UTC(...(dateArray(latest).map((n, i) => (i === 1 ? n - 1 : n)) as [number, number, number]));
  const attributes = events.map(
    (e) =>
      ({
        uid: `${e.id}@timeline`,
        start: dateArray(e.date),
        end: dateArray(addDays(e.end ?? e.date, 1)),
        title: e.status === 'planned' ? `${e.title} (planned)` : e.title,
        description: `${dateLabel(e)}. ${e.summary}`,
        url: eventUrl(site, e.id),
        categories: e.topics.length > 0 ? e.topics : undefined,
        status: e.status === 'planned' ? 'TENTATIVE' : 'CONFIRMED',
        transp: 'TRANSPARENT',
        timestamp: stamp,
      }) as EventAttributes,
  );
  const { error, value } = createEvents(attributes, { calName, productId: 'news-timeline' });
  if (error || value === null) throw error ?? new Error('ics: no output');
  return value;
}

interface TljsDate {
  year: number;
  month?: number;
  day?: number;
  display_date?: string;
}

function tljsDate(iso: IsoDate, precision: Precision, label: string): TljsDate {
  const [year, month, day] = dateArray(iso);
  // TimelineJS reads a missing month/day as "unknown": only give what the precision knows.
  if (precision === 'year') return { year, display_date: label };
  if (precision === 'month' || precision === 'season') return { year, month, display_date: label };
  return { year, month, day, display_date: label };
}

/** TimelineJS3's JSON format (title slide, events, eras), so the same data can be shown in that tool. */
export function toTimelineJs(
  events: readonly ExportEvent[],
  site: string,
  title: string,
  lead: string,
  sourceNames: ReadonlyMap<string, string>,
): string {
  const out = {
    title: { text: { headline: title, text: lead } },
    events: events.map((e) => {
      const label = dateLabel(e);
      const cited = [...new Set(e.sources.map((c) => sourceNames.get(c.source) ?? c.source))];
      return {
        unique_id: e.id,
        start_date: tljsDate(e.date, e.precision, label),
        ...(e.end !== undefined && e.end !== e.date && e.precision === 'day'
          ? { end_date: tljsDate(e.end, 'day', label) }
          : {}),
        display_date: label,
        group: e.background === true ? 'Background' : undefined,
        // TimelineJS renders these as HTML: ingested text is escaped, the links are ours.
        text: {
          headline: escapeHtml(e.title),
          text: `<p>${escapeHtml(e.summary)}</p><p><a href="${escapeHtml(eventUrl(site, e.id))}">Sources: ${escapeHtml(cited.join(', '))}</a></p>`,
        },
      };
    }),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
