/** The real ingest, failing halfway through its write: the previous events stay exactly as they were. */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { defaultIngestOptions, runIngest } from '../../src/lib/ingest/run.ts';
import type { IngestOptions } from '../../src/lib/ingest/run.ts';
import { ROOT, snapshotDir } from './cli.ts';

function options(): { parent: string; opts: IngestOptions } {
  const parent = mkdtempSync(join(tmpdir(), 'trust-atomic-'));
  onTestFinished(() => rmSync(parent, { recursive: true, force: true }));
  const out = join(parent, 'events');
  mkdirSync(out);
  writeFileSync(join(out, 'a-previous-event.md'), '---\nid: a-previous-event\n---\nold\n');
  writeFileSync(join(out, 'z-previous-event.md'), '---\nid: z-previous-event\n---\nold\n');
  const { cacheDir: _noCache, reportPath: _noReport, ...base } = defaultIngestOptions(ROOT);
  return { parent, opts: { ...base, outDir: out } };
}

describe('runIngest writes atomically', () => {
  it('leaves the previous events intact when a write fails halfway', () => {
    const { parent, opts } = options();
    const before = snapshotDir(opts.outDir);
    let written = 0;
    expect(() =>
      runIngest({
        ...opts,
        write: {
          afterFile: () => {
            written++;
            if (written === 3) throw new Error('disk full (injected)');
          },
        },
      }),
    ).toThrow('injected');
    expect(written).toBe(3);
    expect(snapshotDir(opts.outDir)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['events']); // the half-written temp folder is gone
  });

  it('replaces them completely when nothing fails', () => {
    const { parent, opts } = options();
    const summary = runIngest(opts);
    const names = readdirSync(opts.outDir);
    expect(names).toHaveLength(summary.events);
    expect(names).not.toContain('a-previous-event.md');
    expect(readdirSync(parent)).toEqual(['events']);
  });
});
