/**
 * The editor's curation (content/curation.yaml), keyed by event id and applied after extraction:
 * split, then merge, then retitle / redate / restatus, then hide. Entries for ids that no longer
 * exist are reported, never fatal. A merge marks each citation it moves with the id it came from
 * (`mergedFrom`), so the event files themselves say what was merged: the next ingest gives those
 * citations back before matching ids, and the site keeps the merged event's address as a redirect.
 */
import { existsSync } from 'node:fs';
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node } from 'yaml';
import { isIsoDate } from '../dates/calendar.ts';
import { InputError } from '../errors.ts';
import type { PreviousCitation } from './ids.ts';
import type { Citation, Curation, CurationEntry, EventStatus, Precision, TimelineEvent } from '../model.ts';
import { Entry, readYaml, SLUG } from './yaml-data.ts';

const PRECISIONS: readonly Precision[] = ['day', 'week', 'month', 'season', 'year'];
const EVENT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Parse curation YAML text (`events: { <id>: { title, date, hide, mergeInto, split … } }`). */
export function parseCuration(path: string, text?: string): Curation {
  const file = readYaml(path, text);
  const curation: Curation = { events: {} };
  if (file.root === null) return curation;
  const top: Entry = new Entry(file, file.root);
  top.only(['events']);
  const events = top.field('events');
  if (events === undefined) return curation;
  if (!isMap(events)) top.fail('"events" must map event ids to corrections', events);
  for (const pair of events.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const at = (pair.key as Node | null) ?? events;
    if (!EVENT_ID.test(key)) throw new InputError(path, `"${key}" is not an event id`, file.line(at));
    if (pair.value === null || !isMap(pair.value))
      throw new InputError(path, `"${key}": expected a mapping of corrections`, file.line(at));
    const e: Entry = new Entry(file, pair.value as Node);
    e.only(['title', 'date', 'end', 'precision', 'status', 'hide', 'mergeInto', 'split']);
    const entry: CurationEntry = {};
    const title = e.string('title');
    if (title !== undefined) entry.title = title;
    for (const k of ['date', 'end'] as const) {
      const v = e.string(k);
      if (v === undefined) continue;
      if (!isIsoDate(v)) e.fail(`"${k}" must be a real date YYYY-MM-DD (got ${v})`, e.field(k));
      entry[k] = v;
    }
    const precision = e.string('precision');
    if (precision !== undefined) {
      if (!PRECISIONS.includes(precision as Precision))
        e.fail(`"precision" must be one of ${PRECISIONS.join(', ')}`, e.field('precision'));
      entry.precision = precision as Precision;
    }
    const status = e.string('status');
    if (status !== undefined) {
      if (status !== 'happened' && status !== 'planned')
        e.fail('"status" must be happened or planned', e.field('status'));
      entry.status = status as EventStatus;
    }
    const hide = e.boolean('hide');
    if (hide !== undefined) entry.hide = hide;
    const into = e.string('mergeInto');
    if (into !== undefined) {
      if (!EVENT_ID.test(into)) e.fail(`"mergeInto" must be an event id`, e.field('mergeInto'));
      entry.mergeInto = into;
    }
    const split = e.field('split');
    if (split !== undefined) {
      if (!isSeq(split)) e.fail('"split" must be a list of { id, citations }', split);
      entry.split = split.items.map((item) => {
        const s: Entry = new Entry(file, item as Node);
        s.only(['id', 'citations', 'title']);
        const id = s.string('id', true);
        if (!SLUG.test(id)) s.fail(`split id "${id}" must be lower-case words joined by hyphens`, s.field('id'));
        const citations = s.strings('citations');
        if (citations.length === 0) s.fail('a split needs citations ("<source>#<sentence>")');
        for (const c of citations)
          if (!/^.+#\d+$/.test(c)) s.fail(`citation "${c}" must be "<source>#<sentence>"`, s.field('citations'));
        const t = s.string('title');
        return t === undefined ? { id, citations } : { id, citations, title: t };
      });
    }
    curation.events[key] = entry;
  }
  return curation;
}

/** Load content/curation.yaml (missing file = no curation); InputError naming file and line on bad data. */
export function loadCuration(path: string): Curation {
  if (!existsSync(path)) return { events: {} };
  return parseCuration(path);
}

/**
 * Previous events as they were before curation merged and split them. Ids are kept by matching an event's
 * citations with the previous events'.
 * - A merged event X is gone from the files, so its draft would get its natural id, which is often not X (an event
 *   keeps an old id when its title changes): the merge, keyed by X, would no longer apply, and X would come back.
 *   So the citations marked `mergedFrom: X` form X's record again (X's draft then keeps X), and leave the event
 *   that absorbed them. Merges through a chain (X into Y, Y into B) need nothing more: each citation names the
 *   event it first came from.
 * - A split part that took most of its parent's citations would otherwise take the parent's id on the next ingest,
 *   and the split (keyed by that id) would no longer apply. So each part's citations go back to the event it was
 *   split from (a part of a part, to the first), which keeps its own id.
 * Merges are undone first, as curation applied them last.
 */
export function beforeCuration<P extends { id: string; sources: readonly PreviousCitation[] }>(
  previous: readonly P[],
  curation: Curation,
): P[] {
  return beforeSplits(beforeMerges(previous), curation);
}

/** Citations marked `mergedFrom` back to the events they were merged from (`beforeCuration`). */
function beforeMerges<P extends { id: string; sources: readonly PreviousCitation[] }>(previous: readonly P[]): P[] {
  if (!previous.some((p) => p.sources.some((c) => c.mergedFrom !== undefined))) return [...previous];
  const out = new Map<string, P>();
  for (const p of previous)
    if (!out.has(p.id))
      out.set(
        p.id,
        p.sources.some((c) => c.mergedFrom !== undefined)
          ? { ...p, sources: p.sources.filter((c) => c.mergedFrom === undefined) }
          : p,
      );
  for (const p of previous)
    for (const c of p.sources) {
      const from = c.mergedFrom;
      if (from === undefined) continue;
      const had = out.get(from);
      // Title and date are the absorbing event's: id matching reads only ids and citations.
      if (had === undefined) out.set(from, { ...p, id: from, sources: [c] });
      else out.set(from, { ...had, sources: [...had.sources, c] });
    }
  return [...out.values()];
}

/** Split parts' citations back to the events they were split from (`beforeCuration`). */
function beforeSplits<P extends { id: string; sources: readonly PreviousCitation[] }>(
  previous: readonly P[],
  curation: Curation,
): P[] {
  const parentOf = new Map<string, string>();
  for (const [id, entry] of Object.entries(curation.events))
    for (const part of entry.split ?? []) if (part.id !== id) parentOf.set(part.id, id);
  if (parentOf.size === 0) return [...previous];
  const rootOf = (id: string): string => {
    const seen = new Set([id]);
    let at = id;
    for (let up = parentOf.get(at); up !== undefined && !seen.has(up); up = parentOf.get(at)) {
      seen.add(up);
      at = up;
    }
    return at;
  };
  const out = new Map<string, P>();
  // An event not split keeps its object (id matching in a resident ingest knows an unchanged event by it).
  for (const p of previous) if (!parentOf.has(p.id) && !out.has(p.id)) out.set(p.id, p);
  for (const p of previous) {
    if (!parentOf.has(p.id)) continue;
    const root = rootOf(p.id);
    const parent = out.get(root);
    if (parent === undefined) out.set(root, { ...p, id: root, sources: [...p.sources] });
    else out.set(root, { ...parent, sources: [...parent.sources, ...p.sources] });
  }
  return [...out.values()];
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/** Every id curation can change: the ids it names, the events merged into and the parts split off. */
export function curatedIds(curation: Curation): Set<string> {
  const out = new Set<string>();
  for (const [id, entry] of Object.entries(curation.events)) {
    out.add(id);
    if (entry.mergeInto !== undefined) out.add(entry.mergeInto);
    for (const part of entry.split ?? []) out.add(part.id);
  }
  return out;
}

/** Apply curation; `resummarise` rebuilds a body from citations. Returns the events, the hidden ones and unknown ids. */
export function applyCuration(
  events: readonly TimelineEvent[],
  curation: Curation,
  resummarise: (sources: readonly Citation[]) => string,
): { events: TimelineEvent[]; hidden: TimelineEvent[]; unused: string[] } {
  // Copies of the events curation may change, by id: every id looked up below is one of theirs. The others are
  // passed on as they are, without a lookup (events have one id each: `assignIds`).
  const touched = curatedIds(curation);
  const byId = new Map<string, TimelineEvent>();
  for (const e of events) if (touched.has(e.id)) byId.set(e.id, { ...e, sources: [...e.sources] });
  const ids = Object.keys(curation.events).sort();
  const unused = new Set<string>();
  for (const id of ids) if (!byId.has(id)) unused.add(id);
  // Split first: the new events can themselves be curated by their new ids.
  for (const id of ids) {
    const event = byId.get(id);
    const split = curation.events[id]?.split;
    if (event === undefined || split === undefined) continue;
    for (const part of split) {
      const keys = new Set(part.citations);
      const moved = event.sources.filter((c) => keys.has(`${c.source}#${c.sentence}`));
      if (moved.length === 0 || byId.has(part.id)) continue;
      event.sources = event.sources.filter((c) => !keys.has(`${c.source}#${c.sentence}`));
      byId.set(part.id, {
        ...event,
        id: part.id,
        title: part.title ?? event.title,
        sources: moved,
        summary: resummarise(moved),
      });
      event.summary = resummarise(event.sources);
    }
  }
  for (const id of ids) if (unused.has(id) && byId.has(id)) unused.delete(id);
  // Where each merged event went: a merge into an event merged already follows it (X into Y, Y into B: X goes to
  // B), whatever order the ids come in.
  const wentTo = new Map<string, string>();
  const current = (id: string): string => {
    let at = id;
    for (let next = wentTo.get(at); !byId.has(at) && next !== undefined; next = wentTo.get(at)) at = next;
    return at;
  };
  for (const id of ids) {
    const into = curation.events[id]?.mergeInto;
    const event = byId.get(id);
    if (into === undefined || event === undefined) continue;
    const to = current(into);
    const target = byId.get(to);
    if (target === undefined || to === id) {
      unused.add(into);
      continue;
    }
    const seen = new Set(target.sources.map((c) => `${c.source}#${c.sentence}`));
    // Each moved citation remembers the event it first came from (see beforeCuration).
    const moved = event.sources
      .filter((c) => !seen.has(`${c.source}#${c.sentence}`))
      .map((c) => (c.mergedFrom === undefined ? { ...c, mergedFrom: id } : c));
    target.sources = [...target.sources, ...moved];
    target.actors = union(target.actors, event.actors);
    target.places = union(target.places, event.places);
    target.topics = union(target.topics, event.topics);
    if (event.status === 'happened') target.status = 'happened';
    target.summary = resummarise(target.sources);
    byId.delete(id);
    wentTo.set(id, to);
  }
  const hidden: TimelineEvent[] = [];
  for (const id of ids) {
    const entry = curation.events[id];
    const event = byId.get(id);
    if (entry === undefined || event === undefined) continue;
    if (entry.title !== undefined) event.title = entry.title;
    if (entry.date !== undefined) event.date = entry.date;
    if (entry.precision !== undefined) event.precision = entry.precision;
    if (entry.end !== undefined) event.end = entry.end;
    else if (entry.date !== undefined && entry.precision === 'day') delete event.end;
    if (entry.status !== undefined) event.status = entry.status;
    if (entry.hide === true) {
      hidden.push(event);
      byId.delete(id);
    }
  }
  // In the given order, the curated ones as curation left them (merged and hidden ones gone), then split parts.
  const out: TimelineEvent[] = [];
  const placed = new Set<string>();
  for (const e of events) {
    if (!touched.has(e.id)) out.push(e);
    else if (!placed.has(e.id)) {
      placed.add(e.id);
      const curated = byId.get(e.id);
      if (curated !== undefined) out.push(curated);
    }
  }
  for (const [id, e] of byId) if (!placed.has(id)) out.push(e);
  return { events: out, hidden, unused: [...unused].sort() };
}
