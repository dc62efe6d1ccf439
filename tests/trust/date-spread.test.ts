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
