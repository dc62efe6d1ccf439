/**
 * Bytes a first search fetches, measured in Chromium against the served site as a reader meets it: open the
 * home page, press "/" (the header search, src/scripts/search-loader.ts, loads Pagefind's Component UI and
 * index: on a site over its budget, the recent bundle's), type one query and wait until the results are drawn. The bytes are the response bodies under
 * /pagefind/ as sent by the gzipping static server, the same count as the e2e budget (tests/e2e/search.test.ts).
 */
import { launchBrowser } from '../../../tests/e2e/browser.ts';
import { serveStatic } from '../static-server.ts';

export interface SearchCost {
  bytes: number;
  requests: number;
  /** The number of results the modal reports. */
  results: number;
}

/** Serve `dist`, search it for `query` from the header of its home page in a fresh browser, and count what it fetched. */
export async function firstSearchCost(dist: string, query: string): Promise<SearchCost> {
  let bytes = 0;
  let requests = 0;
  const { server, url } = await serveStatic(dist, 0, {
    onSent: (path, n) => {
      if (path.startsWith('/pagefind/')) {
        bytes += n;
        requests++;
      }
    },
  });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${url}/`);
    await page.waitForLoadState('networkidle');
    await page.keyboard.press('/');
    const input = page.locator('pagefind-modal input').first();
    await input.waitFor({ state: 'visible' });
    await input.fill(query);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('pagefind-modal pagefind-results a')].some((a) => a.getAttribute('href')),
    );
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(200); // let the server finish counting the last bodies
    const summary = (await page.locator('pagefind-modal pagefind-summary').textContent()) ?? '';
    const results = Number(/([\d,]+)\s+results?/i.exec(summary)?.[1]?.replaceAll(',', '') ?? Number.NaN);
    if (!Number.isFinite(results)) throw new Error(`search-bytes: no result count in "${summary.trim()}"`);
    return { bytes, requests, results };
  } finally {
    await browser.close();
    server.close();
  }
}
