/** The Markdown body of an event: 1–3 of its quotes, each with the source that printed it. */
import type { Citation } from '../model.ts';

export const SUMMARY_QUOTES = 3;

/** A source's display name: its publisher without a trailing aside ("ZeroHedge (citing …)" → "ZeroHedge"). */
export function displayName(publisher: string | undefined, fallback: string): string {
  const name = (publisher ?? '').replace(/\s*\([^)]*\)\s*$/, '').trim();
  return name === '' ? fallback : name;
}

/** Default preference: citations that date the event before those attached by context. */
const datingFirst = (c: Citation): number => (c.rule.startsWith('context:') ? 1 : 0);

/**
 * Up to three quotes, one per source, the preferred first (lower `rank`; ties keep the given order):
 * `The Wall Street Journal: “…”`.
 */
export function summarise(
  citations: readonly Citation[],
  names: ReadonlyMap<string, string>,
  rank: (c: Citation) => number = datingFirst,
): string {
  const picked: Citation[] = [];
  const ordered = citations.map((c, i) => ({ c, i, r: rank(c) })).sort((a, b) => a.r - b.r || a.i - b.i);
  for (const { c } of ordered) {
    if (picked.length >= SUMMARY_QUOTES) break;
    if (picked.some((p) => p.source === c.source)) continue;
    picked.push(c);
  }
  return picked.map((c) => `${names.get(c.source) ?? c.source}: “${c.quote.trim()}”`).join('\n\n');
}
