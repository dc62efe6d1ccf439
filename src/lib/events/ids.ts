/**
 * Stable event ids: `<date>-<key words>`, from the words of the event's first dated clause (not its
 * title, so retitling never moves a page). An event that shares a citation with an event already on
 * disk keeps that event's id.
 */
import { UTCDate } from '@date-fns/utc';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { slug } from 'github-slugger';
import { toUtc } from '../dates/calendar.ts';
import type { Citation, IsoDate, Precision } from '../model.ts';
import { keyTerms, tokenize, wordKey } from './text.ts';

/**
 * What id matching reads of a citation: its identity across runs (source and exact quote), and the event curation
 * merged it from, if any (`beforeCuration`).
 */
export type PreviousCitation = Pick<Citation, 'source' | 'quote' | 'mergedFrom'>;

/** A citation as id matching reads it (all the output manifest keeps of it). */
export function previousCitation(c: { source?: unknown; quote?: unknown; mergedFrom?: unknown }): PreviousCitation {
  const out: PreviousCitation = { source: String(c.source ?? ''), quote: String(c.quote ?? '') };
  if (typeof c.mergedFrom === 'string') out.mergedFrom = c.mergedFrom;
  return out;
}

/** An event on disk, for stable ids: its id and what its citations are. */
export interface PreviousEvent {
  id: string;
  sources: PreviousCitation[];
}

const SEASONS = [
  'winter',
  'winter',
  'spring',
  'spring',
  'spring',
  'summer',
  'summer',
  'summer',
  'autumn',
  'autumn',
  'autumn',
  'winter',
];

/** ISO week prefixes by date: date-fns builds several dates per call, and a corpus has few distinct dates. */
const WEEK_PREFIX = new Map<IsoDate, string>();

/** The date part of an id, as precise as the event: `2025-11-30`, `2025-w49`, `2025-10`, `2025-spring`, `2022`. */
export function datePrefix(date: IsoDate, precision: Precision): string {
  const year = date.slice(0, 4);
  switch (precision) {
    case 'day':
      return date;
    case 'week': {
      let week = WEEK_PREFIX.get(date);
      if (week === undefined) {
        const d = new UTCDate(toUtc(date));
        week = `${getISOWeekYear(d)}-w${String(getISOWeek(d)).padStart(2, '0')}`;
        WEEK_PREFIX.set(date, week);
      }
      return week;
    }
    case 'month':
      return date.slice(0, 7);
    case 'season':
      return `${year}-${SEASONS[Number(date.slice(5, 7)) - 1] ?? 'season'}`;
    case 'year':
      return year;
  }
}

const SLUG_SKIP = new Set([
  'says',
  'say',
  'said',
  'got',
  'get',
  'gets',
  'set',
  'sets',
  'has',
  'have',
  'had',
  'been',
  'is',
  'are',
  'was',
  'were',
  'will',
  'likely',
]);

const HYPHEN = 45;

/** A previous id worth keeping: its date part matches the event's and it has at least 3 key words. */
export function keepable(previousId: string, prefix: string): boolean {
  // `<prefix>-` then at least three words that are not only digits (ids are matched for every shared citation:
  // a scan, not a split and a regular expression per word).
  if (!previousId.startsWith(prefix) || previousId.charCodeAt(prefix.length) !== HYPHEN) return false;
  let words = 0;
  let start = prefix.length + 1;
  let digitsOnly = true;
  for (let i = start; i <= previousId.length; i++) {
    const code = i < previousId.length ? previousId.charCodeAt(i) : HYPHEN;
    if (code !== HYPHEN) {
      if (code < 48 || code > 57) digitsOnly = false;
      continue;
    }
    if (i > start && !digitsOnly && ++words >= 3) return true;
    start = i + 1;
    digitsOnly = true;
  }
  return false;
}

/** 3–6 key words of a clause as a slug; function, time and reporting words are skipped. */
export function keyWordSlug(text: string): string {
  const keys = new Set(keyTerms(text));
  const words: string[] = [];
  for (const t of tokenize(text)) {
    if (words.length >= 6) break;
    // A possessor ("Zelenskyy’s chief of staff") and verbs of saying or being say nothing of the event.
    if (/['’]s$/.test(t.lower) || SLUG_SKIP.has(t.lower)) continue;
    const bare = t.lower.replace(/['’]/g, '');
    const k = wordKey(t.lower);
    if (k === null || !keys.has(k)) continue;
    if (words.includes(bare)) continue;
    words.push(bare);
    if (words.length >= 3 && words.join('-').length >= 32) break;
  }
  return slug(words.join(' ')).replace(/-+/g, '-').replace(/^-|-$/g, '') || 'event';
}

/** The previous ids an event shares citations with, and how many with each (already filtered by `keepable`). */
interface Shared {
  ids: string[];
  counts: number[];
  /** The call that last found it true (`IdMemo.calls`): only one of the call just before may be taken. */
  call?: number;
}

/**
 * What `assignIds` keeps between calls (a resident ingest's runs): the previous events indexed by citation, and each
 * event's shared ids by its `key` (its draft). A call indexes only the previous events that are not the same objects
 * as last time, and looks up again only the events that cite a source one of those cites.
 */
export interface IdMemo {
  indexed: Set<PreviousEvent>;
  byKey: Map<string, Map<string, string[]>>;
  shared: WeakMap<object, Shared>;
  /** Calls made: an event missing from a call (a draft joined for a while) may have missed a change of the index. */
  calls: number;
}

export function newIdMemo(): IdMemo {
  return { indexed: new Set(), byKey: new Map(), shared: new WeakMap(), calls: 0 };
}

/** Index (or, with `remove`, unindex) a previous event's citations: source, then quote, to the ids citing it. */
function indexCitations(byKey: IdMemo['byKey'], p: PreviousEvent, remove: boolean): void {
  for (const c of p.sources) {
    let quotes = byKey.get(c.source);
    if (quotes === undefined) {
      if (remove) continue;
      quotes = new Map();
      byKey.set(c.source, quotes);
    }
    const list = quotes.get(c.quote);
    if (remove) {
      const at = list?.indexOf(p.id) ?? -1;
      if (list === undefined || at < 0) continue;
      list.splice(at, 1);
      if (list.length === 0) quotes.delete(c.quote);
    } else if (list === undefined) quotes.set(c.quote, [p.id]);
    else list.push(p.id);
  }
}

/**
 * Bring the memo's index to `previous`; returns the sources whose citations changed (an event citing one of them is
 * looked up again). Without a memo, a fresh index.
 */
function indexPrevious(previous: readonly PreviousEvent[], memo: IdMemo | undefined): IdMemo & { dirty?: Set<string> } {
  if (memo === undefined) {
    const fresh = newIdMemo();
    for (const p of previous) indexCitations(fresh.byKey, p, false);
    return fresh;
  }
  const now = new Set(previous);
  const dirty = new Set<string>();
  for (const p of memo.indexed)
    if (!now.has(p)) {
      indexCitations(memo.byKey, p, true);
      for (const c of p.sources) dirty.add(c.source);
    }
  for (const p of now)
    if (!memo.indexed.has(p)) {
      indexCitations(memo.byKey, p, false);
      for (const c of p.sources) dirty.add(c.source);
    }
  memo.indexed = now;
  return { ...memo, dirty };
}

/** The previous ids event `e` shares citations with (`keepable` ones), and how many with each. */
function sharedWith(e: { prefix?: string; citations: readonly Citation[] }, byKey: IdMemo['byKey']): Shared {
  // Most events have one or two: two short lists.
  const ids: string[] = [];
  const counts: number[] = [];
  for (const c of e.citations) {
    const list = byKey.get(c.source)?.get(c.quote);
    if (list === undefined) continue;
    // Most quotes were cited by one previous event: no set to drop repeats then (this runs for every citation).
    for (const id of list.length === 1 ? list : new Set(list)) {
      const at = ids.indexOf(id);
      if (at < 0) {
        ids.push(id);
        counts.push(1);
      } else counts[at] = (counts[at] as number) + 1;
    }
  }
  // An id whose date no longer fits, or that says nothing (`2025-11-28-event`), is minted afresh.
  const out: Shared = { ids: [], counts: [] };
  ids.forEach((id, j) => {
    if (e.prefix !== undefined && !keepable(id, e.prefix)) return;
    out.ids.push(id);
    out.counts.push(counts[j] as number);
  });
  return out;
}

/**
 * Final ids. Each event is offered the previous ids it shares citations with; the pair sharing the
 * most citations wins first (ties: smaller previous id, then earlier event). Others get their natural
 * id, with `-2`, `-3`… on a clash, in event order. With a `memo` (and each event's `key`, an object that fixes its
 * natural id, prefix and citations), the work is proportional to what changed since the last call.
 */
export function assignIds(
  events: ReadonlyArray<{ natural: string; prefix?: string; citations: readonly Citation[]; key?: object }>,
  previous: readonly PreviousEvent[],
  memo?: IdMemo,
): string[] {
  // A citation's identity across runs is its source and exact quote: previous ids by source, then quote.
  const index = indexPrevious(previous, memo);
  const { dirty } = index;
  const call = memo === undefined ? 0 : ++memo.calls;
  const shared = events.map((e) => {
    const { key } = e;
    const had = key === undefined || dirty === undefined ? undefined : index.shared.get(key);
    // Taken again when it was true in the call just before and no source it cites changed since.
    const fresh = had?.call === call - 1 && dirty !== undefined;
    if (fresh && (dirty.size === 0 || !e.citations.some((c) => dirty.has(c.source)))) {
      had.call = call;
      return had;
    }
    const made: Shared = { ...sharedWith(e, index.byKey), call };
    if (key !== undefined && memo !== undefined) memo.shared.set(key, made);
    return made;
  });
  // A pair whose event and id are in no other pair is taken whatever the order: only the others are sorted.
  const pairsOfId = new Map<string, number>();
  for (const s of shared) for (const id of s.ids) pairsOfId.set(id, (pairsOfId.get(id) ?? 0) + 1);
  const out: Array<string | undefined> = events.map(() => undefined);
  const taken = new Set<string>();
  const pairs: Array<{ event: number; id: string; shared: number }> = [];
  shared.forEach((s, i) => {
    const only = s.ids[0];
    if (s.ids.length === 1 && only !== undefined && pairsOfId.get(only) === 1) {
      out[i] = only;
      taken.add(only);
      return;
    }
    s.ids.forEach((id, j) => {
      pairs.push({ event: i, id, shared: s.counts[j] as number });
    });
  });
  pairs.sort((a, b) => b.shared - a.shared || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || a.event - b.event);
  for (const p of pairs) {
    if (out[p.event] !== undefined || taken.has(p.id)) continue;
    out[p.event] = p.id;
    taken.add(p.id);
  }
  return events.map((e, i) => {
    const kept = out[i];
    if (kept !== undefined) return kept;
    let id = e.natural;
    for (let n = 2; taken.has(id); n++) id = `${e.natural}-${n}`;
    taken.add(id);
    return id;
  });
}
