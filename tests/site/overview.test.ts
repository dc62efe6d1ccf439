import { describe, expect, it } from 'vitest';
import { layoutOverview } from '../../src/lib/site/overview.ts';

describe('layoutOverview', () => {
  const o = layoutOverview(
    [
      { id: 'bg', date: '2022-02-01', end: '2022-02-28', precision: 'month', background: true },
      { id: 'a', date: '2025-11-23', precision: 'day' },
      { id: 'b', date: '2025-11-30', precision: 'day' },
      { id: 'c', date: '2025-11-30', precision: 'day' },
      { id: 'w', date: '2025-11-24', end: '2025-11-30', precision: 'week' },
      { id: 'm', date: '2025-10-01', end: '2025-10-31', precision: 'month' },
    ],
    { width: 700, height: 60 },
  );
  it('spans the focus period only, with a block for the background', () => {
    expect(o?.start).toBe('2025-10-01');
    expect(o?.end).toBe('2025-11-30');
    expect(o?.marks.filter((m) => m.kind === 'background')).toHaveLength(1);
  });
  it('draws one column per day, as tall as its number of events, linking to the first entry', () => {
    const days = o?.marks.filter((m) => m.kind === 'day') ?? [];
    expect(days.map((m) => m.href)).toEqual(['#a', '#b']);
    expect(days[1]!.height).toBeGreaterThan(days[0]!.height);
    expect(days[1]!.label).toBe('Sun, Nov 30, 2025: 2 events');
    expect(days[0]!.x).toBeLessThan(days[1]!.x);
  });
  it('puts overlapping ranges in separate lanes, inside the drawing', () => {
    const ranges = o?.marks.filter((m) => m.kind === 'range') ?? [];
    expect(ranges).toHaveLength(2);
    for (const m of o?.marks ?? []) {
      expect(m.x + m.width).toBeLessThanOrEqual(700.01);
      expect(m.y + m.height).toBeLessThanOrEqual(o!.height);
    }
    expect(o?.ticks.map((t) => t.label)).toEqual(['Oct 2025', 'Nov 2025']);
  });
  it('is empty without focus events', () => {
    expect(
      layoutOverview([{ id: 'x', date: '2020-01-01', precision: 'year', background: true }], { width: 10, height: 10 }),
    ).toBeUndefined();
  });
});
