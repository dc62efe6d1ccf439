/**
 * The timeline's overview, computed at build time and drawn as inline SVG: one column per day of the focus
 * period (height = events that day), range events (weeks, months) as bars under the axis, and a block for the
 * background era. Every mark links to its entry on the page.
 */
import { UTCDate } from '@date-fns/utc';
import { differenceInCalendarDays, format } from 'date-fns';
import { toUtc } from '../dates/calendar.ts';
import type { IsoDate } from '../model.ts';
import { dateLabel } from './date-label.ts';
import type { GroupableEvent } from './grouping.ts';

export interface OverviewOptions {
  width: number;
  /** Height of the day columns' area. */
  height: number;
}

export interface OverviewMark {
  x: number;
  y: number;
  width: number;
  height: number;
  /** `#<event id>` of the first event the mark stands for. */
  href: string;
  label: string;
  kind: 'day' | 'range' | 'background';
}

export interface Overview {
  width: number;
  height: number;
  marks: OverviewMark[];
  /** Month boundaries along the axis. */
  ticks: { x: number; label: string }[];
  axisY: number;
  start: IsoDate;
  end: IsoDate;
}

const BG_WIDTH = 56;
const GAP = 8;
const LANE = 7;

/** Lay out the overview of `events` (already marked background or not). */
export function layoutOverview(events: readonly GroupableEvent[], options: OverviewOptions): Overview | undefined {
  const focus = events.filter((e) => e.background !== true);
  if (focus.length === 0) return undefined;
  // ISO dates sort as strings.
  const start = focus.map((e) => e.date).sort()[0] ?? '';
  const end =
    focus
      .map((e) => e.end ?? e.date)
      .sort()
      .at(-1) ?? start;
  const days = differenceInCalendarDays(toUtc(end), toUtc(start)) + 1;
  const background = events.filter((e) => e.background === true);
  const left = background.length > 0 ? BG_WIDTH + GAP : 0;
  const dayWidth = (options.width - left) / days;
  const xOf = (d: IsoDate) => left + differenceInCalendarDays(toUtc(d), toUtc(start)) * dayWidth;
  const marks: OverviewMark[] = [];
  const axisY = options.height;

  if (background.length > 0) {
    marks.push({
      x: 0,
      y: axisY - options.height * 0.6,
      width: BG_WIDTH,
      height: options.height * 0.6,
      href: '#era-background',
      label: `Background: ${background.length} earlier ${background.length === 1 ? 'event' : 'events'}`,
      kind: 'background',
    });
  }
  const perDay = new Map<IsoDate, GroupableEvent[]>();
  for (const e of focus) if (e.precision === 'day') perDay.set(e.date, [...(perDay.get(e.date) ?? []), e]);
  const max = Math.max(1, ...[...perDay.values()].map((l) => l.length));
  for (const [day, list] of [...perDay].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const h = Math.max(6, (list.length / max) * (options.height - 4));
    const first = list[0];
    if (!first) continue;
    marks.push({
      x: xOf(day) + dayWidth * 0.15,
      y: axisY - h,
      width: Math.max(2, dayWidth * 0.7),
      height: h,
      href: `#${first.id}`,
      label: `${dateLabel(first)}: ${list.length} ${list.length === 1 ? 'event' : 'events'}`,
      kind: 'day',
    });
  }
  // Range events stack in lanes under the axis so overlapping ranges stay visible.
  const lanes: number[] = [];
  for (const e of focus.filter((x) => x.precision !== 'day')) {
    const x0 = xOf(e.date);
    const x1 = xOf(e.end ?? e.date) + dayWidth;
    let lane = lanes.findIndex((endX) => endX <= x0);
    if (lane === -1) lane = lanes.length;
    lanes[lane] = x1 + 1;
    marks.push({
      x: x0,
      y: axisY + 6 + lane * (LANE + 3),
      width: Math.max(3, x1 - x0),
      height: LANE,
      href: `#${e.id}`,
      label: dateLabel(e),
      kind: 'range',
    });
  }
  const ticks: Overview['ticks'] = [];
  for (let d = toUtc(start); d <= toUtc(end); d = new UTCDate(d.getFullYear(), d.getMonth() + 1, 1)) {
    const iso = format(d, 'yyyy-MM-dd');
    ticks.push({ x: xOf(iso), label: format(d, d.getDate() === 1 ? 'MMM yyyy' : 'MMM d, yyyy') });
  }
  return { width: options.width, height: axisY + 6 + lanes.length * (LANE + 3) + 18, marks, ticks, axisY, start, end };
}
