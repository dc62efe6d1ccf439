/**
 * The search page's state lives in the address, so a search can be shared and reloaded:
 * `/search/?q=yermak&person=Rustem+Umerov&month=November+2025`. Pure functions, tested without a browser.
 */

/** Filter names the index carries (data-pagefind-filter on event pages). */
export const FILTER_KEYS = ['person', 'place', 'topic', 'publisher', 'month', 'year'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

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
