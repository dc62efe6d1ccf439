/**
 * Tags from the gazetteers: people and places by their aliases (proper names, matched with their
 * case), topics by keywords (any case). Matching is by whole words, longest alias first.
 */
import { allMatches } from '../dates/regex.ts';
import type { Gazetteer } from '../model.ts';

/** The tags of a text: slugs, in order of first mention. */
export interface Tags {
  actors: string[];
  places: string[];
  topics: string[];
}

/** One recognised name or keyword in a text. */
export interface Mention {
  kind: 'person' | 'place' | 'topic';
  slug: string;
  start: number;
  end: number;
}

interface Matcher {
  re: RegExp;
  slugs: Map<string, { kind: Mention['kind']; slug: string }>;
}

const cache = new WeakMap<Gazetteer, Matcher[]>();

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex alternative for one alias; `*` ends a keyword stem, topics also take plural endings. */
function pattern(alias: string, kind: Mention['kind']): string {
  if (kind !== 'topic') return escapeRegExp(alias);
  if (alias.endsWith('*')) return `${escapeRegExp(alias.slice(0, -1))}[\\p{L}]*`;
  return `${escapeRegExp(alias)}(?:s|es)?`;
}

function build(g: Gazetteer): Matcher[] {
  const groups: Array<[Mention['kind'], Array<{ slug: string; aliases: string[] }>, string]> = [
    ['person', g.people.map((p) => ({ slug: p.slug, aliases: [p.name, ...p.aliases] })), 'gu'],
    ['place', g.places.map((p) => ({ slug: p.slug, aliases: [p.name, ...p.aliases] })), 'gu'],
    ['topic', g.topics.map((t) => ({ slug: t.slug, aliases: t.keywords })), 'giu'],
  ];
  return groups.map(([kind, entries, flags]) => {
    const slugs = new Map<string, { kind: Mention['kind']; slug: string }>();
    const alts: Array<{ key: string; src: string }> = [];
    for (const e of entries) {
      for (const a of e.aliases) {
        const key = kind === 'topic' ? a.toLowerCase() : a;
        if (slugs.has(key) || a.trim() === '') continue;
        slugs.set(key, { kind, slug: e.slug });
        alts.push({ key, src: pattern(a, kind) });
      }
    }
    alts.sort((x, y) => y.key.length - x.key.length || (x.key < y.key ? -1 : 1));
    const body = alts.length === 0 ? '(?!)' : alts.map((a) => `(${a.src})`).join('|');
    return {
      re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, flags),
      slugs: slugsByGroup(alts, slugs),
    };
  });
}

/** Map each capture group's position to its entry, so a match finds its slug without re-testing. */
function slugsByGroup(
  alts: Array<{ key: string }>,
  slugs: Map<string, { kind: Mention['kind']; slug: string }>,
): Map<string, { kind: Mention['kind']; slug: string }> {
  const out = new Map<string, { kind: Mention['kind']; slug: string }>();
  alts.forEach((a, i) => {
    const entry = slugs.get(a.key);
    if (entry !== undefined) out.set(String(i + 1), entry);
  });
  return out;
}

/** Mentions by text, per gazetteer: one clause or sentence is tagged by several steps. */
const found = new WeakMap<Gazetteer, Map<string, readonly Mention[]>>();
const FOUND_LIMIT = 50_000;

/** The surname a headline calls a gazetteer person by: the last word of their name. */
export function surnameOf(gazetteer: Gazetteer, slug: string): string | undefined {
  return gazetteer.people
    .find((p) => p.slug === slug)
    ?.name.split(/\s+/)
    .at(-1);
}

/** Every gazetteer name or keyword in `text`, in text order (shared and frozen: callers only read it). */
export function findMentions(text: string, gazetteer: Gazetteer): readonly Mention[] {
  let memo = found.get(gazetteer);
  if (memo === undefined) {
    memo = new Map();
    found.set(gazetteer, memo);
  }
  const hit = memo.get(text);
  if (hit !== undefined) return hit;
  if (memo.size >= FOUND_LIMIT) memo.clear();
  const out = Object.freeze(scan(text, gazetteer).map((m) => Object.freeze(m)));
  memo.set(text, out);
  return out;
}

/** `findMentions` without the memo. */
function scan(text: string, gazetteer: Gazetteer): Mention[] {
  let matchers = cache.get(gazetteer);
  if (matchers === undefined) {
    matchers = build(gazetteer);
    cache.set(gazetteer, matchers);
  }
  const out: Mention[] = [];
  for (const m of matchers) {
    for (const hit of allMatches(m.re, text)) {
      const group = hit.findIndex((g, i) => i > 0 && g !== undefined);
      const entry = m.slugs.get(String(group));
      if (entry !== undefined) out.push({ ...entry, start: hit.index, end: hit.index + hit[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** True when a possessive "'s" or "’s" starts at `at` ("Trump’s team": Trump is a possessor, not an actor). */
export function possessiveAt(text: string, at: number): boolean {
  const mark = text.charCodeAt(at);
  return (mark === 0x27 || mark === 0x2019) && text.charCodeAt(at + 1) === 0x73;
}

/** People, places and topics named in `text` (slugs, first mention first, no repeats). */
export function tagText(text: string, gazetteer: Gazetteer): Tags {
  const tags: Tags = { actors: [], places: [], topics: [] };
  for (const m of findMentions(text, gazetteer)) {
    const list = m.kind === 'person' ? tags.actors : m.kind === 'place' ? tags.places : tags.topics;
    if (!list.includes(m.slug)) list.push(m.slug);
  }
  return tags;
}
