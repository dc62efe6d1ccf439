/**
 * The same input gives the same bytes: the site built twice (the second time in another time zone) and the
 * ingest run twice (without and with its cache) produce identical files.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from '../../scripts/lib/link-check.ts';
import { runIngest } from '../../src/lib/ingest/run.ts';
import { snapshotDir } from './cli.ts';
import { buildOrThrow, copyProject } from './project.ts';

describe('determinism', () => {
  it('builds byte-identical sites twice, under another time zone', () => {
    const first = inject('trustDist');
    // The same snapshot of content the first build used, whatever changed in the working tree since.
    const dir = copyProject('again', inject('trustProject'));
    const second = join(dirname(dir), 'dist');
    buildOrThrow(dir, second, {
      TZ: process.env['TZ'] === 'Pacific/Kiritimati' ? 'America/Adak' : 'Pacific/Kiritimati',
    });
    const files = listFiles(first);
    expect(listFiles(second)).toEqual(files);
    const differ = files.filter((f) => !readFileSync(join(first, f)).equals(readFileSync(join(second, f))));
    rmSync(dirname(dir), { recursive: true, force: true });
    expect(differ).toEqual([]);
  });

  it('ingests byte-identical events twice: fresh, then through a cold and a warm cache', () => {
    const project = inject('trustProject');
    const content = join(project, 'content');
    const tmp = mkdtempSync(join(tmpdir(), 'trust-ingest-twice-'));
    const run = (out: string, cacheDir?: string) =>
      runIngest({
        sourcesDir: join(content, 'sources'),
        outDir: join(tmp, out),
        gazetteerDir: join(content, 'gazetteer'),
        curationPath: join(content, 'curation.yaml'),
        timelinePath: join(content, 'timeline.yaml'),
        ...(cacheDir === undefined ? {} : { cacheDir }),
      });
    run('fresh');
    run('cold', join(tmp, 'cache'));
    const warm = run('warm', join(tmp, 'cache'));
    expect(warm.cache?.hits).toBe(readdirSync(join(content, 'sources')).filter((n) => n.endsWith('.txt')).length);
    const fresh = snapshotDir(join(tmp, 'fresh'));
    expect(fresh.size).toBeGreaterThan(0);
    expect(snapshotDir(join(tmp, 'cold'))).toEqual(fresh);
    expect(snapshotDir(join(tmp, 'warm'))).toEqual(fresh);
    rmSync(tmp, { recursive: true, force: true });
  });
});
