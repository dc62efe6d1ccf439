/**
 * Index the built site with Pagefind's Node API at the end of `astro build`, so one command gives a
 * searchable site. Any indexing error fails the build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { trimComponentCss } from '../lib/site/trim-css.ts';

/** The stylesheet the header search loads: Pagefind's Component UI CSS without the parts the site never shows. */
export const MODAL_CSS = 'pagefind-modal.css';

/** Run `fn` against the Pagefind service, always closing it (the service is a child process). */
export async function buildSearchIndex(siteDir: string): Promise<number> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error('pagefind: no pages with data-pagefind-body were indexed');
    const bundle = join(siteDir, 'pagefind');
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    const css = readFileSync(join(bundle, 'pagefind-component-ui.css'), 'utf8');
    writeFileSync(join(bundle, MODAL_CSS), trimComponentCss(css));
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

/** The Astro integration: index `dist/` after the build. */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'timeline-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pages = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`indexed ${pages} pages for search`);
      },
    },
  };
}
