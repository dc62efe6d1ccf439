/** What pages read: events in timeline order, sources by id, tag names. One place, so pages stay thin. */
import { getCollection } from 'astro:content';
import type { CollectionEntry } from 'astro:content';
import { loadGazetteer } from '../events/index.ts';
import type { ExportEvent } from './exports.ts';
import { compareEvents } from './grouping.ts';
import { plainText } from './plain-text.ts';

export type EventEntry = CollectionEntry<'events'>;
export type SourceEntry = CollectionEntry<'sources'>;
export type TagKind = 'people' | 'places' | 'topics';

/** All events, oldest first. */
export async function sortedEvents(): Promise<EventEntry[]> {
  const all = await getCollection('events');
  return all.sort((a, b) => compareEvents(a.data, b.data));
}

/** All sources by id. */
export async function sourcesById(): Promise<Map<string, SourceEntry>> {
  return new Map((await getCollection('sources')).map((s) => [s.data.id, s]));
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

/** Events as the feeds and exports see them (summary as plain text). */
export async function exportEvents(): Promise<ExportEvent[]> {
  return (await sortedEvents()).map((e) => ({ ...e.data, summary: plainText(e.body ?? '') }));
}

/** Source id → display name. */
export async function sourceNames(): Promise<Map<string, string>> {
  const sources = await sourcesById();
  return new Map([...sources].map(([id, s]) => [id, sourceName(s, id)]));
}
