/**
 * Step 3: one event per real-world happening. Candidates join a cluster when their date ranges
 * overlap and they share enough rare terms and names. Clusters are found through an index by day and
 * key (merge-index.ts), so the work grows with the clusters that share a weighty key on a candidate's days,
 * not with all pairs of sources nor with every cluster of its days. Which of two equally good clusters wins
 * is still decided as a month-by-month scan would (see `months`).
 */
import { compareIso } from '../dates/calendar.ts';
import type { IsoDate, Precision } from '../model.ts';
import { dayNumber, daysMeet, isoOfDay, monthNumber } from './day-index.ts';
import { KeyedDayIndex, signature } from './merge-index.ts';
import { keyOf, sides, sidesConflict, weighBag, weightedOverlap } from './similarity.ts';
import type { Bag, WeightedBag, Weights } from './similarity.ts';
import type { Candidate } from './types.ts';
import { WORK_STATS } from './work-stats.ts';

/** Tunable thresholds of merging (documented in docs/events.md). */
export const MERGE = {
  /** Least overlap of terms and names for two reports of one event. */
  score: 7,
  /** Least overlap for a mention ("Sunday’s talks") to join an event of its date. */
  mention: 2.5,
  /** Least overlap for a vaguer report whose range holds the event's ("in 2022" for "in February 2022"). */
  contained: 5,
  /** Planned events are dated loosely ("next week" said on two days): such ranges may be this far apart… */
  plannedGapDays: 7,
  /** …when the reports agree this strongly. */
  plannedScore: 12,
} as const;

export const PRECISION_RANK: Readonly<Record<Precision, number>> = { day: 0, week: 1, month: 2, season: 3, year: 4 };

/** Verbs of an activity that goes on over the clause's range rather than happening once in it. */
export const DURATIVE =
  /\b(?:continu(?:ed|es|e|ing)|kept up|keeps up|pressed (?:ahead|on)|carried on|stepped up|ongoing)\b/i;

/** A group of candidates that report one event, with the range they all share. */
export interface Cluster {
  members: Candidate[];
  start: string;
  end: string;
  /** Planned reports of adjacent ranges merged: the event spans their union. */
  union?: boolean;
}

/** What merging needs to know of each candidate. */
export interface MergeInput {
  candidate: Candidate;
  /** Clause, antecedents and attached sentences. */
  bag: Bag;
  /** Clause and antecedents only: who the event is between. */
  core: Bag;
  /** The one country the clause's subject names ("Russia bombarded …"), if any: attackers must agree. */
  subjectSide?: string;
  /** People the clause names as actors (not possessives): a vaguer report may add none. */
  actors: ReadonlySet<string>;
  /** For a mention: the key of the noun it names ("talk" for "Sunday’s talks"); the event joined must share it. */
  head?: string;
}

/** The range merging compares: a month with early/mid/late narrowed to its thirds ("mid-November" is not Nov 30). */
export function comparableRange(c: Pick<Candidate, 'start' | 'end' | 'precision' | 'modifier'>): {
  start: string;
  end: string;
} {
  if (c.precision !== 'month' || c.modifier === undefined) return { start: c.start, end: c.end };
  const month = c.start.slice(0, 8);
  if (c.modifier === 'early') return { start: c.start, end: `${month}10` };
  if (c.modifier === 'mid') return { start: `${month}11`, end: `${month}20` };
  if (c.modifier === 'late') return { start: `${month}21`, end: c.end };
  return { start: c.start, end: c.end };
}

/**
 * The month buckets the placement scan of a range visited, as month numbers: from the first month of
 * `start` to that of `end`, at most 36 (this span and its cap decide which of two equal matches wins).
 */
function monthSpan(start: string, end: string): [number, number] {
  const first = monthNumber(start);
  return [first, Math.max(first, Math.min(monthNumber(end), first + 35))];
}

/** Order in which candidates are placed: most precise first, so clusters start tight. */
export function mergeOrder(a: Candidate, b: Candidate): number {
  return (
    PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision] ||
    compareIso(a.start, b.start) ||
    compareIso(a.end, b.end) ||
    a.n - b.n
  );
}

/** An input with its bags weighed once: placing and joining compare them millions of times. */
type Placed = MergeInput & {
  weighedBag: WeightedBag;
  weighedCore: WeightedBag;
  /** `signature(bag, MERGE.score)`, once made: placing and joining both ask for it. */
  scoreSignature?: string[];
};

/** The keys a bag overlapping `x`'s by `MERGE.score` must share (see `signature`). */
function scoreSignature(x: Placed, w: Weights): string[] {
  x.scoreSignature ??= signature(x.bag, MERGE.score, w);
  return x.scoreSignature;
}

type Working = Cluster & {
  inputs: Placed[];
  sides: Set<string>;
  sentences: Set<string>;
  subjects: Set<string>;
  actors: Set<string>;
  /** The first member that is not a mention (members are only appended, so it never changes once set). */
  solid: Candidate | undefined;
  finest: number;
  /** `start` and `end` as day numbers. */
  s: number;
  e: number;
  /** Month buckets the cluster is listed in, ascending, each with the moment it was listed (ties go to the earliest). */
  months: Array<[month: number, listed: number]>;
};

/** Set a cluster's range (strings and day numbers together). */
function setRange(k: Working, start: IsoDate, end: IsoDate): void {
  k.start = start;
  k.end = end;
  k.s = dayNumber(start);
  k.e = dayNumber(end);
}

/** List the cluster in the months of its range it is not yet listed in. */
function listMonths(k: Working, listed: number): void {
  const [first, last] = monthSpan(k.start, k.end);
  const have = new Set(k.months.map(([m]) => m));
  let added = false;
  for (let m = first; m <= last; m++) {
    if (have.has(m)) continue;
    k.months.push([m, listed]);
    added = true;
  }
  if (added) k.months.sort((a, b) => a[0] - b[0]);
}

/** Where a month-by-month scan of months `first`–`last` meets the cluster first (bucket order), or undefined. */
function scanPosition(k: Working, first: number, last: number): [number, number] | undefined {
  for (const entry of k.months) if (entry[0] >= first && entry[0] <= last) return entry;
  return undefined;
}

/** True when position `a` comes before `b` in a month-by-month scan. */
function scannedBefore(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

/** Why a candidate may not join a cluster even when their words agree. */
function blocked(
  input: Placed,
  k: Working,
  mySides: ReadonlySet<string>,
  sentenceKey: string,
  durative: boolean,
): boolean {
  const c = input.candidate;
  if (k.sentences.has(sentenceKey)) return true;
  if (sidesConflict(mySides, k.sides)) return true;
  // What someone said (when the saying is the news) is not the happening it talks about.
  const solid = k.solid;
  if (!c.mention && solid !== undefined && solid.statement !== c.statement) return true;
  // A report about the talks ("X reported on the parameters") is not a remark quoted ("X said that …").
  if (!c.mention && solid !== undefined && (solid.briefing === true) !== (c.briefing === true)) return true;
  // "Sunday’s talks" names a happening, not what someone said about it.
  if (c.mention && solid?.statement === true) return true;
  // "Russia bombarded …" and "Ukraine struck …" on one day are two events.
  if (input.subjectSide !== undefined && k.subjects.size > 0 && !k.subjects.has(input.subjectSide)) return true;
  // "Russian forces this week continued their attacks": a week of ongoing activity is not one day's attack.
  if (PRECISION_RANK[c.precision] > k.finest && !c.mention && durative) return true;
  // A vaguer report ("sometime next week") that names someone the precise one never does is another event.
  if (PRECISION_RANK[c.precision] > k.finest && !c.mention)
    for (const a of input.actors) if (!k.actors.has(a)) return true;
  return false;
}

/** The same speaker's sayings in one range are one statement. */
function sameSpeaker(c: Candidate, k: Working): boolean {
  const who = c.saying?.speakerSlug;
  return c.statement && who !== undefined && k.members.some((m) => m.statement && m.saying?.speakerSlug === who);
}

/** The best overlap of any two solid (non-mention) reports of two clusters, stopping once it is enough to join. */
function bestPairScore(a: Working, b: Working): number {
  let score = 0;
  for (const x of a.inputs) {
    if (x.candidate.mention) continue;
    for (const y of b.inputs) {
      if (y.candidate.mention) continue;
      score = Math.max(score, weightedOverlap(x.weighedBag, y.weighedBag));
      if (score >= MERGE.score) return score;
    }
  }
  return score;
}

/** Why two clusters of meeting ranges may not join, before their words are compared. */
function joinBlocked(a: Working, b: Working): boolean {
  if (b.union === true || a.finest !== b.finest || sidesConflict(a.sides, b.sides)) return true;
  if (
    a.members.some(
      (m) =>
        !m.mention &&
        b.members.some(
          (n) => !n.mention && (n.statement !== m.statement || (n.briefing === true) !== (m.briefing === true)),
        ),
    )
  )
    return true;
  if (a.subjects.size > 0 && b.subjects.size > 0 && !someIn(b.subjects, a.subjects)) return true;
  return someIn(b.sentences, a.sentences);
}

/** True when `set` holds some item of `items` (no array copy: this runs for every pair of clusters compared). */
function someIn(items: Iterable<string>, set: ReadonlySet<string>): boolean {
  for (const x of items) if (set.has(x)) return true;
  return false;
}

/** Fold cluster `b` into `a`: members, keys and the range they share. */
function absorb(a: Working, b: Working): void {
  a.members.push(...b.members);
  a.inputs.push(...b.inputs);
  a.solid ??= b.solid;
  for (const x of b.sentences) a.sentences.add(x);
  for (const x of b.sides) a.sides.add(x);
  for (const x of b.subjects) a.subjects.add(x);
  for (const x of b.actors) a.actors.add(x);
  setRange(a, compareIso(b.start, a.start) > 0 ? b.start : a.start, compareIso(b.end, a.end) < 0 ? b.end : a.end);
}

/**
 * Test hook: look at every cluster instead of those the key index finds. The index must never change a result;
 * tests run both ways on random inputs, so a new rule that lets clusters join without shared keys shows up there.
 */
export const MERGE_SEARCH = { exhaustive: false };

/** Every cluster id (the exhaustive search). */
const everyId = (clusters: readonly unknown[]) => clusters.map((_, i) => i);

/** Solid (non-mention) members' bag keys: what a join's `bestPairScore` compares. */
function solidKeys(k: Working): string[] {
  const out: string[] = [];
  for (const x of k.inputs) if (!x.candidate.mention) for (const key of x.bag) out.push(key);
  return out;
}

/**
 * Greedy placement depends on who came first: two clusters of one event ("head to Russia on Monday"
 * and "travel to Moscow on Monday") join when some pair of their reports agrees. Removes joined clusters in place.
 * Passes repeat until nothing joins. Each cluster meets only later clusters whose range meets its own and that
 * share a key its solid reports' overlap of `MERGE.score` must touch (an index per finest precision, by day and
 * key: only clusters of the same finest precision join, and joining keeps it); after the first pass only pairs
 * where either side changed since the last look are compared again (an unchanged pair cannot start to agree).
 */
function joinClusters(clusters: Working[], w: Weights): void {
  // Ranges only narrow while joining: the ranges indexed now hold every later one. Planned unions never join.
  const all = new Map<number, KeyedDayIndex>();
  const list = (i: number, keys: Iterable<string>, into = all) => {
    const k = clusters[i];
    if (k === undefined || k.union === true) return;
    let index = into.get(k.finest);
    if (index === undefined) {
      index = new KeyedDayIndex();
      into.set(k.finest, index);
    }
    index.add(i, keys, k.s, k.e);
  };
  for (let i = 0; i < clusters.length; i++) list(i, solidKeys(clusters[i] as Working));
  // Each cluster's query keys, kept between looks: inputs are only appended, so only new ones are added.
  const queried = new Map<Working, { keys: Set<string>; upto: number }>();
  const queryKeys = (a: Working): Set<string> => {
    let q = queried.get(a);
    if (q === undefined) {
      q = { keys: new Set(), upto: 0 };
      queried.set(a, q);
    }
    for (; q.upto < a.inputs.length; q.upto++) {
      const x = a.inputs[q.upto] as Placed;
      if (x.candidate.mention) continue;
      for (const k of scoreSignature(x, w)) q.keys.add(k);
    }
    return q.keys;
  };
  const gone = new Set<number>();
  // A clock that ticks on every join: when each cluster last changed, and when its last scan began.
  let clock = 0;
  const changedAt = clusters.map(() => 0);
  const scannedAt = clusters.map(() => -1);
  // Clusters changed since the previous pass began: the only partners an unchanged cluster must look at again.
  let dirty: Set<number> | undefined;
  // The dirty clusters alone, indexed as they are at the start of the pass. A dirty partner of a later scan is
  // unchanged when it is looked for (it changes only when its own scan comes), so this index finds every dirty
  // partner whose range meets and that shares a key, as `all` does, and few others.
  let dirtyIndex = new Map<number, KeyedDayIndex>();
  const later = (a: Working, after: number, since: number, onlyDirty: boolean): number[] => {
    const index = (onlyDirty ? dirtyIndex : all).get(a.finest);
    const near = MERGE_SEARCH.exhaustive ? everyId(clusters) : (index?.find(queryKeys(a), a.s, a.e) ?? []);
    WORK_STATS.joins += near.length;
    return near
      .filter((j) => j > after && !gone.has(j) && (changedAt[j] ?? 0) > since && (!onlyDirty || dirty?.has(j) === true))
      .sort((x, y) => x - y);
  };
  let passStart = -1;
  for (let changed = true; changed; ) {
    changed = false;
    dirty = new Set();
    if (passStart >= 0)
      for (let i = 0; i < clusters.length; i++)
        if (!gone.has(i) && clusters[i]?.union !== true && (changedAt[i] ?? 0) > passStart) dirty.add(i);
    dirtyIndex = new Map();
    for (const i of dirty) list(i, solidKeys(clusters[i] as Working), dirtyIndex);
    passStart = clock;
    for (let i = 0; i < clusters.length; i++) {
      const a = clusters[i];
      if (a === undefined || gone.has(i) || a.union === true) continue;
      const since = scannedAt[i] ?? -1;
      scannedAt[i] = clock;
      const fresh = since < 0 || (changedAt[i] ?? 0) > since;
      let partners = fresh ? later(a, i, -1, false) : later(a, i, since, true);
      for (let x = 0; x < partners.length; x++) {
        const j = partners[x] as number;
        const b = clusters[j];
        if (b === undefined || !daysMeet(a.s, a.e, b.s, b.e, 0) || joinBlocked(a, b)) continue;
        if (bestPairScore(a, b) < MERGE.score) continue;
        const added = solidKeys(b);
        absorb(a, b);
        list(i, added);
        gone.add(j);
        clock += 1;
        changedAt[i] = clock;
        changed = true;
        // `a` changed (and holds new keys): every later partner is worth a look again.
        partners = later(a, j, -1, false);
        x = -1;
      }
    }
  }
  let kept = 0;
  for (let i = 0; i < clusters.length; i++) {
    const k = clusters[i];
    if (k !== undefined && !gone.has(i)) clusters[kept++] = k;
  }
  clusters.length = kept;
}

/** The key a statement's speaker is listed under: the same speaker's sayings join without shared words. */
function speakerKey(c: Candidate): string | undefined {
  const who = c.saying?.speakerSlug;
  return c.statement && who !== undefined ? `\u0000speaker:${who}` : undefined;
}

/** The keys a cluster is listed under for a member: its bag (which holds its core) and its speaker. */
function listingKeys(input: MergeInput): string[] {
  const speaker = speakerKey(input.candidate);
  return speaker === undefined ? [...input.bag] : [...input.bag, speaker];
}

/**
 * The keys of which a cluster must hold one for `input` to join it (the placement loop below still checks
 * everything): a mention with a noun needs the noun; anything else needs the least overlap it may join with, so
 * one of the signature keys of its bag (compared with clusters no finer than it) or of its core (compared with finer
 * clusters, `vaguer` below), unless its speaker's sayings are there already.
 */
function placementKeys(input: Placed, w: Weights): Set<string> {
  const c = input.candidate;
  if (c.mention && input.head !== undefined) return new Set([keyOf('t', input.head)]);
  // Only a vaguer report's core may join by `MERGE.contained`; its bag needs an exact or a planned match.
  const bagLeast = c.mention ? MERGE.mention : Math.min(MERGE.score, MERGE.plannedScore);
  const coreLeast = c.mention ? MERGE.mention : Math.min(MERGE.contained, MERGE.score, MERGE.plannedScore);
  const keys = new Set(bagLeast === MERGE.score ? scoreSignature(input, w) : signature(input.bag, bagLeast, w));
  // No cluster is finer than a day: a day's core is never compared.
  if (PRECISION_RANK[c.precision] > 0) for (const k of signature(input.core, coreLeast, w)) keys.add(k);
  const speaker = speakerKey(c);
  if (speaker !== undefined) keys.add(speaker);
  return keys;
}

/** Cluster the candidates; the result is in placement order and deterministic. */
export function mergeCandidates(inputs: readonly MergeInput[], w: Weights): Cluster[] {
  // Mentions ("Sunday’s talks") go last: they join the event their date holds rather than found one.
  const sorted = inputs
    .map((x): Placed => ({ ...x, weighedBag: weighBag(x.bag, w), weighedCore: weighBag(x.core, w) }))
    .sort((a, b) => Number(a.candidate.mention) - Number(b.candidate.mention) || mergeOrder(a.candidate, b.candidate));
  const clusters: Working[] = [];
  // Clusters by the days their ranges cover and by key: a candidate looks only at clusters it could join (see
  // placementKeys). Ties between equally good clusters go to the one a month-by-month scan of the candidate's range
  // meets first (`months`), so the result depends neither on the index nor on the order clusters are looked at.
  const index = new KeyedDayIndex();
  let listed = 0;
  for (const input of sorted) {
    const c = input.candidate;
    const r = comparableRange(c);
    const rs = dayNumber(r.start);
    const re = dayNumber(r.end);
    const mySides = sides(input.core, w);
    const sentenceKey = `${c.info.doc}:${c.info.sentence}`;
    const durative = DURATIVE.test(c.clause);
    const headKey = c.mention && input.head !== undefined ? keyOf('t', input.head) : undefined;
    let best = -1;
    let bestScore = 0;
    let bestLoose = false;
    let bestAt: [number, number] = [0, 0];
    const slack = c.planned && c.precision !== 'day' ? MERGE.plannedGapDays : 0;
    const [firstMonth, lastMonth] = monthSpan(isoOfDay(rs - slack), isoOfDay(re + slack));
    const near = MERGE_SEARCH.exhaustive
      ? everyId(clusters)
      : index.find(placementKeys(input, w), rs - slack, re + slack);
    WORK_STATS.placements += near.length;
    for (const i of near) {
      const k = clusters[i];
      if (k === undefined || !daysMeet(rs, re, k.s, k.e, slack)) continue;
      const at = scanPosition(k, firstMonth, lastMonth);
      if (at === undefined) continue;
      const exact = daysMeet(rs, re, k.s, k.e, 0);
      const loose = !exact && slack > 0 && k.inputs.every((m) => m.candidate.planned);
      if (!exact && !loose) continue;
      const vaguer = PRECISION_RANK[c.precision] > k.finest;
      const mine = vaguer ? input.weighedCore : input.weighedBag;
      let score = 0;
      for (const m of k.inputs) score = Math.max(score, weightedOverlap(mine, vaguer ? m.weighedCore : m.weighedBag));
      if (exact && sameSpeaker(c, k)) score += MERGE.score;
      const holds = vaguer && rs <= k.s && re >= k.e;
      // A mention that names the event's own noun needs nothing more; one without a noun needs some overlap.
      const needed =
        c.mention && exact
          ? input.head !== undefined
            ? 0
            : MERGE.mention
          : holds
            ? MERGE.contained
            : exact
              ? MERGE.score
              : MERGE.plannedScore;
      if (score < needed || score < bestScore || score <= 0) continue;
      // The rules below turn away few of the clusters the words above let through: they run second.
      if (blocked(input, k, mySides, sentenceKey, durative)) continue;
      if (headKey !== undefined && !k.inputs.some((m) => m.bag.has(headKey))) continue;
      if (score > bestScore || scannedBefore(at, bestAt)) {
        best = i;
        bestScore = score;
        bestLoose = loose;
        bestAt = at;
      }
    }
    const target = clusters[best];
    const subjects = input.subjectSide === undefined ? [] : [input.subjectSide];
    if (target === undefined) {
      const k: Working = {
        members: [c],
        inputs: [input],
        start: r.start,
        end: r.end,
        sides: mySides,
        sentences: new Set([sentenceKey]),
        subjects: new Set(subjects),
        actors: new Set(input.actors),
        solid: c.mention ? undefined : c,
        finest: PRECISION_RANK[c.precision],
        s: rs,
        e: re,
        months: [],
      };
      clusters.push(k);
      listMonths(k, listed++);
      index.add(clusters.length - 1, listingKeys(input), rs, re);
      continue;
    }
    target.members.push(c);
    target.inputs.push(input);
    if (!c.mention) target.solid ??= c;
    index.add(best, listingKeys(input), target.s, target.e);
    target.sentences.add(sentenceKey);
    for (const s of mySides) target.sides.add(s);
    for (const s of subjects) target.subjects.add(s);
    for (const a of input.actors) target.actors.add(a);
    target.finest = Math.min(target.finest, PRECISION_RANK[c.precision]);
    if (bestLoose) {
      // Two planned reports a week apart ("next week" said on two days): the event spans both.
      setRange(
        target,
        compareIso(r.start, target.start) < 0 ? r.start : target.start,
        compareIso(r.end, target.end) > 0 ? r.end : target.end,
      );
      target.union = true;
      listMonths(target, listed++);
      for (const m of target.inputs) index.add(best, listingKeys(m), target.s, target.e);
    } else if (!target.union && daysMeet(rs, re, target.s, target.e, 0)) {
      // The shared range narrows to what every report allows.
      setRange(
        target,
        compareIso(r.start, target.start) > 0 ? r.start : target.start,
        compareIso(r.end, target.end) < 0 ? r.end : target.end,
      );
    }
  }
  joinClusters(clusters, w);
  return clusters.map(({ members, start, end, union }) =>
    union === true ? { members, start, end, union } : { members, start, end },
  );
}
