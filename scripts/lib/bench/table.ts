/** The benchmark's results: one row per corpus size, kept in bench/results.json and printed as a table. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface BenchRow {
  size: number;
  cores: number;
  events: number;
  ingestColdMs: number;
  /** Cold ingest with no worker threads (measured for small sizes only). */
  ingestColdOneThreadMs: number | undefined;
  ingestReadMs: number;
  ingestEventsMs: number;
  /** The run right after the cold one, nothing changed (and whether it found it had nothing to do). */
  ingestAgainMs?: number;
  ingestAgainSkipped?: boolean;
  /** Every source cached, no run record: the events stage runs. */
  ingestWarmMs: number;
  ingestWarmReadMs: number;
  ingestOneChangedMs: number;
  ingestOneChangedReadMs: number;
  ingestOneChangedEventsMs?: number;
  /** A resident ingest (`--watch`): its first change after the start, and the median of three later ones. */
  ingestResidentFirstMs?: number;
  ingestResidentMs?: number;
  /** The bookkeeping after each of those runs (report, manifest, run record, pack commits), median. */
  ingestResidentAfterMs?: number;
  astroMs: number;
  pagefindMs: number;
  peakMb: { ingest: number; astro: number; pagefind: number };
  distBytes: number;
  indexBytes: number;
  homeGzipBytes: number;
  firstSearchBytes: number;
  firstSearchRequests: number;
  searchResults: number;
  measuredAt: string;
}

/** Goals of issue 9. */
export const GOALS = {
  articlesPerSecondPerCore: 1000,
  fullBuildMsAt10k: 300_000,
  firstSearchBytes: 150 * 1024,
  homeGzipBytes: 40 * 1024,
};

const s = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`;

/** Rows of `add` replace rows of the same size in the file; the merged list (by size) is written and returned. */
export function mergeResults(path: string, add: readonly BenchRow[]): BenchRow[] {
  const old = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { rows: BenchRow[] }).rows : [];
  const bySize = new Map(old.map((r) => [r.size, r]));
  for (const r of add) bySize.set(r.size, r);
  const rows = [...bySize.values()].sort((a, b) => a.size - b.size);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify({ goals: GOALS, rows }, null, 2)}\n`);
  return rows;
}

/** A Markdown table, one column per size. */
export function formatTable(rows: readonly BenchRow[]): string {
  const lines: Array<[string, (r: BenchRow) => string]> = [
    ['events produced', (r) => String(r.events)],
    ['ingest cold (workers)', (r) => s(r.ingestColdMs)],
    ['ingest cold (1 thread)', (r) => s(r.ingestColdOneThreadMs)],
    ['  of which read+dates', (r) => s(r.ingestReadMs)],
    ['  of which events', (r) => s(r.ingestEventsMs)],
    [
      'ingest again, nothing changed',
      (r) => (r.ingestAgainMs === undefined ? '–' : `${s(r.ingestAgainMs)}${r.ingestAgainSkipped ? ' (skipped)' : ''}`),
    ],
    ['ingest warm cache, events stage run', (r) => s(r.ingestWarmMs)],
    ['  of which read (cache)', (r) => s(r.ingestWarmReadMs)],
    ['re-ingest, 1 article changed', (r) => s(r.ingestOneChangedMs)],
    ['  of which read (cache)', (r) => s(r.ingestOneChangedReadMs)],
    ['  of which events', (r) => s(r.ingestOneChangedEventsMs)],
    ['re-ingest, 1 article changed, resident (--watch)', (r) => s(r.ingestResidentMs)],
    ['  then its bookkeeping (report, manifest, record)', (r) => s(r.ingestResidentAfterMs)],
    ['  first change after the watch starts', (r) => s(r.ingestResidentFirstMs)],
    ['astro build', (r) => s(r.astroMs)],
    ['pagefind', (r) => s(r.pagefindMs)],
    ['full build (cold ingest + astro + pagefind)', (r) => s(r.ingestColdMs + r.astroMs + r.pagefindMs)],
    [
      'peak memory ingest / astro / pagefind',
      (r) => `${r.peakMb.ingest.toFixed(0)} / ${r.peakMb.astro.toFixed(0)} / ${r.peakMb.pagefind.toFixed(0)} MB`,
    ],
    ['dist size', (r) => mb(r.distBytes)],
    ['search index size', (r) => mb(r.indexBytes)],
    ['home page, gzipped', (r) => kb(r.homeGzipBytes)],
    ['first search fetches', (r) => `${kb(r.firstSearchBytes)} (${r.firstSearchRequests} req.)`],
  ];
  const head = `| articles | ${rows.map((r) => r.size).join(' | ')} |`;
  const rule = `|---|${rows.map(() => '---:').join('|')}|`;
  return [head, rule, ...lines.map(([name, f]) => `| ${name} | ${rows.map(f).join(' | ')} |`)].join('\n');
}

/** Growth per 1,000 articles between the two largest sizes measured. */
export function growth(rows: readonly BenchRow[]): string {
  const [a, b] = rows.slice(-2);
  if (a === undefined || b === undefined) return 'growth per 1,000 articles: needs two sizes';
  const k = 1000 / (b.size - a.size);
  const per = (f: (r: BenchRow) => number) => (f(b) - f(a)) * k;
  return (
    `growth per 1,000 articles (${a.size}→${b.size}): ingest cold +${s(per((r) => r.ingestColdMs))}, ` +
    `astro +${s(per((r) => r.astroMs))}, pagefind +${s(per((r) => r.pagefindMs))}, ` +
    `events +${per((r) => r.events).toFixed(0)}, dist +${mb(per((r) => r.distBytes))}, index +${mb(per((r) => r.indexBytes))}, ` +
    `home +${kb(per((r) => r.homeGzipBytes))}, first search +${kb(per((r) => r.firstSearchBytes))}`
  );
}

/** Each goal, against the largest size measured. */
export function goals(rows: readonly BenchRow[]): string {
  const r = rows.at(-1);
  if (r === undefined) return '';
  const mark = (ok: boolean) => (ok ? 'ok  ' : 'MISS');
  // Goals stated for 10,000 articles are not judged on a smaller run.
  const at10k = (ok: boolean) => (r.size < 10_000 ? 'n/a ' : mark(ok));
  const perCore = r.size / (r.ingestReadMs / 1000) / r.cores;
  const full = r.ingestColdMs + r.astroMs + r.pagefindMs;
  return [
    `goals at ${r.size} articles:`,
    `  ${mark(perCore >= GOALS.articlesPerSecondPerCore)} read+dates ${perCore.toFixed(0)} articles/s/core (goal ≥ ${GOALS.articlesPerSecondPerCore})`,
    `  ${at10k(full <= GOALS.fullBuildMsAt10k)} full build ${s(full)} (goal ≤ 300 s at 10,000)`,
    `  ${mark(r.firstSearchBytes <= GOALS.firstSearchBytes)} first search ${kb(r.firstSearchBytes)} (goal ≤ 150 KB)`,
    `  ${mark(r.homeGzipBytes <= GOALS.homeGzipBytes)} home page ${kb(r.homeGzipBytes)} gzipped (goal ≤ 40 KB)`,
    `  ${at10k(r.ingestOneChangedMs < 1000)} one changed article ${s(r.ingestOneChangedMs)} (goal < 1 s at 10,000)`,
    ...(r.ingestResidentMs === undefined
      ? []
      : [
          `  ${at10k(r.ingestResidentMs < 1000)} one changed article, resident (--watch) ${s(r.ingestResidentMs)} (goal < 1 s at 10,000)`,
        ]),
  ].join('\n');
}
