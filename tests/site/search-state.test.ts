import { describe, expect, it } from 'vitest';
import {
  formatSearchState,
  pagefindFilters,
  parseSearchState,
  sortFacetValues,
} from '../../src/lib/site/search-state.ts';

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

describe('the order of filter values', () => {
  it('lists months by date, not by name', () => {
    const counts = { 'November 2025': 3, 'April 2025': 1, 'December 2024': 2, 'February 2025': 9 };
    expect(sortFacetValues('month', counts).map(([v]) => v)).toEqual([
      'December 2024',
      'February 2025',
      'April 2025',
      'November 2025',
    ]);
  });
  it('lists years by date, and anything that is not a date after the dates', () => {
    expect(sortFacetValues('year', { '2025': 1, Undated: 5, '2019': 4, '2022': 0 })).toEqual([
      ['2019', 4],
      ['2022', 0],
      ['2025', 1],
      ['Undated', 5],
    ]);
  });
  it('lists other values most matches first, ties by name', () => {
    expect(sortFacetValues('person', { 'Marco Rubio': 2, 'Andriy Yermak': 2, 'Rustem Umerov': 7 })).toEqual([
      ['Rustem Umerov', 7],
      ['Andriy Yermak', 2],
      ['Marco Rubio', 2],
    ]);
  });
});
