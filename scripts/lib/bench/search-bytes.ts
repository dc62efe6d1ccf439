/**
 * Bytes a first search fetches, measured in Chromium against the served site: load Pagefind's JS API,
 * run one query and load the first page of results (what /search/ shows), summing response bodies as sent
 * by the gzipping static server. Everything before the first Pagefind request is not counted.
 */
import { launchBrowser } from '../../../tests/e2e/browser.ts';
import { serveStatic } from '../static-server.ts';

export interface SearchCost {
  bytes: number;
  requests: number;
  results: number;
}

/** Serve `dist`, search it for `query` in a fresh browser, and count what the search fetched. */
export async function firstSearchCost(dist: string, query: string, shown = 10): Promise<SearchCost> {
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
    await page.goto(`${url}/robots.txt`);
    const results = await page.evaluate(
      async ([q, n]) => {
        const path = '/pagefind/pagefind.js'; // a variable: resolved by the browser, not by TypeScript
        const pagefind = await import(path);
        await pagefind.init();
        const search = await pagefind.search(q);
        await Promise.all(search.results.slice(0, n).map((r: { data: () => Promise<unknown> }) => r.data()));
        return search.results.length as number;
      },
      [query, shown] as const,
    );
    await page.waitForTimeout(200); // let the server finish counting the last bodies
    return { bytes, requests, results };
  } finally {
    await browser.close();
    server.close();
  }
}
