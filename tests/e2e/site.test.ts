/**
 * A reader's checks on the built site: every page of the sitemap passes axe-core with zero violations and logs
 * no console error; every internal link and #anchor (pages and exports alike) resolves; the timeline shows every
 * event without JavaScript; the timeline page stays within its 40 KB budget.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import YAML from 'yaml';
import { launchBrowser } from './browser.ts';

const base = inject('baseUrl').replace(/\/$/, '');
const dist = inject('distDir');
const site = (YAML.parse(readFileSync('content/timeline.yaml', 'utf8')) as { site: string }).site.replace(/\/$/, '');

/** The deployed address mapped onto the test server. */
function served(url: string): string {
  return url.startsWith(site) ? `${base}${url.slice(site.length)}` : url;
}

function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
}

/** Every page path listed by the sitemap index and its sitemaps. */
function sitemapPaths(): string[] {
  const sitemaps = locs(readFileSync(join(dist, 'sitemap-index.xml'), 'utf8'));
  const pages = sitemaps.flatMap((s) => locs(readFileSync(join(dist, new URL(s).pathname), 'utf8')));
  return pages.map((p) => new URL(p).pathname);
}

const pages = sitemapPaths();

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser.close();
});

/** Status and element ids of each fetched internal URL (without its #fragment), fetched once. */
const targets = new Map<string, Promise<{ status: number; ids: Set<string> }>>();
function target(url: string): Promise<{ status: number; ids: Set<string> }> {
  let t = targets.get(url);
  if (!t) {
    t = fetch(url).then(async (r) => {
      const body = await r.text();
      const html = (r.headers.get('content-type') ?? '').includes('html');
      const ids = new Set(html ? [...body.matchAll(/\sid="([^"]+)"/g)].map((m) => decodeHtml(m[1] ?? '')) : []);
      return { status: r.status, ids };
    });
    targets.set(url, t);
  }
  return t;
}

function decodeHtml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The internal links (absolute URLs on the test server) that do not resolve: page missing or #anchor absent. */
async function brokenLinks(urls: readonly string[]): Promise<string[]> {
  const broken: string[] = [];
  for (const href of new Set(urls)) {
    const u = new URL(href);
    if (u.origin !== new URL(base).origin) continue;
    const fragment = decodeURIComponent(u.hash.slice(1));
    u.hash = '';
    const t = await target(u.href);
    if (t.status !== 200) broken.push(`${href} → HTTP ${t.status}`);
    else if (fragment !== '' && !t.ids.has(fragment)) broken.push(`${href} → no element with id "${fragment}"`);
  }
  return broken;
}

async function visit(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  // networkidle: axe must see the page as the reader does, after any content filled in from the network.
  const response = await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  expect(response?.status(), path).toBe(200);
  return { page, errors };
}

describe('every page of the sitemap', () => {
  it('lists the pages of each kind', () => {
    for (const prefix of ['/', '/about/', '/events/', '/sources/', '/people/', '/places/', '/topics/'])
      expect(
        pages.some((p) => p.startsWith(prefix)),
        prefix,
      ).toBe(true);
    expect(pages.filter((p) => p.startsWith('/events/')).length).toBe(eventFiles().length);
  });

  // Pages are independent: check a few at a time (vitest's maxConcurrency).
  it.concurrent.for(pages)('%s: no axe violation, no console error, no broken link', async (path, { expect }) => {
    const { page, errors } = await visit(path);
    const axe = await new AxeBuilder({ page }).analyze();
    const violations = axe.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`)
          .join('\n')}`,
    );
    expect(violations, `axe on ${path}`).toEqual([]);
    // getAttribute, not .href: SVG links have no string href.
    const hrefs = await page
      .locator('a[href], link[href]')
      .evaluateAll((els) => els.map((el) => new URL(el.getAttribute('href') ?? '', document.baseURI).href));
    expect(await brokenLinks(hrefs), `links on ${path}`).toEqual([]);
    expect(errors, `errors on ${path}`).toEqual([]);
    await page.close();
  });

  it('answers an unknown address with a helpful 404 page that passes axe too', async () => {
    const page = await context.newPage();
    const response = await page.goto(`${base}/events/no-such-event/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toMatch(/not found/i);
    expect(await page.locator('main a[href="/"]').count()).toBeGreaterThan(0);
    // Links away from this address (the skip link stays on it, and the address itself is a 404).
    const away = await page
      .locator('a[href]:not([href^="#"])')
      .evaluateAll((els) => els.map((el) => (el as HTMLAnchorElement).href));
    expect(away.length).toBeGreaterThan(0);
    expect(await brokenLinks(away)).toEqual([]);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await page.close();
  });
});

describe('dark scheme on a phone', () => {
  /** Template of a path: its first segment, and whether it goes deeper (`/people/` vs `/people/<slug>/`). */
  const template = (p: string) => `${p.split('/')[1]}${p.split('/').length > 3 ? '/*' : ''}`;
  // One page of each template (the last one seen): the same template serves all the others.
  const samples = [...new Map(pages.map((p) => [template(p), p])).values()];

  it.concurrent.for(samples)(
    '%s: contrast holds in dark at 360 px, and nothing overflows sideways',
    async (path, { expect }) => {
      const dark = await browser.newContext({ colorScheme: 'dark', viewport: { width: 360, height: 800 } });
      const page = await dark.newPage();
      await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
      const axe = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
      expect(axe.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`))).toEqual(
        [],
      );
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
      await dark.close();
    },
  );
});

describe('links inside the feeds and exports', () => {
  async function text(path: string): Promise<string> {
    const r = await fetch(`${base}${path}`);
    expect(r.status, path).toBe(200);
    return r.text();
  }

  it('events.json: every url is an event page', async () => {
    const json = JSON.parse(await text('/events.json')) as { events: { id: string; url: string }[] };
    expect(json.events.length).toBe(eventFiles().length);
    for (const e of json.events) expect(e.url).toBe(`${site}/events/${e.id}/`);
    expect(await brokenLinks(json.events.map((e) => served(e.url)))).toEqual([]);
  });

  it('rss.xml: one item per event, newest first, each dated on its own day', async () => {
    const xml = await text('/rss.xml');
    const items = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => ({
      link: /<link>([^<]+)<\/link>/.exec(m[1] ?? '')?.[1] ?? '',
      day: new Date(/<pubDate>([^<]+)<\/pubDate>/.exec(m[1] ?? '')?.[1] ?? '').toISOString().slice(0, 10),
    }));
    const files = eventFiles();
    expect(items.length).toBe(files.length);
    const days = items.map((i) => i.day);
    expect(days).toEqual([...days].sort().reverse());
    for (const f of files) {
      const item = items.find((i) => i.link === `${site}/events/${f.id}/`);
      expect(item?.day, f.id).toBe(f.date);
    }
  });

  it('rss.xml: every item link resolves', async () => {
    const xml = await text('/rss.xml');
    const links = [...xml.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1] ?? '');
    expect(links.length).toBeGreaterThan(eventFiles().length);
    expect(
      links.every((l) => l.startsWith(site)),
      links.join(' '),
    ).toBe(true);
    expect(await brokenLinks(links.map(served))).toEqual([]);
  });

  it('timelinejs.json: every link in the slides resolves', async () => {
    const json = await text('/timelinejs.json');
    const links = [...json.matchAll(/href=\\"([^"\\]+)\\"/g)].map((m) => m[1] ?? '');
    expect(links.length).toBe(eventFiles().length);
    expect(await brokenLinks(links.map(served))).toEqual([]);
  });

  it('events.ics: every URL resolves', async () => {
    // iCalendar folds lines at 75 octets: unfold before reading.
    const ics = (await text('/events.ics')).replace(/\r?\n[ \t]/g, '');
    const links = [...ics.matchAll(/^URL(?:;[^:]*)?:(.+)$/gm)].map((m) => (m[1] ?? '').trim());
    expect(links.length).toBe(eventFiles().length);
    expect(await brokenLinks(links.map(served))).toEqual([]);
  });

  it('robots.txt names the sitemap', async () => {
    expect(await text('/robots.txt')).toContain(`Sitemap: ${site}/sitemap-index.xml`);
  });
});

/** The events of content/events, read at test time (another engineer may re-ingest them). */
function eventFiles(): { id: string; title: string; date: string }[] {
  return readdirSync('content/events')
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const text = readFileSync(join('content/events', f), 'utf8');
      const front = text.split(/^---$/m)[1] ?? '';
      const data = YAML.parse(front) as { id: string; title: string; date: string };
      return { id: data.id, title: data.title, date: data.date };
    });
}

describe('the overview', () => {
  it('is inline SVG drawn at build time, and every mark links to an entry of the page', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${base}/`);
    const marks = await page.locator('figure.overview svg a').evaluateAll((els) =>
      els.map((a) => {
        const id = (a.getAttribute('href') ?? '').replace(/^#/, '');
        return { id, label: a.getAttribute('aria-label') ?? '', target: document.getElementById(id)?.tagName ?? '' };
      }),
    );
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) {
      expect(m.label, m.id).not.toBe('');
      expect(['LI', 'H2'], m.id).toContain(m.target);
    }
    await noJs.close();
  });
});

describe('without JavaScript', () => {
  it('the timeline shows every event with its title, date and a working link to it', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const page = await noJs.newPage();
    await page.goto(`${base}/`);
    const shown = await page.locator('li.entry').evaluateAll((els) =>
      els.map((el) => ({
        id: el.id,
        title: el.querySelector('h2, h3, h4')?.textContent?.trim() ?? '',
        datetime: el.querySelector('time')?.getAttribute('datetime') ?? '',
        date: el.querySelector('time')?.textContent?.trim() ?? '',
        permalink: el.querySelector('a.permalink')?.getAttribute('href') ?? '',
      })),
    );
    const files = eventFiles();
    expect(shown.length).toBe(files.length);
    for (const f of files) {
      const entry = shown.find((s) => s.id === f.id);
      expect(entry, f.id).toBeDefined();
      expect(entry?.title).toBe(f.title);
      expect(entry?.datetime).toMatch(/^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$/);
      expect(entry?.date).not.toBe('');
      expect(entry?.permalink).toBe(`/#${f.id}`);
    }
    // The copy-link control is a plain link: following it lands on the entry.
    const last = files.at(-1);
    if (last) {
      await page.goto(`${base}/#${last.id}`);
      expect(await page.evaluate(() => location.hash.slice(1))).toBe(last.id);
      expect(await page.locator(`[id="${last.id}"]`).isVisible()).toBe(true);
    }
    await noJs.close();
  });

  it('reading, navigating and browsing by person need no script', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${base}/people/`);
    await page.locator('main a').first().click();
    await page.waitForURL(/\/people\/[a-z0-9-]+\/$/);
    await page.locator('li.entry h2 a').first().click();
    await page.waitForURL(/\/events\/[a-z0-9-]+\/$/);
    expect(await page.locator('blockquote').count()).toBeGreaterThan(0);
    await noJs.close();
  });
});

describe('the footer', () => {
  it('reads as sentences: the link after a sentence is not run into it ("source.How", once)', async () => {
    const { page } = await visit('/');
    const text = ((await page.locator('footer').textContent()) ?? '').replace(/\s+/g, ' ').trim();
    expect(text).toBe(
      'Built from the articles listed under Sources. Every entry quotes its source. How this timeline is made.',
    );
    await page.close();
  });
});

describe('page budget', () => {
  /** Gzipped bytes (level 9) of a page's HTML plus every stylesheet it links; inline CSS is part of the HTML. */
  function gzippedWeight(path: string): { html: number; css: number; total: number } {
    const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
    const gz = (s: string) => gzipSync(s, { level: 9 }).length;
    const sheets = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])?.[1]);
    const css = sheets.reduce((n, href) => n + (href ? gz(readFileSync(join(dist, href), 'utf8')) : 0), 0);
    return { html: gz(html), css, total: gz(html) + css };
  }

  it('the timeline page is at most 40 KB of HTML plus CSS, gzipped', () => {
    const w = gzippedWeight('');
    console.log(`budget: / = ${w.total} bytes gzipped (HTML ${w.html} incl. inline CSS, linked CSS ${w.css})`);
    expect(w.total).toBeLessThanOrEqual(40 * 1024);
  });

  it('an event page is measured too (and well under the same budget)', () => {
    const first = eventFiles()[0];
    expect(first).toBeDefined();
    const w = gzippedWeight(`events/${first?.id}`);
    console.log(`budget: /events/${first?.id}/ = ${w.total} bytes gzipped (HTML ${w.html}, linked CSS ${w.css})`);
    expect(w.total).toBeLessThanOrEqual(40 * 1024);
  });
});
