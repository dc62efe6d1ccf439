import { describe, expect, it } from 'vitest';
import { groupTimeline } from '../../src/lib/site/grouping.ts';
import { countTags } from '../../src/lib/site/tags.ts';

describe('groupTimeline', () => {
  it('puts background first, then one era per month, days in order, wider ranges first', () => {
    const eras = groupTimeline([
      { id: 'c', date: '2025-11-30', precision: 'day' },
      { id: 'a', date: '2022-02-01', end: '2022-02-28', precision: 'month', background: true },
      { id: 'd', date: '2025-12-01', precision: 'day' },
      { id: 'b', date: '2025-11-24', end: '2025-11-30', precision: 'week' },
      { id: 'b2', date: '2025-11-24', precision: 'day' },
    ]);
    expect(eras.map((e) => e.label)).toEqual(['Background', 'November 2025', 'December 2025']);
    const nov = eras[1]!;
    expect(nov.months[0]!.days.map((d) => d.events.map((e) => e.id))).toEqual([['b'], ['b2'], ['c']]);
  });
});

describe('countTags', () => {
  it('counts each slug once per event, most first then by name', () => {
    expect(countTags([['x', 'y', 'x'], ['y'], ['z']])).toEqual([
      ['y', 2],
      ['x', 1],
      ['z', 1],
    ]);
  });
});

describe('groupTimeline headings', () => {
  it('never shows a year or a season under a fake month', () => {
    const eras = groupTimeline([
      { id: 'y', date: '2022-01-01', end: '2022-12-31', precision: 'year', background: true },
      { id: 'm', date: '2022-02-01', end: '2022-02-28', precision: 'month', background: true },
      { id: 's', date: '2025-03-01', end: '2025-05-31', precision: 'season', background: true },
    ]);
    expect(eras[0]!.months.map((m) => m.label)).toEqual(['2022', 'February 2022', 'Spring 2025']);
  });
});
