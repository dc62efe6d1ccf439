/**
 * Index the built site with Pagefind's Node API at the end of `astro build`, so one command gives a
 * searchable site. Any indexing error fails the build.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Run `fn` against the Pagefind service, always closing it (the service is a child process). */
export async function buildSearchIndex(siteDir: string): Promise<number> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error('pagefind: no pages with data-pagefind-body were indexed');
    const written = await index.writeFiles({ outputPath: `${siteDir.replace(/\/$/, '')}/pagefind` });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
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
