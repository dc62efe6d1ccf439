/** Tag counting for the people, places and topics pages. */

/** Each slug with how many events carry it: most first, then alphabetical. */
export function countTags(lists: ReadonlyArray<readonly string[]>): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const list of lists) for (const slug of new Set(list)) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  return [...counts].sort(([a, n], [b, m]) => (m !== n ? m - n : a < b ? -1 : a > b ? 1 : 0));
}
