/**
 * Datelines: the dates a page prints about itself ("Updated Nov. 30, 2025 6:19 pm ET",
 * "date 2025-12-01", "Sun, 11/30/2025 – 10:30", "Updated 9:19 PM EDT, March 18"), parsed to
 * calendar parts, and the year inference for datelines printed without one.
 */
import { allMatches } from '../dates/regex.ts';
import {
  compareIso,
  dayNumber,
  isIsoDate,
  makeIsoDate,
  monthNumber,
  weekdayNumber,
  weekdayOf,
} from '../dates/calendar.ts';
import type { IsoDate } from '../model.ts';

/** A date found in text; `year` is absent when the text prints none ("March 18"). */
export interface DateMatch {
  start: number;
  end: number;
  text: string;
  year?: number;
  month: number;
  day: number;
}

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b`;
const WEEKDAY = String.raw`(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?)\b\.?`;
const ZONE = String.raw`(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T|EES?T|MSK|IST|JST|KST|AEST|AEDT)\b`;
/** A clock time: needs a colon or an am/pm marker so bare numbers never count. */
export const TIME = String.raw`(?:(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*(?:[aApP]\.?[mM]\.?))?|(?:1[0-2]|0?[1-9])\s*[aApP]\.?[mM]\.?)(?:\s+${ZONE})?`;
const PREFIX = String.raw`(?:(?:Last\s+)?(?:[Uu]pdated|[Pp]ublished|[Pp]osted|[Mm]odified|[Dd]ate(?:d)?)\s*:?\s*(?:on\s+)?)`;

/** Date shapes, each with a parser for its groups. Month-first before day-first so "Nov. 30, 2025" wins. */
const SHAPES: ReadonlyArray<{
  re: RegExp;
  parse: (m: RegExpExecArray) => Omit<DateMatch, 'start' | 'end' | 'text'> | undefined;
}> = [
  {
    // November 30, 2025 · Nov. 30 · Sept. 11, 2025
    re: new RegExp(String.raw`(${MONTH})\s+(${DAY})(?:,?\s+(\d{4})\b)?`, 'y'),
    parse: (m) => parts(m[3], monthNumber(stripOrdinal(m[1])), m[2]),
  },
  {
    // 30 November 2025 · 30 Nov
    re: new RegExp(String.raw`(${DAY})\s+(${MONTH})(?:,?\s+(\d{4})\b)?`, 'y'),
    parse: (m) => parts(m[3], monthNumber(stripOrdinal(m[2])), m[1]),
  },
  {
    // 2025-12-01 (ISO)
    re: /(\d{4})-(\d{2})-(\d{2})\b/y,
    parse: (m) => parts(m[1], Number(m[2]), m[3]),
  },
  {
    // 11/30/2025 (U.S. order, as U.S. sites print it)
    re: /(\d{1,2})\/(\d{1,2})\/(\d{4})\b/y,
    parse: (m) => parts(m[3], Number(m[1]), m[2]),
  },
];

function stripOrdinal(s: string | undefined): string {
  return (s ?? '').replace(/\.$/, '');
}

function parts(
  year: string | undefined,
  month: number | undefined,
  day: string | undefined,
): Omit<DateMatch, 'start' | 'end' | 'text'> | undefined {
  if (month === undefined || day === undefined) return undefined;
  const d = Number.parseInt(day, 10);
  if (year === undefined) return d >= 1 && d <= 31 ? { month, day: d } : undefined;
  const y = Number(year);
  if (!isIsoDate(`${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`)) return undefined;
  return { year: y, month, day: d };
}

/** The date starting exactly at `at` in `text`, if any. */
export function dateAt(text: string, at: number): DateMatch | undefined {
  for (const shape of SHAPES) {
    shape.re.lastIndex = at;
    const m = shape.re.exec(text);
    if (!m) continue;
    const p = shape.parse(m);
    if (p) return { start: at, end: at + m[0].length, text: m[0], ...p };
  }
  return undefined;
}

const DATE_START = new RegExp(
  String.raw`\b(?=${MONTH}\s+\d|\d{1,2}\s+${MONTH}|\d{4}-\d{2}-\d{2}\b|\d{1,2}/\d{1,2}/\d{4}\b)`,
  'g',
);

/** Every date printed in `text`, in order, non-overlapping. */
export function findDates(text: string): DateMatch[] {
  const out: DateMatch[] = [];
  let after = 0;
  for (const m of allMatches(DATE_START, text)) {
    if (m.index < after) continue;
    const d = dateAt(text, m.index);
    if (d) {
      out.push(d);
      after = d.end;
    }
  }
  return out;
}

/** A dateline: optional label, optional weekday/time, a date, optional time — e.g. "Updated 9:19 PM EDT, March 18". */
export interface Dateline extends DateMatch {
  /** The whole dateline text including label and times (`date` is the date part). */
  date: DateMatch;
  /** True when a label ("Updated", "date", "Published:") or a clock time vouches that this is a dateline. */
  labelled: boolean;
}

const LEAD = new RegExp(String.raw`(${PREFIX})?(?:(${TIME})\s*,?\s*)?(?:(${WEEKDAY}),?\s+)?`, 'y');
const TRAIL = new RegExp(String.raw`(?:\s*(?:,|at|\||–|—|-|·)?\s*(${TIME}))?`, 'y');

/** The dateline starting at `at` (after optional whitespace), or undefined. */
export function datelineAt(text: string, at: number): Dateline | undefined {
  let pos = at;
  while (pos < text.length && /\s/.test(text[pos] ?? '')) pos++;
  LEAD.lastIndex = pos;
  const lead = LEAD.exec(text);
  const afterLead = pos + (lead?.[0].length ?? 0);
  const date = dateAt(text, afterLead);
  if (!date) return undefined;
  TRAIL.lastIndex = date.end;
  const trail = TRAIL.exec(text);
  const end = date.end + (trail?.[0].length ?? 0);
  const labelled = Boolean(lead?.[1] || lead?.[2] || lead?.[3] || trail?.[1]);
  const { year, month, day } = date;
  return {
    start: pos,
    end,
    text: text.slice(pos, end),
    ...(year === undefined ? {} : { year }),
    month,
    day,
    date,
    labelled,
  };
}

/** The dateline when it is all of `line` (surrounding whitespace aside). */
export function wholeLineDateline(line: string): Dateline | undefined {
  const d = datelineAt(line, 0);
  return d && line.slice(d.end).trim() === '' ? d : undefined;
}

/** Calendar date of a match that prints its year. */
export function isoOf(d: DateMatch): IsoDate | undefined {
  return d.year === undefined ? undefined : makeIsoDate(d.year, d.month, d.day);
}

const WEEKDAY_NAME = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;

/** Weekdays (0 = Sunday) named anywhere in `text`. */
export function weekdaysNamed(text: string): number[] {
  const out = new Set<number>();
  for (const m of allMatches(WEEKDAY_NAME, text)) {
    const n = weekdayNumber(m[1] ?? '');
    if (n !== undefined) out.add(n);
  }
  return [...out];
}

/**
 * The year of a dateline printed without one: the latest such date not after `notAfter`; when the
 * text names weekdays, the latest one (within seven years) that falls on one of them.
 */
export function inferYear(
  month: number,
  day: number,
  notAfter: IsoDate,
  weekdays: readonly number[] = [],
): { date: IsoDate; weekdayChecked: boolean } | undefined {
  const candidates: IsoDate[] = [];
  const top = Number(notAfter.slice(0, 4));
  for (let y = top; y >= top - 7; y--) {
    const iso = `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (isIsoDate(iso) && compareIso(iso, notAfter) <= 0) candidates.push(iso);
  }
  if (candidates.length === 0) return undefined;
  if (weekdays.length > 0) {
    const hit = candidates.find((c) => weekdays.includes(weekdayOf(c)));
    if (hit) return { date: hit, weekdayChecked: true };
  }
  return { date: candidates[0] as IsoDate, weekdayChecked: false };
}

/** Whole days from `a` to `b` (b − a), capped at ±400: only nearness matters to callers. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  if (a === b) return 0;
  const from = dayNumber(a);
  // A `b` that is no calendar date is never reached: as far away as the cap allows.
  if (!isIsoDate(b)) return compareIso(a, b) < 0 ? 400 : -400;
  return Math.max(-400, Math.min(400, dayNumber(b) - from));
}

/**
 * The first dateline in a body that names a full date in a dateline position: a line that is only a
 * dateline, or a labelled dateline opening a line ("date 2025-12-01 American negotiators…").
 */
export function findPublicationDateline(body: string): { date: IsoDate; text: string } | undefined {
  for (const line of body.split('\n')) {
    const d = datelineAt(line, 0);
    if (!d || d.year === undefined) continue;
    if (line.slice(d.end).trim() === '' || d.labelled) {
      const iso = isoOf(d);
      if (iso) return { date: iso, text: d.text };
    }
  }
  return undefined;
}
