/** The walking skeleton in a real browser: the timeline renders, and the header search finds an event. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';

let browser: Browser;
const base = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function open(path: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${base}${path}`);
  return page;
}

describe('timeline', () => {
  it('lists dated entries in order, each with <time datetime> and a title link', async () => {
    const page = await open('/');
    const entries = page.locator('li.entry');
    expect(await entries.count()).toBeGreaterThan(5);
    const datetimes = await page
      .locator('li.entry time')
      .evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
    expect(datetimes.every((d) => /^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$/.test(d))).toBe(true);
    const firstLink = entries.first().locator('h4 a');
    await firstLink.click();
    await page.waitForURL(/\/events\/[a-z0-9-]+\/$/);
    expect(await page.locator('blockquote').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('header search', () => {
  it('types "Yermak" and reaches the event of his resignation from the results', async () => {
    const page = await open('/');
    await page.locator('#search-open').click();
    const input = page.locator('pagefind-modal input').first();
    await input.waitFor({ state: 'visible' });
    await input.fill('Yermak');
    const result = page
      .locator('pagefind-modal a[href*="/events/"]')
      .filter({ hasText: /resign/i })
      .first();
    await result.waitFor({ state: 'visible', timeout: 15_000 });
    await result.click();
    await page.waitForURL(/\/events\//);
    expect(((await page.locator('h1').textContent()) ?? '').toLowerCase()).toContain('resign');
    await page.close();
  });
});
