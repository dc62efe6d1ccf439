import { serveStatic } from './scripts/lib/static-server.ts';
import { launchBrowser } from './tests/e2e/browser.ts';
const { server, url } = await serveStatic('/tmp/e-dist');
const browser = await launchBrowser();
const paths = (process.argv[2] ?? '/').split(',');
for (const scheme of ['light', 'dark'] as const)
  for (const width of [360, 1440]) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
    const page = await ctx.newPage();
    for (const p of paths) {
      await page.goto(`${url}${p}`);
      const name = `${p.replace(/\W+/g, '_')}-${width}-${scheme}`;
      const offsets = (process.argv[3] ?? '0').split(',').map(Number);
      const h = await page.evaluate(() => document.documentElement.scrollHeight);
      for (const y of offsets.filter((o) => o < h - 100))
        await page.screenshot({ path: `/tmp/shots/${name}-${y}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(width < 500 ? 900 : 1100, h - y) } });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) console.log('OVERFLOW', name, overflow);
    }
    await ctx.close();
  }
await browser.close();
server.close();
