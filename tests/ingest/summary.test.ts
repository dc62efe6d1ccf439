import { describe, expect, it } from 'vitest';
import { defaultIngestOptions } from '../../src/lib/ingest/run.ts';
import type { IngestSummary } from '../../src/lib/ingest/run.ts';
import { formatSummary, reportJson, WARNINGS_SHOWN } from '../../src/lib/ingest/summary.ts';

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

describe('the report file', () => {
  const leftOut = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      source: 's',
      sentence: i,
      paragraph: 0,
      text: `Line “${i}”.`,
      reason: 'not-cited',
    }));

  it('is the summary as JSON, with one warning and one left-out sentence per line', () => {
    const s = summary(3);
    s.report.leftOut = leftOut(4);
    const text = reportJson(s);
    expect(JSON.parse(text)).toEqual(s);
    const lines = text.split('\n');
    expect(lines.filter((l) => l.startsWith('    "s-'))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('      {"source":"s"'))).toHaveLength(4);
    expect(lines).toContain('  "sources": 3,');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('writes empty lists as []', () => {
    const text = reportJson(summary(0));
    expect(text).toContain('"warnings": []');
    expect(text).toContain('"leftOut": []');
    expect(JSON.parse(text)).toEqual(summary(0));
  });

  it('is still the summary when a warning or another value spells a placeholder', () => {
    const s = summary(2);
    s.warnings.push('\u0000list:w', '\u0000list:l');
    s.report.leftOut = leftOut(2);
    expect(JSON.parse(reportJson(s))).toEqual(s);
    // Outside the two lists: the whole is indented the usual way.
    s.report.unusedCuration = ['\u0000list:l'];
    expect(reportJson(s)).toBe(`${JSON.stringify(s, null, 2)}\n`);
  });
});
