/** The Markdown body of an event: 1–3 of its quotes, each with the source that printed it. */
import type { Citation } from '../model.ts';

export const SUMMARY_QUOTES = 3;

/** A source's display name: its publisher without a trailing aside ("ZeroHedge (citing …)" → "ZeroHedge"). */
export function displayName(publisher: string | undefined, fallback: string): string {
  const name = (publisher ?? '').replace(/\s*\([^)]*\)\s*$/, '').trim();
  return name === '' ? fallback : name;
}

/** Up to three quotes, one per source, dating citations first: `The Wall Street Journal: “…”`. */
export function summarise(citations: readonly Citation[], names: ReadonlyMap<string, string>): string {
  const picked: Citation[] = [];
  const dated = citations.filter((c) => !c.rule.startsWith('context:'));
  for (const c of [...dated, ...citations]) {
    if (picked.length >= SUMMARY_QUOTES) break;
    if (picked.some((p) => p.source === c.source)) continue;
    picked.push(c);
  }
  return picked.map((c) => `${names.get(c.source) ?? c.source}: “${c.quote.trim()}”`).join('\n\n');
}
