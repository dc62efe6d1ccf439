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

/**
 * Final ids. Each event is offered the previous ids it shares citations with; the pair sharing the
 * most citations wins first (ties: smaller previous id, then earlier event). Others get their natural
 * id, with `-2`, `-3`… on a clash, in event order.
 */
export function assignIds(
  events: ReadonlyArray<{ natural: string; prefix?: string; citations: readonly Citation[] }>,
  previous: readonly PreviousEvent[],
): string[] {
  // A citation's identity across runs is its source and exact quote: previous ids by source, then quote.
  const prevByKey = new Map<string, Map<string, string[]>>();
  for (const p of previous)
    for (const c of p.sources) {
      let quotes = prevByKey.get(c.source);
      if (quotes === undefined) {
        quotes = new Map();
        prevByKey.set(c.source, quotes);
      }
      const list = quotes.get(c.quote);
      if (list === undefined) quotes.set(c.quote, [p.id]);
      else list.push(p.id);
    }
  const pairs: Array<{ event: number; id: string; shared: number }> = [];
  // The previous ids an event shares citations with, and how many: most events have one or two, so two short lists.
  const sharedIds: string[] = [];
  const sharedCounts: number[] = [];
  events.forEach((e, i) => {
    sharedIds.length = 0;
    sharedCounts.length = 0;
    for (const c of e.citations) {
      const ids = prevByKey.get(c.source)?.get(c.quote);
      if (ids === undefined) continue;
      // Most quotes were cited by one previous event: no set to drop repeats then (this runs for every citation).
      for (const id of ids.length === 1 ? ids : new Set(ids)) {
        const at = sharedIds.indexOf(id);
        if (at < 0) {
          sharedIds.push(id);
          sharedCounts.push(1);
        } else sharedCounts[at] = (sharedCounts[at] as number) + 1;
      }
    }
    // An id whose date no longer fits, or that says nothing (`2025-11-28-event`), is minted afresh.
    sharedIds.forEach((id, j) => {
      if (e.prefix === undefined || keepable(id, e.prefix))
        pairs.push({ event: i, id, shared: sharedCounts[j] as number });
    });
  });
  pairs.sort((a, b) => b.shared - a.shared || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || a.event - b.event);
  const out: Array<string | undefined> = events.map(() => undefined);
  const taken = new Set<string>();
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
