/** The short summary `npm run ingest` prints; the full report goes to a JSON file. */
import { relative } from 'node:path';
import type { IngestOptions, IngestSummary } from './run.ts';

/**
 * Warnings printed at most: a timeline of thousands of sources may carry thousands (every run would print them
 * all again); the report lists every one.
 */
export const WARNINGS_SHOWN = 20;

/** A few lines: counts, merges, what was left out and why, and where the full report is. */
export function formatSummary(summary: IngestSummary, options: IngestOptions): string {
  const r = summary.report;
  const leftOut = new Map<string, number>();
  for (const item of r.leftOut) {
    const reason = item.reason.split(':')[0] ?? item.reason;
    leftOut.set(reason, (leftOut.get(reason) ?? 0) + 1);
  }
  const lines = [
    `ingest: ${summary.sources} sources, ${summary.segments} segments, ${summary.sentences} sentences, ` +
      `${summary.expressions} time expressions → ${summary.events} events (${r.merges} merges)`,
  ];
  if (leftOut.size > 0) {
    const parts = [...leftOut].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${k} ${n}`);
    lines.push(`  sentences without an event: ${parts.join(', ')}`);
  }
  const v = summary.volumes;
  if (v !== undefined && v.count > 1)
    lines.push(
      `  events stage: ${v.count} volumes by publication month, ${v.built} built${v.onWorkers === undefined ? '' : ` (${v.onWorkers} on worker threads)`}, ${v.count - v.built} from the cache`,
    );
  for (const w of summary.warnings.slice(0, WARNINGS_SHOWN)) lines.push(`  warning: ${w}`);
  const more = summary.warnings.length - WARNINGS_SHOWN;
  if (more > 0) {
    const where = options.reportPath === undefined ? '' : ` (all in ${relative(process.cwd(), options.reportPath)})`;
    lines.push(`  … and ${more} more warnings${where}`);
  }
  for (const c of r.unusedCuration) lines.push(`  warning: curation entry for unknown event "${c}"`);
  const out = relative(process.cwd(), options.outDir) || '.';
  const f = summary.files;
  if (f === undefined) lines.push(`  wrote ${out}`);
  else if (summary.skipped === true) lines.push(`  ${out}: up to date (nothing changed since the last run)`);
  else if (f.written === 0 && f.removed === 0) lines.push(`  ${out}: up to date`);
  else lines.push(`  wrote ${out}: ${f.written} written, ${f.removed} removed`);
  if (options.reportPath !== undefined) lines.push(`  report: ${relative(process.cwd(), options.reportPath)}`);
  return lines.join('\n');
}
