/**
 * Check a built site offline: every internal link (pages, assets, `#anchors`) and every link the exports
 * carry (RSS, sitemaps, events.json, TimelineJS, iCalendar) must point at a file of the dist folder, and no
 * link may use a script scheme (`javascript:`, `vbscript:`, `data:`). External addresses are not fetched.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { decodeEntities, scanHtml } from './html-tags.ts';

export interface LinkProblem {
  /** The dist file the link is in (relative, `/`-separated). */
  file: string;
  url: string;
  problem: 'missing-file' | 'missing-anchor' | 'unsafe-scheme';
}

const UNSAFE = new Set(['javascript:', 'vbscript:', 'data:']);
/** Attributes that hold a URL, by element ('*' = any element). */
const URL_ATTRS: Record<string, string[]> = {
  '*': ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster'],
};

/** Every file under `dir`, as `/`-separated paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The URL a dist file is served at (`events/x/index.html` → `<site>events/x/`). */
export function fileUrl(site: string, file: string): string {
  return new URL(file.replace(/(^|\/)index\.html$/, '$1'), site).href;
}

interface Found {
  file: string;
  url: string;
}

/** Links and ids of one HTML page. */
function fromHtml(file: string, html: string): { links: Found[]; ids: Set<string> } {
  const ids = new Set<string>();
  const links: Found[] = [];
  for (const tag of scanHtml(html).tags) {
    const id = tag.attrs.get('id');
    if (id !== undefined) ids.add(id);
    if (tag.name === 'a' && tag.attrs.has('name')) ids.add(tag.attrs.get('name') ?? '');
    for (const attr of URL_ATTRS['*'] ?? []) {
      const v = tag.attrs.get(attr);
      if (v !== undefined) links.push({ file, url: v.trim() });
    }
    const prop = tag.attrs.get('property');
    if (tag.name === 'meta' && (prop === 'og:url' || prop === 'og:image'))
      links.push({ file, url: tag.attrs.get('content') ?? '' });
  }
  return { links, ids };
}

/** Every string value under the key `url` of a JSON document, and (`html`: its strings are HTML) every link in its strings. */
function fromJson(file: string, text: string, html: boolean): Found[] {
  const out: Found[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (key === 'url') out.push({ file, url: v });
      if (html && v.includes('<')) for (const l of fromHtml(file, v).links) out.push(l);
    } else if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(JSON.parse(text), '');
  return out;
}

/** `<link>`, `<guid>` and `<loc>` of an RSS feed or a sitemap. */
function fromXml(file: string, text: string): Found[] {
  return [...text.matchAll(/<(link|guid|loc)(?:\s[^>]*)?>([^<]*)<\/\1>/g)].map((m) => ({
    file,
    url: decodeEntities(m[2] ?? '').trim(),
  }));
}

/** `URL:` properties of an iCalendar file (folded lines joined first). */
function fromIcs(file: string, text: string): Found[] {
  const unfolded = text.replace(/\r?\n[ \t]/g, '');
  return [...unfolded.matchAll(/^URL(?:;[^:\r\n]*)?:(.*)$/gm)].map((m) => ({ file, url: (m[1] ?? '').trim() }));
}

/** The dist file a site path names, if any. */
function target(files: ReadonlySet<string>, path: string): string | undefined {
  const candidates = path === '' || path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`];
  return candidates.find((c) => files.has(c));
}

export interface LinkCheckOptions {
  /** JSON exports whose strings are HTML for their consumer (TimelineJS renders its `text` as HTML). */
  htmlJson?: readonly string[];
}

/** All broken internal links and unsafe links of the built site in `distDir`, deployed at `site`. */
export function checkLinks(distDir: string, site: string, options: LinkCheckOptions = {}): LinkProblem[] {
  const htmlJson = new Set(options.htmlJson ?? ['timelinejs.json']);
  const base = new URL(site.endsWith('/') ? site : `${site}/`);
  const files = listFiles(distDir);
  const fileSet = new Set(files);
  const ids = new Map<string, Set<string>>();
  const found: Found[] = [];
  for (const file of files) {
    const read = () => readFileSync(join(distDir, file), 'utf8');
    if (file.endsWith('.html')) {
      const page = fromHtml(file, read());
      ids.set(file, page.ids);
      found.push(...page.links);
    } else if (file.endsWith('.json') && !file.startsWith('pagefind/'))
      found.push(...fromJson(file, read(), htmlJson.has(file)));
    else if (file.endsWith('.xml')) found.push(...fromXml(file, read()));
    else if (file.endsWith('.ics')) found.push(...fromIcs(file, read()));
  }
  const problems: LinkProblem[] = [];
  for (const { file, url } of found) {
    let u: URL;
    try {
      u = new URL(url, fileUrl(base.href, file));
    } catch {
      problems.push({ file, url, problem: 'missing-file' });
      continue;
    }
    if (UNSAFE.has(u.protocol)) {
      problems.push({ file, url, problem: 'unsafe-scheme' });
      continue;
    }
    if (u.origin !== base.origin || !u.pathname.startsWith(base.pathname)) continue; // external: not fetched
    let path: string;
    try {
      path = decodeURIComponent(u.pathname.slice(base.pathname.length));
    } catch {
      path = u.pathname.slice(base.pathname.length);
    }
    const hit = target(fileSet, path);
    if (hit === undefined) {
      problems.push({ file, url, problem: 'missing-file' });
      continue;
    }
    const anchor = u.hash.length > 1 ? decodeURIComponent(u.hash.slice(1)) : undefined;
    if (anchor !== undefined && hit.endsWith('.html') && !ids.get(hit)?.has(anchor))
      problems.push({ file, url, problem: 'missing-anchor' });
  }
  return problems;
}
