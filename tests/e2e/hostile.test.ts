/**
 * The hostile article in a real browser: on every page that carries its text, and in search results, no dialog
 * opens and no injected script or handler runs, while the payloads are visible as text.
 */
import { readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../scripts/lib/link-check.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';
import { buildHostileSite } from '../trust/hostile-site.ts';
import { launchBrowser } from './browser.ts';

let browser: Browser;
let server: Server;
let base: string;
let dist: string;
const dialogs: string[] = [];

beforeAll(async () => {
  ({ dist } = buildHostileSite());
  ({ server, url: base } = await serveStatic(dist));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  if (dist) rmSync(dirname(dist), { recursive: true, force: true });
});

/** A page that records every dialog and every call an injected payload could make. */
async function open(path: string, options: { bypassCSP?: boolean } = {}): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  page.on('dialog', (d) => {
    dialogs.push(`${path}: ${d.message()}`);
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __calls: string[] };
    w.__calls = [];
    for (const name of ['alert', 'confirm', 'prompt'] as const) {
      window[name] = ((...args: unknown[]) => {
        w.__calls.push(`${name}(${args.join(',')})`);
      }) as never;
    }
  });
  await page.goto(`${base}${path}`, { waitUntil: 'load' });
  return page;
}

async function calls(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __calls: string[] }).__calls);
}

/** Site paths of the built pages whose HTML carries a payload. */
function hostilePages(): string[] {
  return listFiles(dist)
    .filter((f) => f.endsWith('.html') && readFileSync(join(dist, f), 'utf8').includes('alert('))
    .map((f) => `/${f.replace(/(^|\/)index\.html$/, '$1')}`);
}

describe('hostile text in the browser', () => {
  it('runs nothing on any page that carries it, and shows it as text', async () => {
    const paths = hostilePages();
    expect(paths.length).toBeGreaterThan(3);
    let shown = '';
    for (const path of paths) {
      const page = await open(path);
      await page.waitForTimeout(50); // let any onerror/onload handler fire
      expect(await calls(page), path).toEqual([]);
      expect(await page.locator('main iframe, main img[src="x"], main svg[onload]').count(), path).toBe(0);
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered, visible text is what is tested
      shown += await page.locator('main').innerText();
      await page.close();
    }
    expect(dialogs).toEqual([]);
    // Control: the detector does see a script that runs (with the page's CSP lifted, which would block it too).
    const control = await open('/', { bypassCSP: true });
    await control.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'alert(9)';
      document.body.append(s);
    });
    expect(await calls(control)).toEqual(['alert(9)']);
    await control.close();
    for (const p of ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>', '</script><script>alert(5)</script>'])
      expect(shown).toContain(p);
  });

  it('shows a hostile excerpt on /search/ as text, without running it', async () => {
    const page = await open('/search/?q=whiteboard');
    const first = page.locator('#search-results li').first();
    await first.waitFor({ timeout: 15_000 });
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered, visible text is what is tested
    const text = await page.locator('#search-results').innerText();
    expect(text).toContain('onerror=alert(2)');
    expect(await page.locator('#search-results img').count()).toBe(0);
    await page.waitForTimeout(100);
    expect(await calls(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
