/** Reading on worker threads: same documents as on one thread, errors still name the file. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderFiles, ingestProject } from '../fixtures/ingest/project.ts';
import type { IngestProject } from '../fixtures/ingest/project.ts';
import { datedPack } from '../../src/lib/ingest/cache.ts';
import { runIngest, runIngestAsync } from '../../src/lib/ingest/run.ts';
import { MIN_FILES_PER_WORKER, shares, workerCount } from '../../src/lib/ingest/workers.ts';

const PLACES = ['Geneva', 'Moscow', 'Kyiv', 'Miami', 'Istanbul', 'Berlin', 'Paris'];

function article(n: number): string {
  const day = String(1 + (n % 28)).padStart(2, '0');
  const month = String(1 + (n % 12)).padStart(2, '0');
  return `---\npublished: 2024-${month}-${day}\npublisher: Wire ${n % 3}\n---\nOfficials met in ${PLACES[n % PLACES.length]} on Monday to discuss item ${n}.\n\nA second round is planned for next month, the ministry said.\n`;
}

function corpus(count: number, cache = true): IngestProject {
  return ingestProject({
    prefix: 'ingest-workers-',
    count,
    article,
    name: (i) => `s${String(i).padStart(4, '0')}.txt`,
    cache,
  });
}

describe('worker shares', () => {
  it('uses no worker for a handful of files and at most the cores asked for', () => {
    expect(workerCount(MIN_FILES_PER_WORKER - 1, 2)).toBe(0);
    expect(workerCount(MIN_FILES_PER_WORKER * 2, 2)).toBe(2);
    expect(workerCount(100_000, 2)).toBe(2);
    expect(workerCount(100_000, 0)).toBe(0);
  });

  it('splits into contiguous shares that cover every item once', () => {
    const items = Array.from({ length: 11 }, (_, i) => i);
    const parts = shares(items, 3);
    expect(parts).toHaveLength(3);
    expect(parts.flat()).toEqual(items);
    expect(Math.max(...parts.map((p) => p.length)) - Math.min(...parts.map((p) => p.length))).toBeLessThanOrEqual(2);
  });
});

describe('runIngestAsync on worker threads', () => {
  const count = MIN_FILES_PER_WORKER * 2 + 7;

  it('writes exactly what the single-threaded ingest writes, and fills the cache', async () => {
    const threaded = corpus(count);
    const single = corpus(count, false);
    const a = await runIngestAsync({ ...threaded.options, workers: 2 });
    const b = runIngest(single.options);
    expect(a.events).toBe(b.events);
    expect(folderFiles(threaded.options.outDir)).toEqual(folderFiles(single.options.outDir));
    expect(threaded.parsed).toHaveLength(count);
    expect(datedPack(threaded.options.cacheDir as string).names()).toHaveLength(count);
    threaded.parsed.length = 0;
    const again = await runIngestAsync({ ...threaded.options, workers: 2 });
    expect(threaded.parsed).toEqual([]);
    expect(again.cache).toEqual({ hits: count, misses: 0 });
  });

  it('reports an editor’s mistake in a worker as the InputError of that file', async () => {
    const { options } = corpus(count);
    writeFileSync(join(options.sourcesDir, 's0042.txt'), '---\npublished: 2025-02-30\n---\nText.\n');
    await expect(runIngestAsync({ ...options, workers: 2 })).rejects.toMatchObject({
      name: 'InputError',
      file: join(options.sourcesDir, 's0042.txt'),
    });
  });
});
