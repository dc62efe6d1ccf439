/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, shared by every stage.
 * Everything goes through UTCDate so the machine's TZ can never shift a day.
 */
import { UTCDate } from '@date-fns/utc';
// Per-function entry points: the package index loads ~300 modules (about a second of every ingest's start-up).
import { addDays as fnsAddDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
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

const MS_PER_DAY = 86_400_000;
/** Days in the months of a common year; February gains one in leap years. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days of a common year before each month. */
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

/** The ASCII digits of `s` in `[from, to)` as a number, or -1 when any is not a digit. */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Year, month and day of a real `YYYY-MM-DD`, or undefined. Years before 0100 are not dates here:
 * `Date` reads years 0–99 as 1900–1999, so toUtc has always rejected them.
 */
function parseIso(iso: string): { year: number; month: number; day: number } | undefined {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(iso, 0, 4);
  const month = digitsAt(iso, 5, 7);
  const day = digitsAt(iso, 8, 10);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** Throw the error toUtc gives for a string parseIso rejects. */
function notADate(iso: string): never {
  toUtc(iso);
  throw new RangeError(`impossible date: ${iso}`);
}

/** Days since 1970-01-01 of a real `YYYY-MM-DD`; throws like toUtc otherwise. */
export function dayNumber(iso: IsoDate): number {
  const p = parseIso(iso) ?? notADate(iso);
  return Date.UTC(p.year, p.month - 1, p.day) / MS_PER_DAY;
}

/** Year, month and day of a day number (any year: no check, unlike parseIso). */
function partsOfDay(n: number): { year: number; month: number; day: number } {
  const d = new Date(n * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `YYYY-MM-DD` of a day number, or undefined for years before 1 (date-fns prints those as era years). */
function isoOfDay(n: number): IsoDate | undefined {
  const { year, month, day } = partsOfDay(n);
  if (!(year >= 1)) return undefined;
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
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
  return parseIso(iso) !== undefined;
}

/** Format a UTC date as `YYYY-MM-DD`. */
export function fromUtc(d: Date): IsoDate {
  return format(new UTCDate(d), 'yyyy-MM-dd');
}

/** Build `YYYY-MM-DD` from parts; throws when the parts name no real day (Feb 30). */
export function makeIsoDate(year: number, month: number, day: number): IsoDate {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (parseIso(iso) === undefined) notADate(iso);
  return iso;
}

/** `iso` moved by `days` calendar days. */
export function addDays(iso: IsoDate, days: number): IsoDate {
  // Whole days on day numbers (the hot path of reading and dating); date-fns keeps its own rules
  // for fractions, NaN and results before year 1.
  if (Number.isInteger(days)) {
    const moved = isoOfDay(dayNumber(iso) + days);
    if (moved !== undefined) return moved;
  }
  return fromUtc(fnsAddDays(toUtc(iso), days));
}

/** Day of the week of a day number, 0 = Sunday (day 0, 1970-01-01, was a Thursday). */
function weekdayOfDay(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** Day of the week of `iso`, 0 = Sunday. */
export function weekdayOf(iso: IsoDate): number {
  return weekdayOfDay(dayNumber(iso));
}

/** Compare two ISO dates as strings sort (they are zero-padded). */
export function compareIso(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let f = zoneFormats.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    zoneFormats.set(timeZone, f);
  }
  return f;
}

/**
 * The calendar date of a `published` value in the source's zone: a plain date stays as it is;
 * a date-time with offset is placed on the zone's calendar (Intl does the zone rules).
 */
export function calendarDateIn(published: string, timeZone: string): IsoDate {
  if (/^\d{4}-\d{2}-\d{2}$/.test(published)) {
    dayNumber(published);
    return published;
  }
  const instant = parseISO(published);
  if (!isValid(instant) || !/[T ]\d{2}:\d{2}/.test(published)) {
    throw new RangeError(`not a date or date-time: ${published}`);
  }
  const parts = zoneFormat(timeZone).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Monday of the ISO week (Monday–Sunday) that holds `iso`. */
export function isoWeekMonday(iso: IsoDate): IsoDate {
  return addDays(iso, -((weekdayOf(iso) + 6) % 7));
}

/** TIMEX3 week value `YYYY-Www` of `iso`, with the ISO week-numbering year (2024-12-30 → 2025-W01). */
export function isoWeekValue(iso: IsoDate): string {
  // The ISO week and its year are those of the week's Thursday.
  const n = dayNumber(iso);
  const thursday = partsOfDay(n + 3 - ((weekdayOfDay(n) + 6) % 7));
  const dayOfYear =
    (DAYS_BEFORE_MONTH[thursday.month - 1] ?? 0) +
    thursday.day +
    (thursday.month > 2 && isLeapYear(thursday.year) ? 1 : 0);
  return `${thursday.year}-W${String(Math.floor((dayOfYear - 1) / 7) + 1).padStart(2, '0')}`;
}

/** Last day of a month as `YYYY-MM-DD` (leap years included). */
export function lastDayOf(year: number, month: number): IsoDate {
  const first = makeIsoDate(year, month, 1);
  return `${first.slice(0, 8)}${daysInMonth(year, month)}`;
}

/** Year, month (1–12) and day of `iso` as numbers. */
export function partsOf(iso: IsoDate): { year: number; month: number; day: number } {
  return parseIso(iso) ?? notADate(iso);
}
