/**
 * Index the built site with Pagefind's Node API at the end of `astro build`, so one command gives a
 * searchable site. Any indexing error fails the build.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { recentWindow } from '../lib/site/search-window.ts';
import type { DatedPage, SearchWindow } from '../lib/site/search-window.ts';
import { trimComponentCss } from '../lib/site/trim-css.ts';

/** The stylesheet the header search loads: Pagefind's Component UI CSS without the parts the site never shows. */
export const MODAL_CSS = 'pagefind-modal.css';

/** The line the header search shows when it searches the recent bundle (src/scripts/search-loader.ts). */
const SCOPE_CSS = 'pagefind-modal-body .search-scope { margin: 0 0 8px; }\n';

/** The folder (in the bundle) the header search loads Pagefind from: see modalEntry. */
export const MODAL_BUNDLE = 'modal/';

/** The folder (in the bundle) of the recent bundle, written only when the site is larger than the header's budget. */
export const RECENT_BUNDLE = 'recent/';

/**
 * Indexed pages the header search holds at most (see src/lib/site/search-window.ts). A first search from the
 * header loads about 116 KB whatever the site's size (wasm, Component UI, pagefind.js, CSS), plus the metadata of
 * every page in its index (6.3 bytes gzipped a page without sort keys), the index chunk of the word searched and
 * the first results' fragments. At 1,500 pages the worst of six queries fetched 142.4 KB (docs/site.md).
 */
export const RECENT_PAGES = 1500;

/** The window the header search says it searches; null when it searches everything. */
export type ModalScope = Pick<SearchWindow, 'from' | 'to' | 'label'> | null;

/**
 * `pagefind.js` as the header search sees it: Pagefind's own API from the recent bundle when there is one (else
 * from the archive), with `filters()` answering "none", and the window it searches as `scope`. The Component UI
 * fetches every filter index as it loads, though the modal shows no filters, and each filter index lists every
 * event: at 1,000 articles that was 35 KB of a first search. Pagefind finds its files from the address of the
 * real pagefind.js, so everything else loads from that bundle.
 */
export function modalEntry(recent: SearchWindow | undefined): string {
  const api = recent === undefined ? '../pagefind.js' : `../${RECENT_BUNDLE}pagefind.js`;
  const scope: ModalScope = recent === undefined ? null : { from: recent.from, to: recent.to, label: recent.label };
  return `import { createInstance as create } from '${api}';
export * from '${api}';
export const scope = ${JSON.stringify(scope)};
export function createInstance(options) {
  return { ...create(options), filters: async () => ({}) };
}
`;
}

/** Files of a Pagefind bundle the recent bundle does without: the header loads its UI from the archive bundle. */
const UI_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

const BODY = Buffer.from('data-pagefind-body');
const DATE = Buffer.from('data-search-date="');

/** Whether the bytes at `at` are inside a tag (after a `<`, before its `>`): text and attribute values escape both. */
function inTag(html: Buffer, at: number): boolean {
  return html.lastIndexOf(0x3c, at) > html.lastIndexOf(0x3e, at);
}

/**
 * The pages Pagefind indexes (an element with `data-pagefind-body`) and their `data-search-date` (Base.astro
 * puts both on `<main>`), read from the built files as bytes: every built page is read, so this stays cheap.
 */
export function datedPages(siteDir: string): DatedPage[] {
  const files = (readdirSync(siteDir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.html') && !f.startsWith(`pagefind${sep}`))
    .sort();
  const pages: DatedPage[] = [];
  for (const file of files) {
    const html = readFileSync(join(siteDir, file));
    let at = html.indexOf(BODY);
    while (at >= 0 && !inTag(html, at)) at = html.indexOf(BODY, at + BODY.length);
    if (at < 0) continue;
    const d = html.indexOf(DATE);
    const date = d >= 0 && inTag(html, d) ? html.toString('latin1', d + DATE.length, d + DATE.length + 10) : '';
    pages.push({ file: file.split(sep).join('/'), date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined });
  }
  return pages;
}

/** The address Pagefind gives a built file (`events/x/index.html` → `/events/x/`). */
export function pageUrl(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

export interface SearchIndexOptions {
  /** The header search's page budget (default RECENT_PAGES). */
  recentPages?: number;
  log?: (message: string) => void;
}

/**
 * Write the search bundles into `<siteDir>/pagefind/`: the archive of every indexed page (what /search/ uses) and,
 * when the site has more pages than the header's budget, the recent bundle under `recent/` (what the header
 * uses). Returns the number of pages Pagefind read. The Pagefind service (a child process) is always closed.
 */
export async function buildSearchIndex(siteDir: string, options: SearchIndexOptions = {}): Promise<number> {
  const bundle = join(siteDir, 'pagefind');
  const recent = recentWindow(datedPages(siteDir), options.recentPages ?? RECENT_PAGES);
  // The bundle is regenerated whole: no recent bundle of an earlier, larger build is left behind.
  rmSync(bundle, { recursive: true, force: true });
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error('pagefind: no pages with data-pagefind-body were indexed');
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    if (recent !== undefined) await writeRecentBundle(pagefind, siteDir, join(bundle, RECENT_BUNDLE), recent.files);
    options.log?.(
      recent === undefined
        ? 'the header searches every page'
        : `the header searches ${recent.label} (${recent.files.length} pages) from /pagefind/${RECENT_BUNDLE}`,
    );
    const css = readFileSync(join(bundle, 'pagefind-component-ui.css'), 'utf8');
    writeFileSync(join(bundle, MODAL_CSS), trimComponentCss(css) + SCOPE_CSS);
    mkdirSync(join(bundle, MODAL_BUNDLE), { recursive: true });
    writeFileSync(join(bundle, MODAL_BUNDLE, 'pagefind.js'), modalEntry(recent));
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

/**
 * A page without its Pagefind sort keys (`data-pagefind-sort`, on a hidden span Base.astro writes): the header
 * never sorts, and each key adds about 2 bytes per page to the metadata its first search loads.
 */
export function withoutSortKeys(html: string): string {
  return html.replace(/\sdata-pagefind-sort="[^"]*"/g, '');
}

async function writeRecentBundle(
  pagefind: typeof import('pagefind'),
  siteDir: string,
  outputPath: string,
  files: readonly string[],
): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  // All at once: the service queues them, and a page's place in the index does not depend on the order of arrival.
  const added = await Promise.all(
    files.map((file) =>
      index.addHTMLFile({ url: pageUrl(file), content: withoutSortKeys(readFileSync(join(siteDir, file), 'utf8')) }),
    ),
  );
  const failed = added.flatMap((a) => a.errors);
  if (failed.length > 0) throw new Error(`pagefind: ${failed.join('; ')}`);
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  for (const f of UI_FILES) rmSync(join(outputPath, f), { force: true });
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
        const pages = await buildSearchIndex(fileURLToPath(dir), { log: (m) => logger.info(m) });
        logger.info(`indexed ${pages} pages for search`);
      },
    },
  };
}
