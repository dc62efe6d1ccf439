import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  bundleFile,
  datedPages,
  MODAL_BUNDLE,
  modalEntry,
  pageUrl,
  RECENT_BUNDLE,
  withoutSortKeys,
} from '../../src/integrations/pagefind.ts';
import { tempDir } from '../support/temp.ts';

describe('serving the last built index in astro dev', () => {
  const bundle = join(tempDir('pf-'), 'pagefind');
  mkdirSync(join(bundle, 'index'), { recursive: true });
  writeFileSync(join(bundle, 'pagefind.js'), '//');
  writeFileSync(join(bundle, 'index', 'en_1.pf_index'), 'x');
  it('maps /pagefind/ requests to files of the bundle', () => {
    expect(bundleFile(bundle, '/pagefind/pagefind.js?ts=1')).toBe(join(bundle, 'pagefind.js'));
    expect(bundleFile(bundle, '/pagefind/index/en_1.pf_index')).toBe(join(bundle, 'index', 'en_1.pf_index'));
    mkdirSync(join(bundle, RECENT_BUNDLE), { recursive: true });
    writeFileSync(join(bundle, RECENT_BUNDLE, 'pagefind.js'), '//');
    expect(bundleFile(bundle, '/pagefind/recent/pagefind.js')).toBe(join(bundle, RECENT_BUNDLE, 'pagefind.js'));
  });
  it('never leaves the bundle, and passes on what it does not have', () => {
    expect(bundleFile(bundle, '/pagefind/../../etc/passwd')).toBeUndefined();
    expect(bundleFile(bundle, '/pagefind/%2e%2e/secret')).toBeUndefined();
    expect(bundleFile(bundle, '/pagefind/missing.js')).toBeUndefined();
    expect(bundleFile(bundle, '/pagefind/index')).toBeUndefined();
  });
});

/** Write `files` (path → HTML) under a new folder; returns it. */
function site(files: Record<string, string>): string {
  const dir = tempDir('pf-site-');
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

/** A built page as Base.astro writes it: indexed pages carry data-pagefind-body and their date on <main>. */
function page(title: string, date?: string, body = `<p>${title} talks</p>`): string {
  const main = date === undefined ? '<main>' : `<main id="main" data-pagefind-body data-search-date="${date}">`;
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body>${main}<h1>${title}</h1>${body}</main></body></html>`;
}

describe("the header search's view of pagefind.js", () => {
  /** The modal entry next to a stand-in for Pagefind's module, which records what the entry passes on. */
  async function load(entry: string, api: string) {
    const bundle = join(tempDir('pf-'), 'pagefind');
    mkdirSync(join(bundle, MODAL_BUNDLE), { recursive: true });
    mkdirSync(join(bundle, dirname(api)), { recursive: true });
    writeFileSync(
      join(bundle, api),
      `export const calls = [];
export function createInstance(o) {
  calls.push(o);
  return { search: async (q) => ['found', q], filters: async () => { calls.push('filters'); return { person: {} }; } };
}
export const init = () => 'init';
`,
    );
    writeFileSync(join(bundle, MODAL_BUNDLE, 'pagefind.js'), entry);
    const real = await import(pathToFileURL(join(bundle, api)).href);
    const modal = await import(pathToFileURL(join(bundle, MODAL_BUNDLE, 'pagefind.js')).href);
    return { real, modal };
  }

  it('is the bundle API, but reports no filters, so the modal never loads filter indexes', async () => {
    const { real, modal } = await load(modalEntry(undefined), 'pagefind.js');
    const instance = modal.createInstance({ noWorker: true });
    expect(await instance.search('geneva')).toEqual(['found', 'geneva']);
    expect(await instance.filters()).toEqual({});
    expect(real.calls).toEqual([{ noWorker: true }]);
    expect(modal.init).toBe(real.init);
    expect(modal.scope).toBeNull();
  });

  it('on a large site, is the recent bundle, and names its window', async () => {
    const window = { from: '2025-10', to: '2025-12', label: 'Oct–Dec 2025', files: ['a.html'] };
    const { real, modal } = await load(modalEntry(window), `${RECENT_BUNDLE}pagefind.js`);
    expect(await modal.createInstance({}).search('kyiv')).toEqual(['found', 'kyiv']);
    expect(real.calls).toEqual([{}]);
    expect(modal.scope).toEqual({ from: '2025-10', to: '2025-12', label: 'Oct–Dec 2025' });
  });
});

describe('finding the indexed pages and their dates in the built site', () => {
  it('reads data-pagefind-body and data-search-date from tags only, never from text', () => {
    const dir = site({
      'events/a/index.html': page('A', '2025-11-02'),
      'sources/b/index.html': page('B', '2025-12-01'),
      'index.html': page('Home'),
      // Indexed but undated; and a page whose text quotes the attributes (escaped, as Astro writes text).
      'about/index.html': '<html><body><main data-pagefind-body><p>x</p></main></body></html>',
      'tags/x/index.html': `<html><body><main><p>data-pagefind-body data-search-date=&quot;2025-01-01&quot;</p></main></body></html>`,
      'pagefind/stale.html': page('Stale', '2025-12-30'),
      'robots.txt': 'data-pagefind-body',
    });
    expect(datedPages(dir)).toEqual([
      { file: 'about/index.html', date: undefined },
      { file: 'events/a/index.html', date: '2025-11-02' },
      { file: 'sources/b/index.html', date: '2025-12-01' },
    ]);
  });

  it('leaves sort keys out of the recent bundle (the header never sorts), and nothing else', () => {
    const html =
      '<main data-pagefind-body><span hidden data-pagefind-sort="date:2025-12-01"></span><p data-pagefind-filter="year:2025">x</p></main>';
    expect(withoutSortKeys(html)).toBe(
      '<main data-pagefind-body><span hidden></span><p data-pagefind-filter="year:2025">x</p></main>',
    );
  });

  it('gives each file the address Pagefind gives it', () => {
    expect(pageUrl('events/a/index.html')).toBe('/events/a/');
    expect(pageUrl('index.html')).toBe('/');
    expect(pageUrl('404.html')).toBe('/404.html');
  });
});

describe('the search bundles (Pagefind run on a small site)', () => {
  const pageCount = (bundle: string) =>
    JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')).languages.en.page_count as number;
  const dir = site({
    'events/sep/index.html': page('September', '2025-09-20'),
    'events/oct/index.html': page('October', '2025-10-03'),
    'events/nov/index.html': page('November', '2025-11-14'),
    'sources/nov/index.html': page('November source', '2025-11-30'),
    'events/dec/index.html': page('December', '2025-12-01'),
    'index.html': page('Home'),
  });

  it('writes a recent bundle of the latest months when the site is over the budget', async () => {
    await buildSearchIndex(dir, { recentPages: 3 });
    const bundle = join(dir, 'pagefind');
    expect(pageCount(bundle)).toBe(5);
    expect(pageCount(join(bundle, RECENT_BUNDLE))).toBe(3);
    const entry = readFileSync(join(bundle, MODAL_BUNDLE, 'pagefind.js'), 'utf8');
    expect(entry).toContain(`'../${RECENT_BUNDLE}pagefind.js'`);
    expect(entry).toContain('"label":"Nov–Dec 2025"');
    // The recent bundle is searched through the archive's UI: it keeps only what the API loads.
    expect(existsSync(join(bundle, RECENT_BUNDLE, 'pagefind.js'))).toBe(true);
    expect(existsSync(join(bundle, RECENT_BUNDLE, 'pagefind-component-ui.js'))).toBe(false);
    expect(existsSync(join(bundle, 'pagefind-component-ui.js'))).toBe(true);
  });

  it('writes one bundle when the site fits, leaving no recent bundle of an earlier build behind', async () => {
    await buildSearchIndex(dir, { recentPages: 5 });
    const bundle = join(dir, 'pagefind');
    expect(pageCount(bundle)).toBe(5);
    expect(existsSync(join(bundle, RECENT_BUNDLE))).toBe(false);
    expect(readFileSync(join(bundle, MODAL_BUNDLE, 'pagefind.js'), 'utf8')).toContain('export const scope = null;');
  });
});
