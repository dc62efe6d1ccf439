/**
 * How many pairs the events stage compares, by step: tests guard that each grows about linearly with
 * the corpus (a count, not a clock, so a loaded machine cannot make them flaky).
 */
export interface WorkStats {
  /** Candidate × cluster pairs looked at while placing candidates (merge.ts). */
  placements: number;
  /** Cluster × cluster pairs looked at while joining clusters (merge.ts). */
  joins: number;
  /** Unresolved anchor × candidate pairs scored (anchor.ts `resolveMentions`). */
  mentions: number;
  /** Left-out sentence × candidate pairs scored for the same-actors rule (anchor.ts). */
  sameActors: number;
}

/** The running counts; `resetWorkStats` zeroes them. */
export const WORK_STATS: WorkStats = { placements: 0, joins: 0, mentions: 0, sameActors: 0 };

/** Zero every count (before a measured run). */
export function resetWorkStats(): void {
  WORK_STATS.placements = 0;
  WORK_STATS.joins = 0;
  WORK_STATS.mentions = 0;
  WORK_STATS.sameActors = 0;
}
