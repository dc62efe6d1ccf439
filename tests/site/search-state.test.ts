import { describe, expect, it } from 'vitest';
import { formatSearchState, pagefindFilters, parseSearchState } from '../../src/lib/site/search-state.ts';

describe('search state in the address', () => {
  it('round-trips a query with filters, in a stable order', () => {
    const state = parseSearchState(
      '?person=Rustem+Umerov&q=+land+swaps+&month=November+2025&person=Marco%20Rubio&junk=1',
    );
    expect(state).toEqual({
      q: 'land swaps',
      filters: { person: ['Marco Rubio', 'Rustem Umerov'], month: ['November 2025'] },
    });
    expect(formatSearchState(state)).toBe('?q=land+swaps&person=Marco+Rubio&person=Rustem+Umerov&month=November+2025');
    expect(parseSearchState(formatSearchState(state))).toEqual(state);
  });
  it('gives an empty string for an empty state and keeps Cyrillic intact', () => {
    expect(formatSearchState({ q: '', filters: {} })).toBe('');
    expect(parseSearchState(formatSearchState({ q: 'Зеленський', filters: {} })).q).toBe('Зеленський');
  });
  it('maps checked values to Pagefind "any" filters', () => {
    expect(pagefindFilters({ q: '', filters: { topic: ['territory', 'elections'] } })).toEqual({
      topic: { any: ['territory', 'elections'] },
    });
  });
});
