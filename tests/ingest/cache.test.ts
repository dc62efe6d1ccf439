/**
 * The incremental ingest: a second run parses only what changed, the cache never changes the output,
 * and a damaged or stale cache entry is read past, not fatal.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderFiles, forgetRuns, ingestProject } from '../fixtures/ingest/project.ts';
import type { IngestProject } from '../fixtures/ingest/project.ts';
import { cacheKey, codeVersion, datedPack, putCacheEntry, readCacheEntries } from '../../src/lib/ingest/cache.ts';
import { readAndDate } from '../../src/lib/ingest/dated-read.ts';
import { preparedPack } from '../../src/lib/ingest/prepared-cache.ts';
import { runIngest } from '../../src/lib/ingest/run.ts';
import { factsPack } from '../../src/lib/ingest/volume-cache.ts';
import { tempDir } from '../support/temp.ts';
import { damageRecord, storeForeign } from './damage.ts';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const CITIES = ['Geneva', 'Moscow', 'Kyiv', 'Miami', 'Abu Dhabi'];

/** A small article; `n` varies the date, the place and the wording so every file is different. */
function article(n: number): string {
  const day = String(1 + (n % 28)).padStart(2, '0');
  const city = CITIES[n % CITIES.length];
  const weekday = WEEKDAYS[n % WEEKDAYS.length];
  return [
    '---',
    `published: 2025-10-${day}`,
    'publisher: Test Wire',
    `title: Report number ${n}`,
    '---',
    `Negotiators met in ${city} on ${weekday}, officials said in report ${n}.`,
    '',
    `The delegations will meet again next week, a spokesman said on ${weekday}.`,
    '',
  ].join('\n');
}

function setup(count: number): IngestProject {
  return ingestProject({
    prefix: 'ingest-cache-',
    count,
    article,
    name: (i) => `a-${String(i).padStart(3, '0')}.txt`,
  });
}

describe('incremental ingest cache', () => {
  it('parses every source on a cold run and none on an unchanged second run', () => {
    const { options, parsed } = setup(6);
    const first = runIngest(options);
    expect(parsed).toHaveLength(6);
    expect(first.cache).toEqual({ hits: 0, misses: 6 });
    expect(first.events).toBeGreaterThan(0);
    const before = folderFiles(options.outDir);
    parsed.length = 0;
    const second = runIngest(options);
    expect(parsed).toEqual([]);
    expect(second.cache).toEqual({ hits: 6, misses: 0 });
    expect(folderFiles(options.outDir)).toEqual(before);
  });

  it('re-reads only the source that changed', () => {
    const { options, parsed } = setup(5);
    runIngest(options);
    parsed.length = 0;
    const changed = join(options.sourcesDir, 'a-002.txt');
    writeFileSync(changed, article(2).replace('Negotiators met', 'Envoys met'));
    const summary = runIngest(options);
    expect(parsed).toEqual([changed]);
    expect(summary.cache).toEqual({ hits: 4, misses: 1 });
  });

  it('gives exactly the output of an uncached run', () => {
    const cached = setup(8);
    runIngest(cached.options);
    writeFileSync(join(cached.options.sourcesDir, 'a-005.txt'), article(105));
    runIngest(cached.options); // mixes cache hits with a fresh read

    // Same history without a cache (event ids depend on the previous output, so both run twice).
    const plain = setup(8);
    const { cacheDir: _unused, ...uncached } = plain.options;
    runIngest(uncached);
    writeFileSync(join(plain.options.sourcesDir, 'a-005.txt'), article(105));
    const summary = runIngest(uncached);
    expect(summary.cache).toBeUndefined();
    expect(folderFiles(cached.options.outDir)).toEqual(folderFiles(plain.options.outDir));
  });

  it('ignores a corrupt entry and rewrites it', () => {
    const { options, parsed } = setup(3);
    runIngest(options);
    const cacheDir = options.cacheDir as string;
    const before = folderFiles(options.outDir);
    // Every per-source layer damaged (the facts or the prepared entry alone would stand in for the dated one): one
    // entry cut off, one replaced by foreign JSON under the right key.
    for (const pack of [datedPack(cacheDir), preparedPack(cacheDir), factsPack(cacheDir)]) {
      damageRecord(pack.dir, 'a-001.txt');
      storeForeign(pack.dir, 'a-002.txt', JSON.stringify({ nonsense: true }));
    }
    parsed.length = 0;
    forgetRuns(options);
    const summary = runIngest(options);
    expect(parsed.map((p) => p.slice(-9))).toEqual(['a-001.txt', 'a-002.txt']);
    expect(summary.cache).toEqual({ hits: 1, misses: 2 });
    expect(folderFiles(options.outDir)).toEqual(before);
    parsed.length = 0;
    runIngest(options);
    expect(parsed).toEqual([]); // the damaged entries were replaced
  });

  it('drops the entry of a deleted source', () => {
    const { options } = setup(3);
    runIngest(options);
    rmSync(join(options.sourcesDir, 'a-000.txt'));
    const summary = runIngest(options);
    expect(summary.sources).toBe(2);
    const cacheDir = options.cacheDir as string;
    expect(datedPack(cacheDir).names().sort()).toEqual(['a-001.txt', 'a-002.txt']);
    expect(preparedPack(cacheDir).names().sort()).toEqual(['a-001.txt', 'a-002.txt']);
  });

  it('keeps the cache in a few files, and removes the one-file-per-source cache of earlier versions', () => {
    const { options } = setup(12);
    const cacheDir = options.cacheDir as string;
    mkdirSync(join(cacheDir, 'prepared'), { recursive: true });
    writeFileSync(join(cacheDir, 'a-000.json'), '{}');
    writeFileSync(join(cacheDir, 'prepared', 'a-000.json'), '{}');
    runIngest(options);
    expect(readdirSync(cacheDir).sort()).toEqual([
      'dated.pack',
      'facts.pack',
      'output',
      'prepared.pack',
      'source-keys.json',
      'volumes.pack',
    ]);
    for (const layer of ['dated.pack', 'prepared.pack'])
      expect(
        readdirSync(join(cacheDir, layer)).filter((n) => n.endsWith('.seg')),
        layer,
      ).toHaveLength(1);
  });

  it('reads no dated entry when every prepared entry hits', () => {
    const { options, parsed } = setup(4);
    runIngest(options);
    const dated = datedPack(options.cacheDir as string).dir;
    // Unreadable dated segments would turn any read of them into a parse; none happens.
    for (const f of readdirSync(dated).filter((n) => n.endsWith('.seg'))) writeFileSync(join(dated, f), '');
    parsed.length = 0;
    expect(runIngest(options).cache).toEqual({ hits: 4, misses: 0 });
    expect(parsed).toEqual([]);
    expect(existsSync(join(dated, 'index.json'))).toBe(true);
  });

  it('does not cache a source with an editor’s mistake', () => {
    const { options } = setup(2);
    writeFileSync(join(options.sourcesDir, 'bad.txt'), article(1).replace('2025-10-02', '2025-02-30'));
    expect(() => runIngest(options)).toThrow(/2025-02-30/);
    expect(readdirSync(join(options.outDir, '..')).includes('events')).toBe(false);
  });
});

describe('cache entries', () => {
  const bytes = new TextEncoder().encode(article(7));
  const dated = readAndDate('x.txt', bytes);

  /** The dated documents read back from a fresh pack of the same folder. */
  const readBack = (dir: string, wanted: Array<[string, string]>) => readCacheEntries(datedPack(dir), wanted);

  it('round-trips a dated document exactly', () => {
    const dir = tempDir('cache-entry-');
    const key = cacheKey('x.txt', bytes, codeVersion());
    const pack = datedPack(dir);
    putCacheEntry(pack, 'x.txt', key, dated);
    pack.commit();
    expect(readBack(dir, [['x.txt', key]])).toEqual([dated]);
  });

  it('misses under another key, another file name or another code version', () => {
    const dir = tempDir('cache-entry-');
    const key = cacheKey('x.txt', bytes, 'v1');
    const pack = datedPack(dir);
    putCacheEntry(pack, 'x.txt', key, dated);
    pack.commit();
    expect(cacheKey('x.txt', bytes, 'v2')).not.toBe(key);
    expect(cacheKey('y.txt', bytes, 'v1')).not.toBe(key);
    expect(cacheKey('x.txt', new TextEncoder().encode(article(8)), 'v1')).not.toBe(key);
    expect(
      readBack(dir, [
        ['x.txt', cacheKey('x.txt', bytes, 'v2')],
        ['missing.txt', key],
        ['x.txt', key],
      ]),
    ).toEqual([undefined, undefined, dated]);
  });

  it('versions the code it depends on, stably', () => {
    expect(codeVersion()).toMatch(/^[0-9a-f]{64}$/);
    expect(codeVersion()).toBe(codeVersion());
  });

  it('rejects an entry that is not a dated document', () => {
    const dir = tempDir('cache-entry-');
    const pack = datedPack(dir);
    pack.put('a.txt', 'k', JSON.stringify({ doc: { sentences: [1], source: {} }, expressions: [] }));
    pack.put('b.txt', 'k', '[]');
    pack.commit();
    expect(
      readBack(dir, [
        ['a.txt', 'k'],
        ['b.txt', 'k'],
      ]),
    ).toEqual([undefined, undefined]);
  });
});
