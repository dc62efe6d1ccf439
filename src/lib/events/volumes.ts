/**
 * Volumes: a large timeline's sources, grouped by publication month, each built by the events stage on its own.
 *
 * Merging, anchoring and titles weigh words by how rare they are among the sentences they are compared with, and
 * search every document for anchors; over the whole corpus that makes one changed article change every weight,
 * so a re-ingest must redo everything. A volume (consecutive publication months holding at least
 * `VOLUME.minSources` sources) is built alone and cached by the ingest; one changed article rebuilds its volume.
 * A timeline smaller than two volumes is one volume: built exactly as a corpus-wide stage would.
 *
 * A happening reported in two volumes (the 31st reported on the 2nd; a war's start, recalled every month) is
 * joined afterwards, draft to draft: same dates, same kind of report, and enough weighty words in common.
 */
import { compareIso } from '../dates/calendar.ts';
import type { Citation, DateModifier, IsoDate, Precision, SegmentKind } from '../model.ts';
import { MERGE } from './merge.ts';
import { sidesConflict } from './similarity.ts';
import type { Tags } from './tagger.ts';
import type { LeftOut } from './types.ts';

/** Volume settings (documented in docs/events.md); tests lower `minSources` to build small corpora in volumes. */
export const VOLUME: { minSources: number; joinKeys: number } = {
  /** Fewest sources a volume holds (the last months join the volume before them rather than stand short). */
  minSources: 250,
  /** Words kept per draft for joining across volumes: the weightiest. */
  joinKeys: 24,
};

/**
 * The sources of each volume, as indexes into `published` (ascending), volumes in month order. Months are taken
 * whole, in order, until a volume holds `minSources`; a short remainder joins the last volume.
 */
export function partitionVolumes(published: readonly IsoDate[], minSources: number = VOLUME.minSources): number[][] {
  const byMonth = new Map<string, number[]>();
  published.forEach((date, i) => {
    const month = date.slice(0, 7);
    const list = byMonth.get(month);
    if (list === undefined) byMonth.set(month, [i]);
    else list.push(i);
  });
  const volumes: number[][] = [];
  let current: number[] = [];
  for (const month of [...byMonth.keys()].sort()) {
    current.push(...(byMonth.get(month) ?? []));
    if (current.length >= minSources) {
      volumes.push(current);
      current = [];
    }
  }
  const last = volumes.at(-1);
  if (current.length > 0 && last !== undefined) last.push(...current);
  else if (current.length > 0) volumes.push(current);
  return volumes.map((v) => v.sort((a, b) => a - b));
}

/** One sentence an event draft cites, with what the assembly needs of it. */
export interface DraftCite {
  citation: Citation;
  /** 0 dates the event, 1 names it (antecedent), 2 is context. */
  weight: number;
  tags: Tags;
  kind: SegmentKind;
  /** Publication date of its source. */
  published: IsoDate;
  /** The sentence the title was built from. */
  title?: true;
}

/** What joining across volumes compares of a draft (only drafts with a report that is not a mere mention have it). */
export interface JoinFacts {
  /** The weightiest keys of its reports' words and names, and what each weighs in its volume. */
  keys: string[];
  weights: number[];
  statement: boolean;
  briefing: boolean;
  /** Countries of the people its reports name as the sides meeting. */
  sides: string[];
  /** Countries its reports' subjects name. */
  subjects: string[];
}

/** An event before ids and curation: what one volume found, in a form the ingest can cache. */
export interface Draft {
  start: IsoDate;
  end: IsoDate;
  precision: Precision;
  modifier?: DateModifier;
  /** Planned reports of adjacent ranges merged: the event spans this. */
  span?: { start: IsoDate; end: IsoDate };
  /** Every report has it still to come. */
  planned: boolean;
  title: string;
  prefix: string;
  natural: string;
  /** Place of its first report in the volume's candidates (ties in the event order). */
  n: number;
  /** Sorted by publication, source and sentence. */
  cited: DraftCite[];
  join?: JoinFacts;
}

/** What the events stage made of one volume. */
export interface VolumeResult {
  /** Its sources in corpus order, with the name quotes are attributed to. */
  sources: Array<{ id: string; name: string }>;
  /** Dated clauses found, kept after anchors were resolved, and clusters merged from them. */
  candidates: number;
  kept: number;
  clusters: number;
  attached: number;
  drafts: Draft[];
  /** Sentences no draft took, with the reason the stage gave (in the order it gave them). */
  leftOut: LeftOut[];
  /** The volume's other sentences that no draft cites (`not-cited` or `unresolved-anchor`). */
  rest: LeftOut[];
  /** Sentences whose anchor ("the day after the talks") found no event: `[source, sentence]`. */
  unresolved: Array<[string, number]>;
}

/** A draft with its volume and its place in the corpus (the volume's offset plus its `n`). */
export interface PlacedDraft {
  draft: Draft;
  volume: number;
  n: number;
}

/** Each draft's weights by key, made once: a busy day compares every pair of its drafts. */
const keyWeights = new WeakMap<JoinFacts, Map<string, number>>();

function weightsOf(facts: JoinFacts): Map<string, number> {
  let map = keyWeights.get(facts);
  if (map === undefined) {
    map = new Map(facts.keys.map((k, i) => [k, facts.weights[i] ?? 0]));
    keyWeights.set(facts, map);
  }
  return map;
}

/** How strongly two drafts' words agree: each shared key counts its lesser weight. */
function agreement(a: JoinFacts, b: JoinFacts): number {
  const mine = weightsOf(a);
  let score = 0;
  b.keys.forEach((k, i) => {
    const w = mine.get(k);
    if (w !== undefined) score += Math.min(w, b.weights[i] ?? 0);
  });
  return score;
}

/** Each draft's sides as a set, made once: a busy day compares every pair of its drafts. */
const sideSets = new WeakMap<JoinFacts, Set<string>>();

function sidesOf(facts: JoinFacts): Set<string> {
  let set = sideSets.get(facts);
  if (set === undefined) {
    set = new Set(facts.sides);
    sideSets.set(facts, set);
  }
  return set;
}

/** Why two drafts of one date may not be one event whatever their words (the merge's own rules, draft to draft). */
function joinBlocked(a: JoinFacts, b: JoinFacts): boolean {
  if (a.statement !== b.statement || a.briefing !== b.briefing) return true;
  if (sidesConflict(sidesOf(a), sidesOf(b))) return true;
  return a.subjects.length > 0 && b.subjects.length > 0 && !a.subjects.some((s) => b.subjects.includes(s));
}

/** The draft that names a joined event: the one reported first (then the first in corpus order). */
function firstReported(a: PlacedDraft, b: PlacedDraft): number {
  return compareIso(a.draft.cited[0]?.published ?? '', b.draft.cited[0]?.published ?? '') || a.n - b.n;
}

/** Citations of several drafts in one list, in the order a single draft's are. */
function mergedCitations(drafts: readonly PlacedDraft[], lead: PlacedDraft): DraftCite[] {
  const out: DraftCite[] = [];
  for (const p of drafts)
    for (const c of p.draft.cited) {
      if (p === lead || c.title === undefined) out.push(c);
      else {
        const { title: _, ...plain } = c;
        out.push(plain);
      }
    }
  return out.sort(
    (a, b) =>
      compareIso(a.published, b.published) ||
      (a.citation.source < b.citation.source ? -1 : a.citation.source > b.citation.source ? 1 : 0) ||
      a.citation.sentence - b.citation.sentence,
  );
}

/** The drafts of one date key (range, precision, modifier) that may join: their places in the input. */
function joinGroups(drafts: readonly PlacedDraft[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  drafts.forEach((p, i) => {
    const d = p.draft;
    if (d.join === undefined || d.span !== undefined) return;
    const key = groupKey(d);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [i]);
    else list.push(i);
  });
  return groups;
}

/** Each draft's date key, made once (a resident ingest groups the same drafts run after run). */
const groupKeys = new WeakMap<Draft, string>();

function groupKey(d: Draft): string {
  let key = groupKeys.get(d);
  if (key === undefined) {
    key = `${d.start}|${d.end}|${d.precision}|${d.modifier ?? ''}`;
    groupKeys.set(d, key);
  }
  return key;
}

/** One joined event of a group: the member whose place it takes (the first), its lead, its draft, its members. */
interface GroupJoin {
  at: number;
  lead: number;
  draft: Draft;
  set: number[];
}

/** How one group of drafts joined, and what it was joined from (its drafts, and the shape of their places). */
interface JoinedGroup {
  members: Draft[];
  shape: string;
  joins: GroupJoin[];
}

/**
 * Joined groups of the last assembly, by date key: a resident ingest joins only the groups whose drafts changed
 * (an unchanged group also keeps its joined drafts, and with them the events made of them).
 */
export type JoinMemo = Map<string, JoinedGroup>;

/**
 * Of a group's members (input order) all that joining reads besides the drafts: which share a volume, and the order
 * of their corpus places (ties and the lead). Places shift when an earlier volume changes; this does not.
 */
function shapeOf(members: readonly PlacedDraft[]): string {
  const volumes = members.map((p) => members.findIndex((q) => q.volume === p.volume));
  const order = members.map((_, k) => k).sort((a, b) => (members[a] as PlacedDraft).n - (members[b] as PlacedDraft).n);
  return `${volumes.join(',')}|${order.join(',')}`;
}

/** Join one group's drafts (all of one date key, input order): strongest agreeing pairs first, by union–find. */
function joinGroup(members: readonly PlacedDraft[]): Omit<JoinedGroup, 'members' | 'shape'> {
  const edges: Array<{ a: number; b: number; score: number }> = [];
  for (let x = 0; x < members.length; x++)
    for (let y = x + 1; y < members.length; y++) {
      const a = members[x] as PlacedDraft;
      const b = members[y] as PlacedDraft;
      if (a.volume === b.volume) continue;
      const fa = a.draft.join as JoinFacts;
      const fb = b.draft.join as JoinFacts;
      if (joinBlocked(fa, fb)) continue;
      const score = agreement(fa, fb);
      if (score >= MERGE.score) edges.push({ a: x, b: y, score });
    }
  if (edges.length === 0) return { joins: [] };
  // Strongest first; ties by corpus place, so that the input's order does not matter.
  const nOf = (i: number) => (members[i] as PlacedDraft).n;
  const low = (e: { a: number; b: number }) => Math.min(nOf(e.a), nOf(e.b));
  const high = (e: { a: number; b: number }) => Math.max(nOf(e.a), nOf(e.b));
  edges.sort((e, f) => f.score - e.score || low(e) - low(f) || high(e) - high(f));
  // Union–find over the members; a root is its set's first member, and remembers the volumes the set holds.
  const parent = members.map((_, i) => i);
  const volumesOf = members.map((p) => new Set([p.volume]));
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  for (const { a, b } of edges) {
    const ra = root(a);
    const rb = root(b);
    if (ra === rb) continue;
    const va = volumesOf[ra] as Set<number>;
    const vb = volumesOf[rb] as Set<number>;
    if ([...vb].some((v) => va.has(v))) continue;
    const [keep, gone] = ra < rb ? [ra, rb] : [rb, ra];
    parent[gone] = keep;
    for (const v of volumesOf[gone] as Set<number>) (volumesOf[keep] as Set<number>).add(v);
  }
  const sets = new Map<number, number[]>();
  members.forEach((_, i) => {
    const r = root(i);
    const list = sets.get(r);
    if (list === undefined) sets.set(r, [i]);
    else list.push(i);
  });
  const joins: GroupJoin[] = [];
  for (const [at, set] of sets) {
    if (set.length === 1) continue;
    const group = set.map((i) => members[i] as PlacedDraft);
    const lead = [...group].sort(firstReported)[0] as PlacedDraft;
    const draft: Draft = {
      ...lead.draft,
      planned: group.every((g) => g.draft.planned),
      cited: mergedCitations(group, lead),
    };
    joins.push({ at, lead: members.indexOf(lead), draft, set });
  }
  return { joins };
}

/** A joined draft's members (lead first, then input order), for its identity (`assembleEvents`). */
export type JoinedFrom = Map<Draft, readonly PlacedDraft[]>;

/**
 * Drafts of different volumes that report one happening, joined: same range, precision and modifier, none a
 * planned span, not blocked, and agreeing by `MERGE.score`. Pairs are taken strongest first; a pair whose groups
 * already hold a draft of the same volume is left apart (its volume kept them apart for a reason). The result is in
 * the input's order; `absorbed` counts drafts folded into another, `from` names each joined draft's members. With
 * a `memo` (the last call's groups; refilled with this call's), a group of the same drafts in the same shape is not
 * joined again.
 */
export function joinVolumes(
  drafts: readonly PlacedDraft[],
  memo?: JoinMemo,
): { drafts: PlacedDraft[]; absorbed: number; from: JoinedFrom } {
  const joinedAt = new Map<number, { draft: Draft; lead: number }>();
  const gone = new Set<number>();
  const from: JoinedFrom = new Map();
  const kept: JoinMemo = new Map();
  let absorbed = 0;
  for (const [key, list] of joinGroups(drafts)) {
    if (list.length < 2) continue;
    const members = list.map((i) => drafts[i] as PlacedDraft);
    const shape = shapeOf(members);
    const last = memo?.get(key);
    const same =
      last !== undefined &&
      last.shape === shape &&
      last.members.length === members.length &&
      last.members.every((d, k) => d === (members[k] as PlacedDraft).draft);
    const group = same ? last : { members: members.map((p) => p.draft), shape, ...joinGroup(members) };
    kept.set(key, group);
    for (const j of group.joins) {
      joinedAt.set(list[j.at] as number, { draft: j.draft, lead: list[j.lead] as number });
      absorbed += j.set.length - 1;
      // The others of its set are folded into it.
      for (const k of j.set) if (k !== j.at) gone.add(list[k] as number);
      const order = [j.lead, ...j.set.filter((k) => k !== j.lead)];
      from.set(
        j.draft,
        order.map((k) => members[k] as PlacedDraft),
      );
    }
  }
  if (memo !== undefined) {
    memo.clear();
    for (const [k, v] of kept) memo.set(k, v);
  }
  if (joinedAt.size === 0) return { drafts: [...drafts], absorbed: 0, from };
  const out: PlacedDraft[] = [];
  drafts.forEach((p, i) => {
    if (gone.has(i)) return;
    const joined = joinedAt.get(i);
    if (joined === undefined) out.push(p);
    else {
      const lead = drafts[joined.lead] as PlacedDraft;
      out.push({ draft: joined.draft, volume: lead.volume, n: lead.n });
    }
  });
  return { drafts: out, absorbed, from };
}
