/**
 * Addresses of merged events. Curation's `mergeInto` folds event X into B, and each citation it moved carries
 * `mergedFrom: X` in B's file: /events/X/ stays a page that sends the reader on to B (the timeline promises
 * permanent links). Those pages are for old links only: kept out of the sitemap and the search index.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEventFile } from '../write/front-matter.ts';

interface Absorber {
  id: string;
  sources: ReadonlyArray<{ mergedFrom?: string | undefined }>;
}

/**
 * Each merged-away id with the id of the event that holds its citations. An id that is an event of its own is no
 * redirect. Should two events both name the same id (a hand-edited file), the one holding more of its citations
 * wins, then the smaller id: the result never depends on the order of `events`.
 */
export function mergedAway(events: readonly Absorber[]): Map<string, string> {
  const live = new Set(events.map((e) => e.id));
  const best = new Map<string, { to: string; n: number }>();
  for (const e of events) {
    const counts = new Map<string, number>();
    for (const c of e.sources)
      if (c.mergedFrom !== undefined && !live.has(c.mergedFrom))
        counts.set(c.mergedFrom, (counts.get(c.mergedFrom) ?? 0) + 1);
    for (const [from, n] of counts) {
      const had = best.get(from);
      if (had === undefined || n > had.n || (n === had.n && e.id < had.to)) best.set(from, { to: e.id, n });
    }
  }
  return new Map([...best].sort(([a], [b]) => (a < b ? -1 : 1)).map(([from, { to }]) => [from, to]));
}

/**
 * The merged-away ids of the event files in `dir` (the sitemap leaves their pages out). Only files that mention
 * `mergedFrom` are parsed; the others are read for their ids alone (an event's file is named after its id).
 */
export function mergedAwayIn(dir: string): Set<string> {
  if (!existsSync(dir)) return new Set();
  const events: Absorber[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.md')) continue;
    const id = name.slice(0, -3);
    const text = readFileSync(join(dir, name), 'utf8');
    if (!text.includes('mergedFrom')) {
      events.push({ id, sources: [] });
      continue;
    }
    const fm = parseEventFile(text);
    const sources = Array.isArray(fm?.['sources']) ? (fm['sources'] as Array<Record<string, unknown>>) : [];
    events.push({
      id: typeof fm?.['id'] === 'string' ? fm['id'] : id,
      sources: sources.map((c) => (typeof c['mergedFrom'] === 'string' ? { mergedFrom: c['mergedFrom'] } : {})),
    });
  }
  return new Set(mergedAway(events).keys());
}

/** A sitemap filter (full page URLs) that leaves out the redirect pages of `eventsDir`, read when first asked. */
export function withoutRedirects(eventsDir: string): (page: string) => boolean {
  let away: Set<string> | undefined;
  return (page) => {
    const id = /\/events\/([^/]+)\/$/.exec(new URL(page).pathname)?.[1];
    if (id === undefined) return true;
    away ??= mergedAwayIn(eventsDir);
    return !away.has(decodeURIComponent(id));
  };
}
