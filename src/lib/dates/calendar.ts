/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, shared by every stage.
 * Everything goes through UTCDate so the machine's TZ can never shift a day.
 */
import { UTCDate } from '@date-fns/utc';
import {
  addDays as fnsAddDays,
  format,
  getDay,
  getISOWeek,
  getISOWeekYear,
  isValid,
  lastDayOfMonth,
  parseISO,
  startOfISOWeek,
} from 'date-fns';
import type { IsoDate } from '../model.ts';

/** Month names and the abbreviations newsrooms print ("Sept.", "Nov."), lower-case, to 1–12. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1],
  ['jan', 1],
  ['february', 2],
  ['feb', 2],
  ['march', 3],
  ['mar', 3],
  ['april', 4],
  ['apr', 4],
  ['may', 5],
  ['june', 6],
  ['jun', 6],
  ['july', 7],
  ['jul', 7],
  ['august', 8],
  ['aug', 8],
  ['september', 9],
  ['sept', 9],
  ['sep', 9],
  ['october', 10],
  ['oct', 10],
  ['november', 11],
  ['nov', 11],
  ['december', 12],
  ['dec', 12],
]);

/** Weekday names and abbreviations, lower-case, to 0 (Sunday) – 6 (Saturday), as date-fns counts. */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['sunday', 0],
  ['sun', 0],
  ['monday', 1],
  ['mon', 1],
  ['tuesday', 2],
  ['tue', 2],
  ['tues', 2],
  ['wednesday', 3],
  ['wed', 3],
  ['thursday', 4],
  ['thu', 4],
  ['thur', 4],
  ['thurs', 4],
  ['friday', 5],
  ['fri', 5],
  ['saturday', 6],
  ['sat', 6],
]);

/** Month number (1–12) for a name or abbreviation ("Sept.", "november"); undefined otherwise. */
export function monthNumber(name: string): number | undefined {
  return MONTHS.get(name.toLowerCase().replace(/\.$/, ''));
}

/** Weekday number (0 = Sunday) for a name or abbreviation; undefined otherwise. */
export function weekdayNumber(name: string): number | undefined {
  return WEEKDAYS.get(name.toLowerCase().replace(/\.$/, ''));
}

/** Parse `YYYY-MM-DD` to a UTC date; throws on an impossible date such as 2025-02-30. */
export function toUtc(iso: IsoDate): UTCDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not a calendar date: ${iso}`);
  const d = new UTCDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (!isValid(d) || format(d, 'yyyy-MM-dd') !== iso) throw new RangeError(`impossible date: ${iso}`);
  return d;
}

/** True when `iso` is a real calendar date in `YYYY-MM-DD` form. */
export function isIsoDate(iso: string): boolean {
  try {
    toUtc(iso);
    return true;
  } catch {
    return false;
  }
}

/** Format a UTC date as `YYYY-MM-DD`. */
export function fromUtc(d: Date): IsoDate {
  return format(new UTCDate(d), 'yyyy-MM-dd');
}

/** Build `YYYY-MM-DD` from parts; throws when the parts name no real day (Feb 30). */
export function makeIsoDate(year: number, month: number, day: number): IsoDate {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  toUtc(iso);
  return iso;
}

/** `iso` moved by `days` calendar days. */
export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromUtc(fnsAddDays(toUtc(iso), days));
}

/** Day of the week of `iso`, 0 = Sunday. */
export function weekdayOf(iso: IsoDate): number {
  return getDay(toUtc(iso));
}

/** Compare two ISO dates as strings sort (they are zero-padded). */
export function compareIso(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The calendar date of a `published` value in the source's zone: a plain date stays as it is;
 * a date-time with offset is placed on the zone's calendar (Intl does the zone rules).
 */
export function calendarDateIn(published: string, timeZone: string): IsoDate {
  if (/^\d{4}-\d{2}-\d{2}$/.test(published)) {
    toUtc(published);
    return published;
  }
  const instant = parseISO(published);
  if (!isValid(instant) || !/[T ]\d{2}:\d{2}/.test(published)) {
    throw new RangeError(`not a date or date-time: ${published}`);
  }
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Monday of the ISO week (Monday–Sunday) that holds `iso`. */
export function isoWeekMonday(iso: IsoDate): IsoDate {
  return fromUtc(startOfISOWeek(toUtc(iso)));
}

/** TIMEX3 week value `YYYY-Www` of `iso`, with the ISO week-numbering year (2024-12-30 → 2025-W01). */
export function isoWeekValue(iso: IsoDate): string {
  const d = toUtc(iso);
  return `${getISOWeekYear(d)}-W${String(getISOWeek(d)).padStart(2, '0')}`;
}

/** Last day of a month as `YYYY-MM-DD` (leap years included). */
export function lastDayOf(year: number, month: number): IsoDate {
  return fromUtc(lastDayOfMonth(toUtc(makeIsoDate(year, month, 1))));
}

/** Year, month (1–12) and day of `iso` as numbers. */
export function partsOf(iso: IsoDate): { year: number; month: number; day: number } {
  const d = toUtc(iso);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
