import { describe, expect, it } from 'vitest';
import { daySpanLabel, monthSpanLabel, recentWindow } from '../../src/lib/site/search-window.ts';
import type { DatedPage } from '../../src/lib/site/search-window.ts';

/** `n` pages dated in `month` (`YYYY-MM`), named after it. */
function pages(month: string, n: number): DatedPage[] {
  return Array.from({ length: n }, (_, i) => ({
    file: `${month}/${i}.html`,
    date: `${month}-${String((i % 28) + 1).padStart(2, '0')}`,
  }));
}

describe("the header search's window", () => {
  it('is none when every page fits the budget: one index serves both searches', () => {
    const site = [...pages('2025-10', 3), ...pages('2025-11', 4)];
    expect(recentWindow(site, 7)).toBeUndefined();
    expect(recentWindow(site, 100)).toBeUndefined();
  });

  it('takes whole months back from the latest while they fit', () => {
    const site = [...pages('2025-09', 5), ...pages('2025-10', 3), ...pages('2025-12', 4), ...pages('2025-11', 2)];
    const w = recentWindow(site, 9);
    expect(w).toMatchObject({ from: '2025-10', to: '2025-12', label: 'Oct–Dec 2025' });
    expect(w?.files).toHaveLength(9);
    expect(new Set(w?.files.map((f) => f.slice(0, 7)))).toEqual(new Set(['2025-10', '2025-11', '2025-12']));
    // One page short of adding October: it stops at November, never a part of a month.
    expect(recentWindow(site, 8)).toMatchObject({ from: '2025-11', label: 'Nov–Dec 2025' });
    expect(recentWindow(site, 8)?.files).toHaveLength(6);
  });

  it('counts whole days back from the latest instead when the latest month alone is over the budget', () => {
    const day = (date: string, n: number) => Array.from({ length: n }, (_, i) => ({ file: `${date}/${i}`, date }));
    const site = [...pages('2025-11', 2), ...day('2025-12-01', 3), ...day('2025-12-09', 2), ...day('2025-12-20', 2)];
    const w = recentWindow(site, 5);
    expect(w).toMatchObject({ from: '2025-12-09', to: '2025-12-20', label: 'Dec 9–20, 2025' });
    expect(w?.files).toEqual(['2025-12-09/0', '2025-12-09/1', '2025-12-20/0', '2025-12-20/1']);
    // The latest day is kept even alone over the budget.
    expect(recentWindow(site, 1)).toMatchObject({ from: '2025-12-20', label: 'Dec 20, 2025' });
    expect(recentWindow(site, 1)?.files).toHaveLength(2);
  });

  it('spans empty months and years, and leaves undated pages to the archive', () => {
    const undated = { file: 'about.html', date: undefined };
    const site = [...pages('2024-06', 6), ...pages('2024-11', 2), undated, ...pages('2026-01', 1)];
    const w = recentWindow(site, 4);
    expect(w).toMatchObject({ from: '2024-11', to: '2026-01', label: 'Nov 2024–Jan 2026' });
    expect(w?.files).not.toContain('about.html');
    expect(w?.files).toHaveLength(3);
  });

  it('counts undated pages towards the size, but never makes a window of nothing', () => {
    const undated = Array.from({ length: 5 }, (_, i) => ({ file: `x${i}.html` }));
    expect(recentWindow([...undated, ...pages('2025-12', 1)], 4)?.files).toEqual(['2025-12/0.html']);
    expect(recentWindow(undated, 4)).toBeUndefined();
  });
});

describe('window labels', () => {
  it('name the year once when both ends share it', () => {
    expect(monthSpanLabel('2025-12', '2025-12')).toBe('Dec 2025');
    expect(monthSpanLabel('2025-01', '2025-03')).toBe('Jan–Mar 2025');
    expect(monthSpanLabel('2025-11', '2026-02')).toBe('Nov 2025–Feb 2026');
    expect(daySpanLabel('2025-12-05', '2025-12-05')).toBe('Dec 5, 2025');
    expect(daySpanLabel('2025-12-05', '2025-12-31')).toBe('Dec 5–31, 2025');
    expect(daySpanLabel('2025-11-28', '2025-12-03')).toBe('Nov 28–Dec 3, 2025');
    expect(daySpanLabel('2025-12-28', '2026-01-03')).toBe('Dec 28, 2025–Jan 3, 2026');
  });
});
