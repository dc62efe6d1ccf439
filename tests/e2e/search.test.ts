/**
 * Search on the real data, in Chromium: the header modal (Pagefind's Component UI, loaded when used), the
 * /search/ page with filters and the state in the address, and the measured cost of a first search.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import YAML from 'yaml';
import { serveStatic } from '../../scripts/lib/static-server.ts';
import { buildSearchIndex, datedPages, pageUrl } from '../../src/integrations/pagefind.ts';
import { recentWindow } from '../../src/lib/site/search-window.ts';
import type { SearchWindow } from '../../src/lib/site/search-window.ts';
import { launchBrowser } from './browser.ts';

const BUDGET_BYTES = 150 * 1024;
/** The pause between opening the search and the first keystroke in the timing below. */
const TYPING_STARTS_MS = 500;

let browser: Browser;
let server: Server;
let base: string;
/** Bytes the server sent (gzipped where a real host would gzip), reset per measurement. */
let sent = 0;
const sentFiles: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  // Our own server on the same dist, so the bytes of each response can be counted as sent.
  ({ server, url: base } = await serveStatic(inject('distDir'), 0, {
    onSent: (path, bytes) => {
      sent += bytes;
      sentFiles.push(`${path} ${bytes}`);
    },
  }));
});
afterAll(async () => {
  await browser.close();
  await new Promise((r) => server.close(r));
});

/** Events of the committed timeline, read at test time (titles and ids change with the ingest). */
function events(): Array<{ id: string; title: string; actors: string[] }> {
  const dir = 'content/events';
  return readdirSync(dir).map((n) =>
    YAML.parse(
      readFileSync(join(dir, n), 'utf8')
        .split('\n---\n')[0]!
        .replace(/^---\n/, ''),
    ),
  );
}

async function openModal(page: Page): Promise<void> {
  await page.keyboard.press('/');
  await page.locator('pagefind-modal input').first().waitFor({ state: 'visible' });
}

async function modalQuery(page: Page, q: string): Promise<Array<{ href: string; text: string; context: string }>> {
  if ((await page.locator('pagefind-modal dialog[open]').count()) === 0) await openModal(page);
  const input = page.locator('pagefind-modal input').first();
  await input.fill(q);
  // Settled: the summary names this query, and either says there is nothing or the result links are drawn.
  await page.waitForFunction((query) => {
    const summary = document.querySelector('pagefind-modal pagefind-summary')?.textContent ?? '';
    if (!summary.includes(query)) return false;
    if (/^No results/i.test(summary.trim())) return true;
    // Results render as placeholders first; settled when every link has its address.
    const links = [...document.querySelectorAll('pagefind-modal pagefind-results a')];
    return links.length > 0 && links.every((a) => (a.getAttribute('href') ?? '').length > 0);
  }, q);
  // Results arrive one by one as their data loads: read them until two readings a moment apart agree.
  const read = () =>
    page.locator('pagefind-modal pagefind-results a').evaluateAll((as) =>
      as.map((a) => ({
        href: a.getAttribute('href') ?? '',
        text: a.textContent ?? '',
        context: a.closest('li')?.textContent ?? '',
      })),
    );
  let last = await read();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(150);
    const now = await read();
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
  return last;
}

describe('header search (Component UI, loaded when used)', () => {
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    page = await browser.newPage();
    // A CSP violation (or any script error) shows up here.
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}/`);
  });
  afterAll(async () => {
    await page.close();
    expect(errors).toEqual([]);
  });

  it('loads no search code until it is used, then opens with "/"', async () => {
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(scripts.some((s) => s.includes('/pagefind/'))).toBe(false);
    await openModal(page);
    expect(await page.locator('pagefind-modal dialog[open]').count()).toBe(1);
    // The five-seed site fits the header's budget: one index, searched whole, so no line about a window.
    expect(await page.locator('#search-scope').count()).toBe(0);
  });

  it('"Yermak" ranks the event of his resignation first', async () => {
    const results = await modalQuery(page, 'Yermak');
    const first = results.find((r) => r.href.includes('/events/'));
    expect(first?.text ?? '').toMatch(/resign/i);
    expect(results[0]?.href).toBe(first?.href);
  });

  it.each([
    ['Novorossiysk', /novorossiysk|terminal|oil/i],
    ['land swaps', /./],
    ['Geneva', /geneva/i],
    ['20-point', /./],
  ])('"%s" finds an event or source', async (q, pattern) => {
    const results = await modalQuery(page, q);
    expect(results.length).toBeGreaterThan(0);
    // The words are found in the title or the excerpt of some result.
    expect(results.some((r) => pattern.test(r.context))).toBe(true);
  });

  it('deep-links into a source: its paragraphs are sub-results (#p-N)', async () => {
    const results = await modalQuery(page, 'Novorossiysk');
    expect(results.some((r) => /\/sources\/[a-z0-9-]+\/(\?[^#]*)?#p-\d+$/.test(r.href))).toBe(true);
  });

  it('finds the Cyrillic signature of an embedded post ("Зеленський")', async () => {
    const results = await modalQuery(page, 'Зеленський');
    expect(results.some((r) => r.href.includes('/sources/'))).toBe(true);
  });

  it('forgives a misspelling ("Witkof")', async () => {
    const results = await modalQuery(page, 'Witkof');
    expect(results.some((r) => /Witkoff/.test(r.text))).toBe(true);
  });

  it('Enter opens the selected result, with the words highlighted on the page', async () => {
    await modalQuery(page, 'Geneva');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/pagefind-highlight=geneva/i);
    await page.locator('mark.pagefind-highlight').first().waitFor();
    expect((await page.locator('mark.pagefind-highlight').first().textContent())?.toLowerCase()).toBe('geneva');
  });
});

describe('header search on a site over its budget (the same pages, indexed with a budget of 20)', () => {
  let dir: string;
  let split: Server;
  let url: string;
  let window: SearchWindow;
  const fetched: string[] = [];
  beforeAll(async () => {
    // The built site, re-indexed as a site too large for the header would be: archive plus recent bundle.
    dir = mkdtempSync(join(tmpdir(), 'e2e-split-'));
    cpSync(inject('distDir'), dir, { recursive: true });
    await buildSearchIndex(dir, { recentPages: 20 });
    const w = recentWindow(datedPages(dir), 20);
    if (w === undefined) throw new Error('the five-seed site should be over a budget of 20 pages');
    window = w;
    ({ server: split, url } = await serveStatic(dir, 0, { onSent: (path) => fetched.push(path) }));
  });
  afterAll(async () => {
    await new Promise((r) => split.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('searches the latest months only, says so, and links the query to the whole archive', async () => {
    const context = await browser.newContext(); // axe needs a page of a context it can open pages in
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${url}/`);
    await page.waitForLoadState('networkidle');
    fetched.length = 0;
    const results = await modalQuery(page, 'talks');
    expect(results.length).toBeGreaterThan(0);
    const scope = page.locator('pagefind-modal #search-scope');
    expect(await scope.isVisible()).toBe(true);
    expect((await scope.textContent())?.trim()).toBe(`Searching ${window.label} · Search the whole archive →`);
    // Read with the search field by screen readers, and no axe violation in the open modal.
    expect(await page.locator('pagefind-modal input').first().getAttribute('aria-describedby')).toMatch(
      /\bsearch-scope\b/,
    );
    const axe = await new AxeBuilder({ page }).include('pagefind-modal').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    // Every result is a page of the window, and only the recent bundle's index was loaded.
    const inWindow = new Set(window.files.map(pageUrl));
    expect(results.every((r) => inWindow.has(new URL(r.href, url).pathname))).toBe(true);
    expect(fetched.some((f) => f.startsWith('/pagefind/recent/index/'))).toBe(true);
    expect(fetched.filter((f) => /^\/pagefind\/(index\/|[^/]*\.pf_meta)/.test(f))).toEqual([]);
    // The link carries the query to /search/, which searches everything: there Geneva is found outside the window.
    await modalQuery(page, 'Geneva');
    await page.locator('#search-scope a').click();
    await page.waitForURL(/\/search\/\?q=Geneva$/);
    await page.locator('#search-results li').first().waitFor();
    const found = await page
      .locator('#search-results li h2 a')
      .evaluateAll((as) => as.map((a) => new URL(a.getAttribute('href') ?? '', location.href).pathname));
    expect(found.some((p) => !inWindow.has(p))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('/search/ page', () => {
  /** Filter files (one per filter key, each listing every event) the shared server has sent since the last reset. */
  const filterFiles = () =>
    new Set(sentFiles.map((f) => f.split(' ')[0]!).filter((f) => f.startsWith('/pagefind/filter/')));
  /** Wait until the page has fetched all it will, and the server has counted the last bodies. */
  async function settle(page: Page): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(200);
  }

  it('loads a shared address (/search/?q=Yermak) with the results shown', async () => {
    const page = await browser.newPage();
    sentFiles.length = 0;
    await page.goto(`${base}/search/?q=Yermak`);
    await page.locator('#search-results li').first().waitFor();
    expect(await page.locator('#search-q').inputValue()).toBe('Yermak');
    expect(await page.locator('#search-results li h2').first().textContent()).toMatch(/resign/i);
    expect(await page.locator('#search-results mark').count()).toBeGreaterThan(0);
    await settle(page);
    expect([...filterFiles()]).toEqual([]);
    await page.close();
  });

  it('fetches no filter file for a search, then only the file of each filter opened', async () => {
    const context = await browser.newContext(); // axe needs a page of a context it can open pages in
    const page = await context.newPage();
    await page.goto(`${base}/search/`);
    await settle(page);
    sentFiles.length = 0;
    await page.locator('#search-q').fill('talks');
    await page.locator('#search-results li').first().waitFor();
    await settle(page);
    expect(sentFiles.some((f) => f.startsWith('/pagefind/index/'))).toBe(true);
    expect([...filterFiles()]).toEqual([]);
    // Every filter is a closed disclosure until asked for.
    const summaries = page.locator('#search-filters details summary');
    expect(await summaries.count()).toBe(6);
    expect(await page.locator('#search-filters details[open]').count()).toBe(0);
    // Opened from the keyboard: People fetches one file and lists people with counts for this query.
    await page.locator('#search-filters details[data-facet="person"] summary').focus();
    await page.keyboard.press('Enter');
    const people = page.locator('#search-filters details[data-facet="person"] input[name="person"]');
    await people.first().waitFor();
    await settle(page);
    expect(filterFiles().size).toBe(1);
    expect(await page.locator('#search-filters details[data-facet="person"] .count').first().textContent()).toMatch(
      /^\(\d+\)$/,
    );
    // Year: one file more; closing and opening People again fetches nothing.
    await page.locator('#search-filters details[data-facet="year"] summary').click();
    await page.locator('#search-filters input[name="year"]').first().waitFor();
    await page.locator('#search-filters details[data-facet="person"] summary').click();
    await page.locator('#search-filters details[data-facet="person"] summary').click();
    await people.first().waitFor();
    await settle(page);
    expect(filterFiles().size).toBe(2);
    // Checking a value keeps keyboard focus on it while the counts are redrawn (the box is a new element then).
    await people.first().evaluate((box) => box.setAttribute('data-before', ''));
    await people.first().focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => location.search.includes('person='));
    await page.waitForFunction(() => document.querySelector('#search-filters [data-before]') === null);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('person');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.checked)).toBe(true);
    const axe = await new AxeBuilder({ page }).include('main').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await context.close();
  });

  it('browses by filter alone: every event with Rustem Umerov', async () => {
    const expected = events().filter((e) => e.actors.includes('rustem-umerov')).length;
    expect(expected).toBeGreaterThan(0);
    const page = await browser.newPage();
    sentFiles.length = 0;
    await page.goto(`${base}/search/?person=Rustem+Umerov`);
    await page.locator('#search-results li').first().waitFor();
    await page
      .locator('#search-status')
      .filter({ hasText: /results?\./ })
      .waitFor();
    const hrefs = await page
      .locator('#search-results li h2 a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => h.includes('/events/'))).toHaveLength(expected);
    // The address opens the filter it uses, checked, having fetched that filter's file alone.
    await page.locator('input[name="person"][value="Rustem Umerov"]').waitFor();
    expect(await page.locator('input[name="person"][value="Rustem Umerov"]').isChecked()).toBe(true);
    expect(
      await page
        .locator('#search-filters details[open]')
        .evaluateAll((ds) => ds.map((d) => d.getAttribute('data-facet'))),
    ).toEqual(['person']);
    await settle(page);
    expect(filterFiles().size).toBe(1);
    await page.close();
  });

  it('lists a filter value the index does not hold, checked, so an old link can be cleared', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/search/?q=talks&person=Nobody+Known`);
    await page
      .locator('#search-status')
      .filter({ hasText: /Nothing matches/ })
      .waitFor();
    const box = page.locator('input[name="person"][value="Nobody Known"]');
    await box.waitFor();
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await page
      .locator('#search-status')
      .filter({ hasText: /results? for/ })
      .waitFor();
    expect(new URL(page.url()).searchParams.get('person')).toBeNull();
    await page.close();
  });

  it('keeps the query and filters in the address as they change', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/search/`);
    await page.locator('#search-q').fill('talks');
    await page.locator('#search-filters details[data-facet="topic"] summary').click();
    await page.locator('input[name="topic"]').first().check();
    await page.waitForFunction(() => location.search.includes('topic='));
    expect(new URL(page.url()).searchParams.get('q')).toBe('talks');
    await page.close();
  });

  it('says so helpfully when nothing matches', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/search/?q=qqqzzzxxx`);
    await page
      .locator('#search-status')
      .filter({ hasText: /Nothing matches/ })
      .waitFor();
    expect(await page.locator('#search-status').textContent()).toMatch(/spelling|fewer words|filter/);
    await page.close();
  });
});

describe('the cost of a first search (measured)', () => {
  // The time from query to results is printed, not asserted: on a shared machine it measures the machine (one CI
  // run failed at 301 ms against 300 ms); `npm run bench` records the bytes at every size.
  it(`fetches at most ${BUDGET_BYTES / 1024} KB (largest of 3 fresh loads), and prints the time to results`, async () => {
    const times: number[] = [];
    const sizes: number[] = [];
    for (const q of ['Umerov', 'Geneva', 'Kazakhstan']) {
      const page = await browser.newPage();
      await page.goto(`${base}/`);
      await page.waitForLoadState('networkidle');
      sent = 0;
      sentFiles.length = 0;
      await openModal(page);
      // Opening the modal starts loading the index; a reader takes at least this long to start typing.
      await page.waitForTimeout(TYPING_STARTS_MS);
      const started = Date.now();
      await page.locator('pagefind-modal input').first().fill(q);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('pagefind-modal pagefind-results a')].some((a) => a.getAttribute('href')),
      );
      times.push(Date.now() - started);
      await page.waitForLoadState('networkidle');
      sizes.push(sent);
      // The modal shows no filters, so it never fetches their indexes (each lists every event).
      expect(sentFiles.filter((f) => f.startsWith('/pagefind/filter/'))).toEqual([]);
      await page.close();
    }
    // Noise on a shared machine only ever adds time, so the best of three is the measure of what the site costs.
    const best = Math.min(...times);
    const bytes = Math.max(...sizes);
    console.log(
      `first search: ${(bytes / 1024).toFixed(1)} KB (largest of 3), ${best} ms best from query to results (${times.join(', ')} ms)`,
    );
    console.log(sentFiles.join('\n'));
    expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
