/**
 * Step 3: one event per real-world happening. Candidates join a cluster when their date ranges
 * overlap and they share enough rare terms and names; clusters are found through month buckets,
 * so the work grows with the candidates of a month, not with all pairs of sources.
 */
import { addDays, compareIso } from '../dates/calendar.ts';
import type { Precision } from '../model.ts';
import { overlap, sides, sidesConflict } from './similarity.ts';
import type { Bag, Weights } from './similarity.ts';
import type { Candidate } from './types.ts';

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

function monthKeys(start: string, end: string): string[] {
  const out: string[] = [];
  let y = Number(start.slice(0, 4));
  let m = Number(start.slice(5, 7));
  const last = end.slice(0, 7);
  for (let i = 0; i < 36; i++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

function rangesMeet(aStart: string, aEnd: string, bStart: string, bEnd: string, slackDays: number): boolean {
  return compareIso(aStart, addDays(bEnd, slackDays)) <= 0 && compareIso(bStart, addDays(aEnd, slackDays)) <= 0;
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

type Working = Cluster & {
  inputs: MergeInput[];
  sides: Set<string>;
  sentences: Set<string>;
  subjects: Set<string>;
  actors: Set<string>;
  finest: number;
};

/** Why a candidate may not join a cluster even when their words agree. */
function blocked(input: MergeInput, k: Working, mySides: ReadonlySet<string>): boolean {
  const c = input.candidate;
  if (k.sentences.has(`${c.info.doc}:${c.info.sentence}`)) return true;
  if (sidesConflict(mySides, k.sides)) return true;
  // What someone said (when the saying is the news) is not the happening it talks about.
  const solid = k.members.find((m) => !m.mention);
  if (!c.mention && solid !== undefined && solid.statement !== c.statement) return true;
  // A report about the talks ("X reported on the parameters") is not a remark quoted ("X said that …").
  if (!c.mention && solid !== undefined && (solid.briefing === true) !== (c.briefing === true)) return true;
  // "Sunday’s talks" names a happening, not what someone said about it.
  if (c.mention && solid?.statement === true) return true;
  // "Russia bombarded …" and "Ukraine struck …" on one day are two events.
  if (input.subjectSide !== undefined && k.subjects.size > 0 && !k.subjects.has(input.subjectSide)) return true;
  // "Russian forces this week continued their attacks": a week of ongoing activity is not one day's attack.
  if (PRECISION_RANK[c.precision] > k.finest && !c.mention && DURATIVE.test(c.clause)) return true;
  // A vaguer report ("sometime next week") that names someone the precise one never does is another event.
  if (PRECISION_RANK[c.precision] > k.finest && !c.mention && [...input.actors].some((a) => !k.actors.has(a)))
    return true;
  return false;
}

/** The same speaker's sayings in one range are one statement. */
function sameSpeaker(c: Candidate, k: Working): boolean {
  const who = c.saying?.speakerSlug;
  return c.statement && who !== undefined && k.members.some((m) => m.statement && m.saying?.speakerSlug === who);
}

/**
 * Greedy placement depends on who came first: two clusters of one event ("head to Russia on Monday"
 * and "travel to Moscow on Monday") join when some pair of their reports agrees. Removes joined clusters in place.
 */
function joinClusters(clusters: Working[], buckets: ReadonlyMap<string, number[]>, w: Weights): void {
  const gone = new Set<number>();
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < clusters.length; i++) {
      const a = clusters[i];
      if (a === undefined || gone.has(i)) continue;
      const near = new Set<number>();
      for (const key of monthKeys(a.start, a.end))
        for (const j of buckets.get(key) ?? []) if (j > i && !gone.has(j)) near.add(j);
      for (const j of [...near].sort((x, y) => x - y)) {
        const b = clusters[j];
        if (b === undefined || !rangesMeet(a.start, a.end, b.start, b.end, 0) || a.union === true || b.union === true)
          continue;
        if (a.finest !== b.finest || sidesConflict(a.sides, b.sides)) continue;
        if (
          a.members.some(
            (m) =>
              !m.mention &&
              b.members.some(
                (n) => !n.mention && (n.statement !== m.statement || (n.briefing === true) !== (m.briefing === true)),
              ),
          )
        )
          continue;
        if (a.subjects.size > 0 && b.subjects.size > 0 && ![...b.subjects].some((x) => a.subjects.has(x))) continue;
        if ([...b.sentences].some((x) => a.sentences.has(x))) continue;
        const solid = (m: MergeInput) => !m.candidate.mention;
        let score = 0;
        for (const x of a.inputs.filter(solid))
          for (const y of b.inputs.filter(solid)) score = Math.max(score, overlap(x.bag, y.bag, w));
        if (score < MERGE.score) continue;
        a.members.push(...b.members);
        a.inputs.push(...b.inputs);
        for (const x of b.sentences) a.sentences.add(x);
        for (const x of b.sides) a.sides.add(x);
        for (const x of b.subjects) a.subjects.add(x);
        for (const x of b.actors) a.actors.add(x);
        if (compareIso(b.start, a.start) > 0) a.start = b.start;
        if (compareIso(b.end, a.end) < 0) a.end = b.end;
        gone.add(j);
        changed = true;
      }
    }
  }
  for (const j of [...gone].sort((x, y) => y - x)) clusters.splice(j, 1);
}

/** Cluster the candidates; the result is in placement order and deterministic. */
export function mergeCandidates(inputs: readonly MergeInput[], w: Weights): Cluster[] {
  // Mentions ("Sunday’s talks") go last: they join the event their date holds rather than found one.
  const sorted = [...inputs].sort(
    (a, b) => Number(a.candidate.mention) - Number(b.candidate.mention) || mergeOrder(a.candidate, b.candidate),
  );
  const clusters: Working[] = [];
  const buckets = new Map<string, number[]>();
  for (const input of sorted) {
    const c = input.candidate;
    const r = comparableRange(c);
    const mySides = sides(input.core, w);
    const sentenceKey = `${c.info.doc}:${c.info.sentence}`;
    const seen = new Set<number>();
    let best = -1;
    let bestScore = 0;
    let bestLoose = false;
    const slack = c.planned && c.precision !== 'day' ? MERGE.plannedGapDays : 0;
    for (const key of monthKeys(addDays(r.start, -slack), addDays(r.end, slack))) {
      for (const i of buckets.get(key) ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        const k = clusters[i];
        if (k === undefined) continue;
        const exact = rangesMeet(r.start, r.end, k.start, k.end, 0);
        const loose =
          !exact &&
          slack > 0 &&
          k.inputs.every((m) => m.candidate.planned) &&
          rangesMeet(r.start, r.end, k.start, k.end, slack);
        if (!exact && !loose) continue;
        if (blocked(input, k, mySides)) continue;
        if (c.mention && input.head !== undefined && !k.inputs.some((m) => m.bag.has(`t:${input.head}`))) continue;
        const vaguer = PRECISION_RANK[c.precision] > k.finest;
        let score = Math.max(
          ...k.inputs.map((m) => overlap(vaguer ? input.core : input.bag, vaguer ? m.core : m.bag, w)),
        );
        if (exact && sameSpeaker(c, k)) score += MERGE.score;
        const holds = vaguer && compareIso(r.start, k.start) <= 0 && compareIso(r.end, k.end) >= 0;
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
        if (score >= needed && score > bestScore) {
          best = i;
          bestScore = score;
          bestLoose = loose;
        }
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
        finest: PRECISION_RANK[c.precision],
      };
      clusters.push(k);
      for (const key of monthKeys(r.start, r.end)) buckets.set(key, [...(buckets.get(key) ?? []), clusters.length - 1]);
      continue;
    }
    target.members.push(c);
    target.inputs.push(input);
    target.sentences.add(sentenceKey);
    for (const s of mySides) target.sides.add(s);
    for (const s of subjects) target.subjects.add(s);
    for (const a of input.actors) target.actors.add(a);
    target.finest = Math.min(target.finest, PRECISION_RANK[c.precision]);
    if (bestLoose) {
      // Two planned reports a week apart ("next week" said on two days): the event spans both.
      if (compareIso(r.start, target.start) < 0) target.start = r.start;
      if (compareIso(r.end, target.end) > 0) target.end = r.end;
      target.union = true;
      const months = monthKeys(target.start, target.end);
      for (const key of months)
        if (!(buckets.get(key) ?? []).includes(best)) buckets.set(key, [...(buckets.get(key) ?? []), best]);
    } else if (!target.union && rangesMeet(r.start, r.end, target.start, target.end, 0)) {
      // The shared range narrows to what every report allows.
      if (compareIso(r.start, target.start) > 0) target.start = r.start;
      if (compareIso(r.end, target.end) < 0) target.end = r.end;
    }
  }
  joinClusters(clusters, buckets, w);
  return clusters.map(({ members, start, end, union }) =>
    union === true ? { members, start, end, union } : { members, start, end },
  );
}
