/**
 * What pages read: events in timeline order, sources by id, tag names. One place, so pages stay thin.
 * Everything derived from a whole collection is computed once per build and shared by every page (thousands
 * of them at 1,000 articles), never per page; `astro dev` recomputes per request, so edits show at once.
 */
import { getCollection } from 'astro:content';
import type { CollectionEntry } from 'astro:content';
import { loadGazetteer } from '../events/index.ts';
import { loadTimelineConfig } from '../ingest/timeline-config.ts';
import type { TimelineConfig } from '../ingest/timeline-config.ts';
import type { ExportEvent } from './exports.ts';
import { compareEvents } from './grouping.ts';
import { htmlText } from './plain-text.ts';

export type EventEntry = CollectionEntry<'events'>;
export type SourceEntry = CollectionEntry<'sources'>;
export type TagKind = 'people' | 'places' | 'topics';

const built = new Map<string, unknown>();

/** `make()` once per build under `key`; in dev, every time (content may have changed since). */
function once<T>(key: string, make: () => T): T {
  if (import.meta.env.DEV) return make();
  if (!built.has(key)) built.set(key, make());
  return built.get(key) as T;
}

/** content/timeline.yaml. */
export function timelineConfig(): TimelineConfig {
  return once('config', () => loadTimelineConfig('content/timeline.yaml'));
}

/** All events, oldest first. */
export function sortedEvents(): Promise<readonly EventEntry[]> {
  return once('events', async () => (await getCollection('events')).sort((a, b) => compareEvents(a.data, b.data)));
}

/** All sources by id. */
export function sourcesById(): Promise<ReadonlyMap<string, SourceEntry>> {
  return once('sources', async () => new Map((await getCollection('sources')).map((s) => [s.data.id, s])));
}

/** Display name of a source: its publisher, else its title, else its id. */
export function sourceName(s: SourceEntry | undefined, id: string): string {
  return s?.data.publisher ?? s?.data.title ?? id;
}

let names: Map<string, { name: string; note?: string }> | undefined;

/** Display name (and role, for people) of a tag slug, from the gazetteers. */
export function tagInfo(kind: TagKind, slug: string): { name: string; note?: string } {
  if (names === undefined) {
    names = new Map();
    const g = loadGazetteer('content/gazetteer');
    for (const p of g.people)
      names.set(`people/${p.slug}`, p.role === undefined ? { name: p.name } : { name: p.name, note: p.role });
    for (const p of g.places) names.set(`places/${p.slug}`, { name: p.name });
    for (const t of g.topics) names.set(`topics/${t.slug}`, { name: t.name });
  }
  return names.get(`${kind}/${slug}`) ?? { name: slug };
}

/** The event field that holds tags of a kind. */
export function tagField(kind: TagKind): 'actors' | 'places' | 'topics' {
  return kind === 'people' ? 'actors' : kind;
}

/** The events carrying a tag, oldest first. */
export async function eventsWithTag(kind: TagKind, slug: string): Promise<readonly EventEntry[]> {
  const index = await once('by-tag', async () => {
    const map = new Map<string, EventEntry[]>();
    for (const e of await sortedEvents())
      for (const k of ['people', 'places', 'topics'] as const)
        for (const s of new Set(e.data[tagField(k)])) {
          const list = map.get(`${k}/${s}`);
          if (list === undefined) map.set(`${k}/${s}`, [e]);
          else list.push(e);
        }
    return map;
  });
  return index.get(`${kind}/${slug}`) ?? [];
}

/** The events quoting each sentence of a source (sentence index → events, each once, in timeline order). */
export async function citationsOf(source: string): Promise<ReadonlyMap<number, { id: string; title: string }[]>> {
  const index = await once('citations', async () => {
    const bySource = new Map<string, Map<number, { id: string; title: string }[]>>();
    for (const event of await sortedEvents())
      for (const c of event.data.sources) {
        const sentences = bySource.get(c.source) ?? new Map<number, { id: string; title: string }[]>();
        bySource.set(c.source, sentences);
        const list = sentences.get(c.sentence) ?? [];
        if (!list.some((x) => x.id === event.data.id)) list.push({ id: event.data.id, title: event.data.title });
        sentences.set(c.sentence, list);
      }
    return bySource;
  });
  return index.get(source) ?? new Map();
}

/** An event's summary as plain text (meta description, JSON-LD, feeds, exports). */
export function summaryText(event: EventEntry): string {
  const summaries = once('summaries', () => new Map<string, string>());
  // From the HTML rendered at load time: the collection keeps no Markdown body (retainBody: false).
  const text = summaries.get(event.id) ?? htmlText(event.rendered?.html ?? '');
  summaries.set(event.id, text);
  return text;
}

/** Events as the feeds and exports see them (summary as plain text), oldest first. */
export function exportEvents(): Promise<readonly ExportEvent[]> {
  return once('exports', async () => (await sortedEvents()).map((e) => ({ ...e.data, summary: summaryText(e) })));
}

/** Source id → display name. */
export async function sourceNames(): Promise<Map<string, string>> {
  const sources = await sourcesById();
  return new Map([...sources].map(([id, s]) => [id, sourceName(s, id)]));
}
