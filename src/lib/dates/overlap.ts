/** Overlapping matches: the longest span wins ("Sunday morning" over "Sunday", "Nov. 30, 2025" over "2025"). */
import type { Candidate } from './types.ts';

/**
 * Keep the longest of any overlapping candidates; on equal length the one listed first
 * (recogniser priority) wins. Returns the survivors sorted by start.
 */
export function keepLongest(candidates: readonly Candidate[]): Candidate[] {
  const ranked = candidates
    .map((c, order) => ({ c, order }))
    .sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || a.order - b.order);
  const kept: Candidate[] = [];
  for (const { c } of ranked) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
