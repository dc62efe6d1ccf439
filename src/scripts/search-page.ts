/**
 * The /search/ page: Pagefind's JS API driving a plain form, filter checkboxes with counts, and a result
 * list. The query and filters are kept in the address (history.replaceState) so a search can be shared.
 */
import { FILTER_KEYS, formatSearchState, pagefindFilters, parseSearchState } from '../lib/site/search-state.ts';
import type { FilterKey, SearchState } from '../lib/site/search-state.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  debouncedSearch(
    q: string | null,
    o: { filters?: Record<string, unknown>; sort?: Record<string, string> },
    ms?: number,
  ): Promise<{
    results: Array<{ data(): Promise<PagefindResultData> }>;
    filters: Record<string, Record<string, number>>;
  } | null>;
}

const LABELS: Record<FilterKey, string> = {
  person: 'People',
  place: 'Places',
  topic: 'Topics',
  publisher: 'Publishers',
  month: 'Month',
  year: 'Year',
};

const form = document.querySelector<HTMLFormElement>('#search-form');
const input = document.querySelector<HTMLInputElement>('#search-q');
const facets = document.querySelector<HTMLElement>('#search-filters');
const status = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');

/** Keep only text and <mark> from an excerpt: the index holds article text, never trusted markup. */
function safeExcerpt(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html; // inert: template content never runs scripts or loads resources
  const out = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) out.append(node.textContent ?? '');
    else if (node instanceof HTMLElement && node.tagName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      out.append(mark);
    } else out.append(node.textContent ?? '');
  }
  return out;
}

function readForm(): SearchState {
  const state: SearchState = { q: input?.value.trim() ?? '', filters: {} };
  for (const key of FILTER_KEYS) {
    const checked = [...document.querySelectorAll<HTMLInputElement>(`input[name="${key}"]:checked`)].map(
      (i) => i.value,
    );
    if (checked.length > 0) state.filters[key] = checked;
  }
  return state;
}

function renderFilters(counts: Record<string, Record<string, number>>, state: SearchState): void {
  if (!facets) return;
  facets.replaceChildren();
  for (const key of FILTER_KEYS) {
    const values = counts[key];
    if (!values || Object.keys(values).length === 0) continue;
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = LABELS[key];
    fieldset.append(legend);
    const entries = Object.entries(values).sort(([a, n], [b, m]) =>
      key === 'month' || key === 'year' ? (a < b ? -1 : 1) : m - n || (a < b ? -1 : 1),
    );
    for (const [value, count] of entries) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = key;
      box.value = value;
      box.checked = state.filters[key]?.includes(value) ?? false;
      label.append(box, ` ${value} `);
      const n = document.createElement('span');
      n.className = 'count';
      n.textContent = `(${count})`;
      label.append(n);
      fieldset.append(label);
    }
    facets.append(fieldset);
  }
}

async function run(
  pagefind: PagefindApi,
  state: SearchState,
  allCounts: Record<string, Record<string, number>>,
): Promise<void> {
  history.replaceState(null, '', `${location.pathname}${formatSearchState(state)}`);
  const filters = pagefindFilters(state);
  const hasFilters = Object.keys(filters).length > 0;
  if (state.q.length === 0 && !hasFilters) {
    list?.replaceChildren();
    renderFilters(allCounts, state);
    if (status) status.textContent = 'Type a word or choose a filter.';
    return;
  }
  const search = await pagefind.debouncedSearch(
    state.q.length > 0 ? state.q : null,
    { filters, sort: state.q.length > 0 ? {} : { date: 'asc' } },
    150,
  );
  if (search === null) return; // superseded by a newer keystroke
  renderFilters(hasFilters || state.q.length > 0 ? search.filters : allCounts, state);
  const data = await Promise.all(search.results.slice(0, 30).map((r) => r.data()));
  const items = data.map((d) => {
    const li = document.createElement('li');
    const date = document.createElement('p');
    date.className = 'date';
    date.textContent = d.meta['date'] ?? '';
    const h = document.createElement('h2');
    const a = document.createElement('a');
    const target = new URL(d.url, location.href);
    if (state.q.length > 0) target.searchParams.set('pagefind-highlight', state.q);
    a.href = target.pathname + target.search + target.hash;
    a.textContent = d.meta['title'] ?? d.url;
    h.append(a);
    const p = document.createElement('p');
    p.append(safeExcerpt(d.excerpt));
    li.append(date, h, p);
    return li;
  });
  list?.replaceChildren(...items);
  if (status) {
    status.textContent =
      search.results.length === 0
        ? `Nothing matches${state.q ? ` “${state.q}”` : ''}. Check the spelling, try fewer words, or clear a filter.`
        : `${search.results.length} ${search.results.length === 1 ? 'result' : 'results'}${state.q ? ` for “${state.q}”` : ''}.`;
  }
}

async function main(): Promise<void> {
  if (!form || !input) return;
  const base = document.documentElement.dataset['base'] ?? '/';
  const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi;
  await pagefind.options({ excerptLength: 24 });
  const allCounts = await pagefind.filters();
  const initial = parseSearchState(location.search);
  input.value = initial.q;
  renderFilters(allCounts, initial);
  const update = () => void run(pagefind, readForm(), allCounts);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    update();
  });
  input.addEventListener('input', update);
  facets?.addEventListener('change', update);
  await run(pagefind, initial, allCounts);
}

void main();
