import { describe, expect, it } from 'vitest';
import { dateSpreadWarnings, SPREAD_YEARS } from '../../src/lib/ingest/date-spread.ts';

describe('dateSpreadWarnings', () => {
  it('flags only the source decades away from most others', () => {
    const w = dateSpreadWarnings(['2025-11-30', '1975-11-30', '2025-12-01']);
    expect(w[0]).toBeUndefined();
    expect(w[2]).toBeUndefined();
    expect(w[1]).toBe(
      `published 1975-11-30 is more than ${SPREAD_YEARS} years away from most other sources (closest: 2025-11-30): is the date a typo?`,
    );
  });
  it('flags both of two sources far apart, and none of a lone source', () => {
    expect(dateSpreadWarnings(['2090-01-01', '2025-11-30']).every((x) => x !== undefined)).toBe(true);
    expect(dateSpreadWarnings(['1901-01-01'])).toEqual([undefined]);
  });
  it('keeps a corpus spanning exactly the limit, and flags one month more', () => {
    expect(dateSpreadWarnings(['2005-11-30', '2025-11-01'])).toEqual([undefined, undefined]);
    expect(dateSpreadWarnings(['2005-10-31', '2025-11-01'])[0]).toMatch(/2005-10-31/);
  });
  it('does not depend on the order of the sources', () => {
    const dates = ['2025-11-30', '1950-05-01', '2024-01-01', '2025-12-22', '1990-01-01'];
    const forward = new Map(dates.map((d, i) => [d, dateSpreadWarnings(dates)[i]]));
    const reversed = [...dates].reverse();
    const backward = new Map(reversed.map((d, i) => [d, dateSpreadWarnings(reversed)[i]]));
    expect(backward).toEqual(forward);
    // 1950 and 1990 each lie more than 20 years from three of their four others; the 2020s sources do not.
    expect([...forward].filter(([, w]) => w !== undefined).map(([d]) => d)).toEqual(['1950-05-01', '1990-01-01']);
  });
});

describe('dateSpreadWarnings at scale', () => {
  /** The plain definition, pair by pair, to compare the bisection against. */
  function reference(dates: readonly string[]): Array<string | undefined> {
    const month = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
    return dates.map((date, i) => {
      const others = dates.filter((_, j) => j !== i);
      if (others.length === 0) return undefined;
      const gap = (o: string) => Math.abs(month(date) - month(o));
      if (others.filter((o) => gap(o) <= SPREAD_YEARS * 12).length * 2 >= others.length) return undefined;
      const closest = [...others].sort((a, b) => gap(a) - gap(b) || (a < b ? -1 : a > b ? 1 : 0))[0];
      return `published ${date} is more than ${SPREAD_YEARS} years away from most other sources (closest: ${closest}): is the date a typo?`;
    });
  }
  it('gives the same warnings as the pair-by-pair definition', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let round = 0; round < 30; round++) {
      const n = 1 + (next() % 12);
      const dates = Array.from({ length: n }, () => {
        const year = 1940 + (next() % 90);
        const month = 1 + (next() % 12);
        const day = 1 + (next() % 28);
        return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      });
      expect(dateSpreadWarnings(dates)).toEqual(reference(dates));
    }
  });
});
