/**
 * The /search/ page: Pagefind's JS API driving a plain form, one disclosure per filter with checkboxes and counts,
 * and a result list. The query and filters are kept in the address (history.replaceState) so a search can be shared.
 *
 * Filter data is fetched one filter at a time, when the reader opens it or the address filters by it. Pagefind
 * keeps one file per filter key, each listing every event (about 380 KB for all six at 10,000 articles); its
 * `filters()` fetches them all, and a search fetches only the files of the keys its `filters` option names. From
 * then on every search returns counts for each key loaded, so only the opened filters are ever counted.
 */
import {
  FILTER_KEYS,
  formatSearchState,
  pagefindFilters,
  parseSearchState,
  sortFacetValues,
} from '../lib/site/search-state.ts';
import type { FilterKey, SearchState } from '../lib/site/search-state.ts';

type Counts = Record<string, Record<string, number>>;
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(q: string | null, o: { filters?: Record<string, unknown> }): Promise<void>;
  debouncedSearch(
    q: string | null,
    o: { filters?: Record<string, unknown>; sort?: Record<string, string> },
    ms?: number,
  ): Promise<{
    results: Array<{ data(): Promise<PagefindResultData> }>;
    filters: Counts;
  } | null>;
}

const form = document.querySelector<HTMLFormElement>('#search-form');
const input = document.querySelector<HTMLInputElement>('#search-q');
const facets = document.querySelector<HTMLElement>('#search-filters');
const status = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');

/** Each filter's disclosure (search.astro) and the element its values are drawn into. */
const panels = new Map<FilterKey, { details: HTMLDetailsElement; values: HTMLElement }>();
for (const details of facets?.querySelectorAll<HTMLDetailsElement>('details[data-facet]') ?? []) {
  const key = FILTER_KEYS.find((k) => k === details.dataset['facet']);
  const values = details.querySelector<HTMLElement>('.facet-values');
  if (key && values) panels.set(key, { details, values });
}

/** Filters whose file has been asked for (Pagefind caches the file; this avoids asking twice). */
const requested = new Set<FilterKey>();
/** Counts of the latest search, for every loaded filter. */
let counts: Counts = {};
/** Counts over every page, per set of loaded filters: they change only when another filter loads. */
let totals: { loaded: string; counts: Counts } | undefined;
/** Bumped by each run, so a run that is no longer the latest draws nothing. */
let latest = 0;
/** The address whose results are on the page: opening a filter recounts without redrawing them. */
let shown: string | undefined;

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
    const checked = [...(facets?.querySelectorAll<HTMLInputElement>(`input[name="${key}"]:checked`) ?? [])].map(
      (i) => i.value,
    );
    if (checked.length > 0) state.filters[key] = checked;
  }
  return state;
}

function note(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'facet-note';
  p.textContent = text;
  return p;
}

/** Draw one filter's values from the latest counts, keeping keyboard focus on the checkbox it was on. */
function renderFacet(key: FilterKey, state: SearchState): void {
  const panel = panels.get(key);
  if (!panel) return;
  const values = counts[key];
  if (values === undefined) {
    // Pagefind skips a filter file it could not fetch; asking again on the next opening retries it.
    requested.delete(key);
    panel.values.replaceChildren(note('This filter could not be loaded. Close it and open it again to retry.'));
    return;
  }
  const active = document.activeElement;
  const focused = active instanceof HTMLInputElement && active.name === key ? active.value : undefined;
  // A value the address asks for that the index does not hold (an old or mistyped link) is still listed, checked,
  // so that the reader can see why nothing matches and clear it.
  const asked = Object.fromEntries((state.filters[key] ?? []).filter((v) => !(v in values)).map((v) => [v, 0]));
  const labels = sortFacetValues(key, { ...values, ...asked }).map(([value, count]) => {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = key;
    box.value = value;
    box.checked = state.filters[key]?.includes(value) ?? false;
    const n = document.createElement('span');
    n.className = 'count';
    n.textContent = `(${count})`;
    label.append(box, ` ${value} `, n);
    return label;
  });
  panel.values.replaceChildren(...(labels.length > 0 ? labels : [note('No values.')]));
  if (focused !== undefined)
    [...panel.values.querySelectorAll<HTMLInputElement>('input')].find((i) => i.value === focused)?.focus();
}

/** Redraw the open filters; closed ones keep their checkboxes (and so their checked values) until opened. */
function renderFacets(state: SearchState): void {
  for (const [key, { details }] of panels) if (details.open && requested.has(key)) renderFacet(key, state);
}

async function run(pagefind: PagefindApi, state: SearchState): Promise<void> {
  const mine = ++latest;
  const address = formatSearchState(state);
  history.replaceState(null, '', `${location.pathname}${address}`);
  const filters = pagefindFilters(state);
  const browsing = state.q.length === 0 && Object.keys(filters).length === 0;
  // Count the open filters and those the search uses; fetch the files not asked for yet.
  const wanted = FILTER_KEYS.filter((k) => panels.get(k)?.details.open === true || k in filters);
  const fresh = wanted.filter((k) => !requested.has(k));
  for (const key of fresh) {
    requested.add(key);
    const panel = panels.get(key);
    if (panel?.details.open) panel.values.replaceChildren(note('Loading…'));
  }
  if (browsing) {
    shown = address;
    list?.replaceChildren();
    if (status) status.textContent = 'Type a word or choose a filter.';
    if (wanted.length === 0) return;
  }
  // A preload naming one key fetches that key's file alone (the empty list of values matters not: preload
  // only fetches). The search below waits only for the keys it filters by, so wait for these here.
  await Promise.all(fresh.map((key) => pagefind.preload(null, { filters: { [key]: { any: [] } } })));
  if (mine !== latest) return;
  const loaded = [...requested].sort().join(' ');
  if (browsing && totals?.loaded === loaded) {
    counts = totals.counts;
    renderFacets(state);
    return;
  }
  const search = await pagefind.debouncedSearch(
    state.q.length > 0 ? state.q : null,
    // Browsing (no words, no filters) searches only for the counts over every page: no sort needed.
    { filters, sort: state.q.length > 0 || browsing ? {} : { date: 'asc' } },
    150,
  );
  if (search === null || mine !== latest) return; // superseded by a newer keystroke
  counts = search.filters;
  if (browsing && [...requested].every((k) => k in counts)) totals = { loaded, counts };
  renderFacets(state);
  if (browsing || address === shown) return;
  const data = await Promise.all(search.results.slice(0, 30).map((r) => r.data()));
  if (mine !== latest) return;
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
  shown = address;
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
  // Start fetching the wasm and the index metadata now: every search needs them, and the reader is about to type.
  void pagefind.init();
  const initial = parseSearchState(location.search);
  input.value = initial.q;
  // A shared address that filters by a key opens that filter, its values checked.
  for (const key of FILTER_KEYS) if (initial.filters[key]) panels.get(key)?.details.setAttribute('open', '');
  if (facets) facets.hidden = false;
  const update = () => void run(pagefind, readForm());
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    update();
  });
  input.addEventListener('input', update);
  facets?.addEventListener('change', update);
  for (const [key, { details }] of panels) {
    details.addEventListener('toggle', () => {
      if (!details.open) return;
      // Loaded and counted already: draw it. Otherwise a run fetches its file and counts it.
      if (requested.has(key) && counts[key] !== undefined) renderFacet(key, readForm());
      else if (!requested.has(key)) update();
    });
  }
  await run(pagefind, initial);
}

void main();
