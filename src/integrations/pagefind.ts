/**
 * Index the built site with Pagefind's Node API at the end of `astro build`, so one command gives a
 * searchable site. Any indexing error fails the build.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
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

const DEV_TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/** The file under `bundle` a `/pagefind/…` request names, or undefined (never outside the bundle). */
export function bundleFile(bundle: string, urlPath: string): string | undefined {
  const rel = normalize(decodeURIComponent(urlPath.split('?')[0] ?? '').replace(/^\/pagefind\//, ''));
  if (rel.startsWith('..') || rel.startsWith('/')) return undefined;
  const file = join(bundle, rel);
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** The Astro integration: index `dist/` after the build; in `astro dev`, serve the last built index. */
export default function pagefindIntegration(): AstroIntegration {
  let outDir = 'dist';
  return {
    name: 'timeline-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      // An editor searching while writing gets the index of the last `npm run build` (pages added since are missing).
      'astro:server:setup': ({ server, logger }) => {
        const bundle = join(outDir, 'pagefind');
        if (!existsSync(bundle)) logger.warn('no search index yet: run `npm run build` once to search while editing');
        server.middlewares.use((req, res, next) => {
          const file = req.url?.startsWith('/pagefind/') ? bundleFile(bundle, req.url) : undefined;
          if (file === undefined) return next();
          res.setHeader('content-type', DEV_TYPES[extname(file)] ?? 'application/octet-stream');
          res.end(readFileSync(file));
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const pages = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`indexed ${pages} pages for search`);
      },
    },
  };
}
