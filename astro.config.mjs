// @ts-check
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import YAML from 'yaml';
import oldDist from './src/integrations/old-dist.ts';
import pagefind from './src/integrations/pagefind.ts';
import { withoutRedirects } from './src/lib/site/redirects.ts';

// The deployed address lives with the rest of the timeline's settings (content/timeline.yaml).
const timeline = YAML.parse(readFileSync(new URL('./content/timeline.yaml', import.meta.url), 'utf8'));

export default defineConfig({
  site: timeline.site,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  // No client-side router, no prefetch: pages are plain HTML.
  integrations: [
    // The old addresses of merged events only redirect (src/pages/events/[merged].astro): not for the sitemap.
    sitemap({ filter: withoutRedirects(fileURLToPath(new URL('./content/events/', import.meta.url))) }),
    pagefind(),
    // A rebuild does not wait for the old dist/ to be deleted; last, so the deletion starts after Pagefind has read
    // the new one (src/integrations/old-dist.ts).
    oldDist(),
  ],
  devToolbar: { enabled: false },
  // Summaries are verbatim quotes written as plain Markdown by the ingest (remark, CommonMark): no typographic
  // rewriting of quote marks or dashes, and no GFM, so "~a~" in a quote is not struck through, a "|" line is no
  // table and a printed URL stays text.
  markdown: { processor: satteri({ features: { gfm: false, smartPunctuation: false } }) },
});
