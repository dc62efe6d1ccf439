/**
 * The timeline as data for other tools: events.json (our own format, documented on /about/),
 * iCalendar (all-day events; weeks, months and longer as spans), and TimelineJS3's JSON.
 * Pure functions of the events, so every export is deterministic and tested without a build.
 */
import { escape as escapeHtml } from 'html-escaper';
import ical, { ICalCalendarMethod, ICalEventStatus, ICalEventTransparency, escape as icalText } from 'ical-generator';
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
  sources: Array<
    Omit<Citation, 'expression' | 'mergedFrom'> & { expression?: string | undefined; mergedFrom?: string | undefined }
  >;
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

function dateArray(iso: IsoDate): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y ?? 0, m ?? 1, d ?? 1];
}

/** Midnight UTC of a day: ical-generator writes it back as that same day (`VALUE=DATE`), whatever the TZ. */
function utcDay(iso: IsoDate): Date {
  const [y, m, d] = dateArray(iso);
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * iCalendar (RFC 5545): one all-day VEVENT per event; DTEND is exclusive, so a span ends the day after its last
 * day. DTSTAMP is fixed to the latest event day so that the file is byte-identical from one build to the next.
 * Written with ical-generator, which escapes TEXT values and folds lines at 75 octets; it does not validate each
 * event against a schema (the `ics` package did, at ~0.5 ms an event): the inputs are already checked by the
 * content schema, and tests/site/exports.test.ts parses the output back with an independent parser.
 */
export function toIcs(events: readonly ExportEvent[], site: string, calName: string): string {
  // ISO dates sort as strings.
  const latest =
    events
      .map((e) => e.end ?? e.date)
      .sort()
      .at(-1) ?? '1970-01-01';
  const stamp = utcDay(latest);
  const calendar = ical({
    // The calendar name is written as given: escape it as TEXT here (the event properties are escaped for us).
    name: icalText(calName, false),
    prodId: { company: 'news-timeline', product: 'timeline', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    scale: 'GREGORIAN',
    ttl: 60 * 60,
  });
  for (const e of events) {
    calendar.createEvent({
      id: `${e.id}@timeline`,
      allDay: true,
      start: utcDay(e.date),
      end: utcDay(addDays(e.end ?? e.date, 1)),
      stamp,
      summary: e.status === 'planned' ? `${e.title} (planned)` : e.title,
      description: `${dateLabel(e)}. ${e.summary}`,
      url: eventUrl(site, e.id),
      categories: e.topics.map((name) => ({ name })),
      status: e.status === 'planned' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  // ical-generator leaves the last line without the CRLF that RFC 5545 ends every content line with.
  return `${calendar.toString()}\r\n`;
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
