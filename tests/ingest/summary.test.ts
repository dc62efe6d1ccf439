import { describe, expect, it } from 'vitest';
import { defaultIngestOptions } from '../../src/lib/ingest/run.ts';
import type { IngestSummary } from '../../src/lib/ingest/run.ts';
import { formatSummary, WARNINGS_SHOWN } from '../../src/lib/ingest/summary.ts';

/** A summary with `n` warnings, one per source. */
function summary(n: number): IngestSummary {
  return {
    sources: n,
    segments: n,
    sentences: n,
    expressions: 0,
    events: 0,
    warnings: Array.from({ length: n }, (_, i) => `s-${i}: the dateline disagrees with published`),
    report: { candidates: 0, events: 0, merges: 0, attached: 0, leftOut: [], unusedCuration: [], keptIds: 0 },
  };
}

describe('the summary the ingest prints', () => {
  const options = defaultIngestOptions(process.cwd());

  it('prints every warning of a small timeline', () => {
    const lines = formatSummary(summary(3), options).split('\n');
    expect(lines.filter((l) => l.startsWith('  warning: '))).toHaveLength(3);
    expect(lines.some((l) => l.includes('more warnings'))).toBe(false);
  });

  it('prints the first warnings of a large one and says how many more the report holds', () => {
    const lines = formatSummary(summary(WARNINGS_SHOWN + 7), options).split('\n');
    const shown = lines.filter((l) => l.startsWith('  warning: '));
    expect(shown).toHaveLength(WARNINGS_SHOWN);
    expect(shown[0]).toContain('s-0:');
    expect(lines).toContain('  … and 7 more warnings (all in .cache/ingest-report.json)');
  });
});
