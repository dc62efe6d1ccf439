/**
 * Two shortcuts of a repeated ingest, both only speed: a source whose stat fingerprint is unchanged is not read
 * to be hashed again, and a run whose inputs and events folder are those of a recorded run that changed nothing
 * returns that run's summary. Anything an editor can change must still lead to a full run.
 */
import { appendFileSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderFiles, ingestProject, runRecords } from '../fixtures/ingest/project.ts';
import type { IngestProject } from '../fixtures/ingest/project.ts';
import { cacheKey, codeVersion } from '../../src/lib/ingest/cache.ts';
import { runIngest } from '../../src/lib/ingest/run.ts';
import type { IngestSummary } from '../../src/lib/ingest/run.ts';
import { SETTLE, sourceKeys } from '../../src/lib/ingest/source-keys.ts';
import type { KeyCounts } from '../../src/lib/ingest/source-keys.ts';
import { tempDir } from '../support/temp.ts';

/** An article of day `n`: enough for a few events. */
function article(n: number, extra = ''): string {
  const day = String(1 + (n % 9)).padStart(2, '0');
  return [
    '---',
    `published: 2025-11-${day}`,
    `publisher: Wire ${n % 2}`,
    `title: Report ${n}`,
    '---',
    `Witkoff met Umerov in Geneva on Monday to discuss the peace framework.${extra}`,
    '',
    'The delegations will meet again next week, Rubio said on Tuesday.',
    '',
  ].join('\n');
}

function project(count = 4): IngestProject {
  return ingestProject({ prefix: 'unchanged-run-', count, article: (i) => article(i), name: (i) => `s-${i}.txt` });
}

/** What a run reports that does not depend on the shortcuts. */
function outcome(s: IngestSummary) {
  const { cache: _c, keys: _k, files: _f, timings: _t, skipped: _s, volumes: _v, ...rest } = s;
  return rest;
}

const settle = SETTLE.ms;
/** Files are trusted however recently they changed (real runs wait `SETTLE.ms`; tests cannot). */
const trustAll = () => {
  SETTLE.ms = -60_000;
};
afterEach(() => {
  SETTLE.ms = settle;
});

describe('source keys from fingerprints', () => {
  let dir: string;
  let cache: string;
  const names = ['a.txt', 'b.txt', 'c.txt'];
  beforeEach(() => {
    dir = tempDir('source-keys-');
    cache = join(dir, 'cache');
    for (const n of names) writeFileSync(join(dir, n), `text of ${n}\n`);
  });
  const keys = (counts?: KeyCounts) => sourceKeys(dir, names, codeVersion(), cache, counts);
  const hashed = () => names.map((n) => cacheKey(n, readFileSync(join(dir, n)), codeVersion()));

  it('gives the content hash of every file, and reads none again while their fingerprints hold', () => {
    trustAll();
    const first: KeyCounts = { remembered: 0, hashed: 0 };
    expect(keys(first)).toEqual(hashed());
    expect(first).toEqual({ remembered: 0, hashed: 3 });
    const second: KeyCounts = { remembered: 0, hashed: 0 };
    expect(keys(second)).toEqual(hashed());
    expect(second).toEqual({ remembered: 3, hashed: 0 });
  });

  it('hashes a file again when it changed, even to the same size with its old modification time', () => {
    trustAll();
    keys();
    const path = join(dir, 'b.txt');
    const before = statSync(path);
    writeFileSync(path, 'text of B.txt\n'); // same length
    utimesSync(path, before.atime, before.mtime);
    const counts: KeyCounts = { remembered: 0, hashed: 0 };
    const after = keys(counts);
    expect(after).toEqual(hashed());
    expect(counts).toEqual({ remembered: 2, hashed: 1 });
  });

  it('does not vouch for a file that changed just before it was read (it may change again in the same tick)', () => {
    keys();
    const counts: KeyCounts = { remembered: 0, hashed: 0 };
    keys(counts);
    expect(counts).toEqual({ remembered: 0, hashed: 3 });
  });

  it('hashes everything when the list is damaged or the code changed', () => {
    trustAll();
    keys();
    writeFileSync(join(cache, 'source-keys.json'), '{"format":1,"version":');
    const damaged: KeyCounts = { remembered: 0, hashed: 0 };
    expect(keys(damaged)).toEqual(hashed());
    expect(damaged.hashed).toBe(3);
    const other: KeyCounts = { remembered: 0, hashed: 0 };
    sourceKeys(dir, names, 'another code version', cache, other);
    expect(other).toEqual({ remembered: 0, hashed: 3 });
  });
});

describe('a run that can change nothing', () => {
  /** A run, then one that repeats it. */
  function settledProject(report?: string): IngestProject {
    trustAll();
    const p = project();
    p.options.curationPath = join(p.dir, 'curation.yaml');
    p.options.timelinePath = join(p.dir, 'timeline.yaml');
    if (report !== undefined) p.options.reportPath = join(p.dir, report);
    runIngest(p.options);
    return p;
  }

  const recordFiles = (p: IngestProject) => runRecords(p.options);

  it('returns the recorded summary without reading anything, and leaves the folder and report alone', () => {
    const p = settledProject('report.json');
    const report = join(p.dir, 'report.json');
    const full = JSON.parse(readFileSync(report, 'utf8')) as IngestSummary; // the recorded run's report
    const files = folderFiles(p.options.outDir);
    const reportBytes = readFileSync(report, 'utf8');
    // The report holds the recorded summary: the cache keeps no copy of it.
    const output = join(p.options.cacheDir as string, 'output');
    expect(readdirSync(output).filter((n) => n.endsWith('.run-summary.json'))).toEqual([]);
    p.parsed.length = 0;
    const again = runIngest(p.options);
    expect(again.skipped).toBe(true);
    // The run that wrote the folder kept no previous ids; one repeating it keeps them all.
    expect(outcome(again)).toEqual({ ...outcome(full), report: { ...full.report, keptIds: full.events } });
    expect(again.files).toEqual({ written: 0, kept: full.events, removed: 0, rendered: 0, hashed: 0 });
    expect(p.parsed).toEqual([]);
    expect(folderFiles(p.options.outDir)).toEqual(files);
    expect(readFileSync(report, 'utf8')).toBe(reportBytes);
    // What it returns is what a full run gives.
    for (const r of recordFiles(p)) rmSync(r);
    const fullAgain = runIngest(p.options);
    expect(fullAgain.skipped).toBeUndefined();
    expect(outcome(fullAgain)).toEqual(outcome(again));
    // The record's summary is the report: a deleted report means a full run, which writes it again…
    rmSync(report);
    expect(runIngest(p.options).skipped).toBeUndefined();
    const rewritten = readFileSync(report, 'utf8');
    expect(outcome(JSON.parse(rewritten))).toEqual(outcome(again));
    // …and then a repeat leaves it alone.
    expect(runIngest(p.options).skipped).toBe(true);
    expect(readFileSync(report, 'utf8')).toBe(rewritten);
  });

  it('runs in full after a source, the curation or the timeline file changes', () => {
    const p = settledProject();
    const changes: Array<() => void> = [
      () => appendFileSync(join(p.options.sourcesDir, 's-1.txt'), '\nKushner met Dmitriev in Moscow on Friday.\n'),
      () => writeFileSync(p.options.curationPath, 'events: {}\n'),
      () => writeFileSync(p.options.timelinePath, 'focusFrom: 2025-11-03\n'),
      () => writeFileSync(join(p.options.sourcesDir, 's-9.txt'), article(9)),
      () => rmSync(join(p.options.sourcesDir, 's-0.txt')),
    ];
    for (const change of changes) {
      change();
      const full = runIngest(p.options);
      expect(full.skipped).toBeUndefined();
      // Only a changed or added source is read to be hashed: the others are known by their fingerprints.
      expect(full.keys?.hashed).toBeLessThanOrEqual(1);
      expect((full.keys?.remembered ?? 0) + (full.keys?.hashed ?? 0)).toBe(full.sources);
      expect(runIngest(p.options).skipped).toBe(true);
    }
  });

  it('runs in full when an event file was edited, added or removed by hand, and puts the folder right', () => {
    const p = settledProject();
    const right = folderFiles(p.options.outDir);
    const [first, second] = Object.keys(right);
    if (first === undefined || second === undefined) throw new Error('expected two events');
    const edits: Array<() => void> = [
      () => appendFileSync(join(p.options.outDir, first), '\nedited\n'),
      () => writeFileSync(join(p.options.outDir, 'stray.md'), '---\ntitle: x\n---\n'),
      () => rmSync(join(p.options.outDir, second)),
    ];
    for (const edit of edits) {
      edit();
      expect(runIngest(p.options).skipped).toBeUndefined();
      expect(folderFiles(p.options.outDir)).toEqual(right);
    }
  });

  it('checks the files it wrote by their text while they are too new for their fingerprints', () => {
    const p = project(); // the real settling time: every file here is too new
    runIngest(p.options);
    const [record] = recordFiles(p);
    if (record === undefined) throw new Error('expected a record');
    const stored = JSON.parse(readFileSync(record, 'utf8')) as { written: Record<string, string> };
    const names = Object.keys(stored.written);
    expect(names.sort()).toEqual(Object.keys(folderFiles(p.options.outDir)).sort());
    expect(runIngest(p.options).skipped).toBe(true);
    // A text that no longer hashes as written (as if changed within the same clock tick) means a full run.
    stored.written[names[0] as string] = 'another hash';
    writeFileSync(record, JSON.stringify(stored));
    expect(runIngest(p.options).skipped).toBeUndefined();
  });

  it('is not recorded when files it kept are too new for their fingerprints', () => {
    const p = project();
    runIngest(p.options);
    appendFileSync(join(p.options.sourcesDir, 's-1.txt'), '\nKushner met Dmitriev in Moscow on Friday.\n');
    const changed = runIngest(p.options);
    expect(changed.files?.kept).toBeGreaterThan(0);
    expect(runIngest(p.options).skipped).toBeUndefined();
    expect(runIngest(p.options).skipped).toBeUndefined();
  });

  it('forgets written files once they have settled, and reads them no more', () => {
    const p = settledProject();
    const [record] = recordFiles(p);
    if (record === undefined) throw new Error('expected a record');
    const written = () => Object.keys((JSON.parse(readFileSync(record, 'utf8')) as { written: object }).written);
    expect(written().length).toBeGreaterThan(0);
    trustAll();
    expect(runIngest(p.options).skipped).toBe(true);
    expect(written()).toEqual([]);
    expect(runIngest(p.options).skipped).toBe(true);
  });

  it('falls back to a full run when the record or its summary is damaged', () => {
    const p = settledProject();
    for (const r of recordFiles(p)) writeFileSync(r, '{"format":3,"key":');
    expect(runIngest(p.options).skipped).toBeUndefined();
    expect(runIngest(p.options).skipped).toBe(true);
    // A summary that is not the one the record names (another run's, or edited) is not returned.
    for (const r of recordFiles(p)) {
      const summary = r.replace(/\.run\.json$/, '.run-summary.json');
      writeFileSync(summary, readFileSync(summary, 'utf8').replace('"sources":', '"sources": '));
    }
    expect(runIngest(p.options).skipped).toBeUndefined();
    expect(runIngest(p.options).skipped).toBe(true);
  });
});

describe('cache files of output folders', () => {
  it('keeps those of folders that still exist and drops the others and unknown files', () => {
    trustAll();
    const p = project(2);
    const other = join(p.dir, 'other-events');
    const gone = join(p.dir, 'gone-events');
    runIngest(p.options);
    runIngest({ ...p.options, outDir: other });
    runIngest({ ...p.options, outDir: gone });
    const out = join(p.options.cacheDir as string, 'output');
    const ids = () =>
      new Set(
        readdirSync(out)
          .filter((n) => n !== 'folders.json')
          .map((n) => n.slice(0, 16)),
      );
    expect(ids().size).toBe(3);
    rmSync(gone, { recursive: true });
    writeFileSync(join(out, '0123456789abcdef.jsonl'), 'left by an older version');
    appendFileSync(join(p.options.sourcesDir, 's-1.txt'), '\nKushner met Dmitriev in Moscow on Friday.\n');
    runIngest(p.options);
    expect(ids().size).toBe(2);
    expect(readdirSync(out)).not.toContain('0123456789abcdef.jsonl');
    // The surviving folder's cache still serves it: a run over it with nothing changed is skipped.
    runIngest({ ...p.options, outDir: other });
    expect(runIngest({ ...p.options, outDir: other }).skipped).toBe(true);
  });
});
