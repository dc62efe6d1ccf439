/** The archive switch, month lists and pagination, on synthetic event lists of every size. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/dates/calendar.ts';
import {
  ARCHIVE_THRESHOLD,
  HOME_MAX_EVENTS,
  archiveMode,
  archiveMonths,
  eventsOfMonth,
  homeSelection,
  monthKey,
  pageHref,
  paginate,
} from '../../src/lib/site/archive.ts';

/** `n` events, `perDay` a day, from `start`, in timeline order. */
function events(n: number, perDay = 1, start = '2024-01-01'): Array<{ id: string; date: string }> {
  return Array.from({ length: n }, (_, i) => ({ id: `e${i}`, date: addDays(start, Math.floor(i / perDay)) }));
}

describe('archive mode', () => {
  it('switches on strictly above the threshold', () => {
    expect(archiveMode(ARCHIVE_THRESHOLD)).toBe(false);
    expect(archiveMode(ARCHIVE_THRESHOLD + 1)).toBe(true);
    expect(HOME_MAX_EVENTS).toBeLessThanOrEqual(ARCHIVE_THRESHOLD);
  });

  it('shows everything, with no month list, at or below the threshold', () => {
    const list = events(ARCHIVE_THRESHOLD);
    const s = homeSelection(list);
    expect(s).toEqual({ archive: false, shown: list, months: [], truncated: false });
  });

  it('shows whole latest months within the budget and lists every month', () => {
    // 1 event a day from 2024-01-01 for 400 days ends on 2025-02-03: February (3) + January (31) fit in 60,
    // December (31 more) does not.
    const list = events(400);
    const s = homeSelection(list, 80, 60);
    expect(s.archive).toBe(true);
    expect(s.truncated).toBe(false);
    expect([...new Set(s.shown.map(monthKey))]).toEqual(['2025-01', '2025-02']);
    expect(s.shown.length).toBeLessThanOrEqual(60);
    expect(s.shown).toEqual(list.slice(-s.shown.length)); // the newest, in timeline order
    expect(s.months.reduce((n, m) => n + m.count, 0)).toBe(400);
    expect(s.months.map((m) => m.key)).toEqual([...new Set(list.map(monthKey))].reverse());
  });

  it('cuts a latest month that alone is over the budget to its newest events', () => {
    const list = [...events(10, 1, '2024-01-01'), ...events(500, 20, '2024-03-01')];
    const s = homeSelection(list, 80, 60);
    expect(s.truncated).toBe(true);
    expect(s.shown).toEqual(list.slice(-60));
  });

  it('never shows more than the budget, at any size and spread (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 200 }), (n, perDay) => {
        const list = events(n, perDay);
        const s = homeSelection(list);
        expect(s.shown.length).toBeLessThanOrEqual(Math.max(ARCHIVE_THRESHOLD, HOME_MAX_EVENTS));
        if (n > 0) expect(s.shown.at(-1)).toBe(list.at(-1)); // the newest is always on the home page
        if (s.archive) expect(s.months.reduce((k, m) => k + m.count, 0)).toBe(n);
      }),
      { numRuns: 60 },
    );
  });
});

describe('months', () => {
  it('files ranges under the month they start in, with labels and two-digit months', () => {
    const list = [
      { date: '2025-11-24', end: '2025-11-30' },
      { date: '2025-09-01' },
      { date: '2025-11-03' },
      { date: '2024-12-30', end: '2025-01-05' },
    ];
    expect(archiveMonths(list)).toEqual([
      { key: '2025-11', year: '2025', month: '11', label: 'November 2025', count: 2 },
      { key: '2025-09', year: '2025', month: '09', label: 'September 2025', count: 1 },
      { key: '2024-12', year: '2024', month: '12', label: 'December 2024', count: 1 },
    ]);
    expect(eventsOfMonth(list, '2025-11')).toEqual([list[0], list[2]]);
  });
});

describe('pagination', () => {
  it('splits into pages of the size that cover the list in order', () => {
    const items = Array.from({ length: 123 }, (_, i) => i);
    const pages = paginate(items, 50);
    expect(pages.map((p) => p.length)).toEqual([50, 50, 23]);
    expect(pages.flat()).toEqual(items);
    expect(paginate([], 50)).toEqual([[]]);
    expect(paginate(items.slice(0, 50), 50)).toHaveLength(1);
    expect(() => paginate(items, 0)).toThrow(RangeError);
  });

  it('links page 1 to the list itself and later pages below it', () => {
    expect(pageHref('/people/x/', 1)).toBe('/people/x/');
    expect(pageHref('/people/x/', 0)).toBe('/people/x/');
    expect(pageHref('/people/x/', 3)).toBe('/people/x/3/');
  });
});
