/**
 * The search page's state lives in the address, so a search can be shared and reloaded:
 * `/search/?q=yermak&person=Rustem+Umerov&month=November+2025`. Pure functions, tested without a browser.
 */

/** Filter names the index carries (data-pagefind-filter on event pages). */
export const FILTER_KEYS = ['person', 'place', 'topic', 'publisher', 'month', 'year'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** What the search page calls each filter. */
export const FILTER_LABELS: Record<FilterKey, string> = {
  person: 'People',
  place: 'Places',
  topic: 'Topics',
  publisher: 'Publishers',
  month: 'Month',
  year: 'Year',
};

export interface SearchState {
  q: string;
  filters: Partial<Record<FilterKey, string[]>>;
}

/** Read the state from a query string (`?q=…&person=…`); unknown keys are ignored. */
export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const values = [...new Set(params.getAll(key).filter((v) => v.length > 0))].sort();
    if (values.length > 0) filters[key] = values;
  }
  return { q: (params.get('q') ?? '').trim(), filters };
}

/** The query string for a state, in a stable order (so equal states give equal URLs). */
export function formatSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.length > 0) params.set('q', state.q);
  for (const key of FILTER_KEYS) for (const v of [...(state.filters[key] ?? [])].sort()) params.append(key, v);
  const text = params.toString();
  return text.length > 0 ? `?${text}` : '';
}

/** Pagefind's filter object: any of the checked values within a key, all keys together. */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const key of FILTER_KEYS) {
    const values = state.filters[key];
    if (values && values.length > 0) out[key] = { any: values };
  }
  return out;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A month value (`November 2025`, as search-facets.ts writes it) as a sortable number; NaN if it is not one. */
function monthOrdinal(value: string): number {
  const [name, year] = value.split(' ');
  const month = MONTHS.indexOf(name ?? '');
  return month < 0 || !/^\d{4}$/.test(year ?? '') ? Number.NaN : Number(year) * 12 + month;
}

/**
 * A filter's values in the order the page lists them: months and years by date, the rest most matches first
 * (ties by name). Values that are not dates keep a name order after the dates.
 */
export function sortFacetValues(key: FilterKey, counts: Record<string, number>): Array<[string, number]> {
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const when = (v: string) => (key === 'month' ? monthOrdinal(v) : /^\d{4}$/.test(v) ? Number(v) : Number.NaN);
  return Object.entries(counts).sort(([a, n], [b, m]) => {
    if (key !== 'month' && key !== 'year') return m - n || byName(a, b);
    const [x, y] = [when(a), when(b)];
    if (Number.isNaN(x) || Number.isNaN(y))
      return Number.isNaN(x) === Number.isNaN(y) ? byName(a, b) : Number.isNaN(x) ? 1 : -1;
    return x - y;
  });
}
