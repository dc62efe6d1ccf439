/**
 * The incremental ingest (cache of prepared documents, output manifest, in-place writes) is only speed: after any
 * change to the sources, and whatever state the cache is in, it writes exactly what an uncached run writes from
 * the same previous output, and it leaves the files whose bytes do not change alone.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { folderFiles, forgetRuns, ingestProject } from '../fixtures/ingest/project.ts';
import { VOLUME } from '../../src/lib/events/volumes.ts';
import type { IngestProject } from '../fixtures/ingest/project.ts';
import { datedPack } from '../../src/lib/ingest/cache.ts';
import { preparedPack } from '../../src/lib/ingest/prepared-cache.ts';
import { newMemo } from '../../src/lib/ingest/memo.ts';
import { runIngest, runIngestAsync } from '../../src/lib/ingest/run.ts';
import { factsPack, volumePack } from '../../src/lib/ingest/volume-cache.ts';
import type { IngestSummary } from '../../src/lib/ingest/run.ts';
import { damageRecord, storeForeign } from './damage.ts';

const PEOPLE = ['Witkoff', 'Umerov', 'Rubio', 'Dmitriev', 'Kushner'];
const CITIES = ['Geneva', 'Miami', 'Abu Dhabi', 'Moscow'];

/** Article `n`: reports that overlap with their neighbours' (same people, nearby days), so events merge across sources. */
function article(n: number, extra = ''): string {
  const day = String(1 + (n % 9)).padStart(2, '0');
  const a = PEOPLE[n % PEOPLE.length];
  const b = PEOPLE[(n + 1) % PEOPLE.length];
  return [
    '---',
    `published: 2025-11-${day}`,
    `publisher: Wire ${n % 3}`,
    `title: Talks report ${n}`,
    '---',
    `${a} met ${b} in ${CITIES[n % CITIES.length]} on Monday to discuss the peace framework.`,
    '',
    `The delegations will meet again next week, ${a} said on Tuesday.`,
    '',
    `Officials said the talks in ${CITIES[(n + 1) % CITIES.length]} were productive.${extra}`,
    '',
  ].join('\n');
}

function project(count: number): IngestProject {
  return ingestProject({ prefix: 'ingest-incremental-', count, article: (i) => article(i), name: (i) => `s-${i}.txt` });
}

/** Inode and modification time of every file: unchanged when a file was not rewritten. */
function identities(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir).map((n) => {
      const st = statSync(join(dir, n));
      return [n, `${st.ino}:${st.mtimeMs}`];
    }),
  );
}

/** What a run reports that does not depend on the cache. */
function outcome(s: IngestSummary) {
  const { cache: _c, keys: _k, files: _f, timings: _t, skipped: _s, volumes: _v, ...rest } = s;
  return rest;
}

/** Run incrementally, and uncached from a copy of the same previous output; both must agree exactly. */
function runBoth(p: IngestProject, label: string): IngestSummary {
  const coldOut = join(p.dir, `cold-${label}`);
  cpSync(p.options.outDir, coldOut, { recursive: true });
  const { cacheDir: _none, onParse: _p, ...uncached } = p.options;
  const incremental = runIngest(p.options);
  const cold = runIngest({ ...uncached, outDir: coldOut });
  expect(folderFiles(p.options.outDir)).toEqual(folderFiles(coldOut));
  expect(outcome(incremental)).toEqual(outcome(cold));
  return incremental;
}

/** Article `n` published in September, October or November (three each in turn). */
function monthArticle(n: number, extra = ''): string {
  const month = ['09', '10', '11'][Math.floor(n / 3) % 3] as string;
  return article(n, extra).replace('published: 2025-11-', `published: 2025-${month}-`);
}

/** Nine sources over three months, built in three volumes (volumes of 3) for this test. */
function volumeProject(prefix: string): IngestProject {
  const min = VOLUME.minSources;
  VOLUME.minSources = 3;
  onTestFinished(() => {
    VOLUME.minSources = min;
  });
  return ingestProject({ prefix, count: 9, article: (i) => monthArticle(i), name: (i) => `v-${i}.txt` });
}

describe('incremental ingest', () => {
  it('with volumes, builds again only the volume of a changed source, and writes what an uncached run writes', () => {
    const p = volumeProject('ingest-volumes-');
    expect(runIngest(p.options).volumes).toEqual({ count: 3, built: 3 });
    writeFileSync(join(p.options.sourcesDir, 'v-4.txt'), monthArticle(4, ' Rubio met Umerov on Friday.'));
    p.parsed.length = 0;
    const summary = runBoth(p, 'volume-change');
    expect(p.parsed.map((x) => x.slice(-7))).toEqual(['v-4.txt']);
    expect(summary.volumes).toEqual({ count: 3, built: 1 });
    // Only the events of the volume built again were serialised to be hashed; the others were known by identity.
    expect(summary.files?.hashed).toBeGreaterThan(0);
    expect(summary.files?.hashed).toBeLessThan(summary.events);
    // Nothing changed since: every volume from the cache, no source read (the run record is forgotten).
    forgetRuns(p.options);
    p.parsed.length = 0;
    const again = runBoth(p, 'volume-again');
    expect(again.volumes).toEqual({ count: 3, built: 0 });
    expect(again.files).toMatchObject({ written: 0, rendered: 0, hashed: 0 });
    expect(p.parsed).toEqual([]);
  });

  it('with volumes, builds them on worker threads (all when cold, the changed one after a change) and writes what one thread writes', async () => {
    const p = volumeProject('ingest-volumes-workers-');
    const threaded = { ...p.options, workers: 2 };
    /** The same run on worker threads and, uncached from a copy of the same previous output, on this thread. */
    const both = async (label: string) => {
      const plainOut = join(p.dir, `plain-${label}`);
      if (existsSync(p.options.outDir)) cpSync(p.options.outDir, plainOut, { recursive: true });
      const { cacheDir: _none, onParse: _p, ...uncached } = p.options;
      const summary = await runIngestAsync(threaded);
      const plain = runIngest({ ...uncached, outDir: plainOut });
      expect(folderFiles(p.options.outDir), label).toEqual(folderFiles(plainOut));
      expect(outcome(summary), label).toEqual(outcome(plain));
      return summary;
    };
    expect((await both('cold')).volumes).toEqual({ count: 3, built: 3, onWorkers: 3 });
    writeFileSync(join(p.options.sourcesDir, 'v-7.txt'), monthArticle(7, ' Rubio met Umerov on Friday.'));
    expect((await both('change')).volumes).toEqual({ count: 3, built: 1, onWorkers: 1 });
    // The volume built on a worker was stored: nothing left to build.
    forgetRuns(p.options);
    expect((await both('again')).volumes).toEqual({ count: 3, built: 0 });
    // No worker threads allowed: the volume is built on this thread.
    writeFileSync(join(p.options.sourcesDir, 'v-1.txt'), monthArticle(1, ' Witkoff met Dmitriev on Monday.'));
    expect((await runIngestAsync({ ...p.options, workers: 0 })).volumes).toEqual({ count: 3, built: 1 });
    // A damaged prepared record of a source of the volume to build (handed to the worker unparsed): the worker gives
    // the volume back unbuilt, and this thread builds it from the dated layer, as an uncached run would.
    damageRecord(join(p.options.cacheDir as string, 'prepared.pack'), 'v-5.txt');
    writeFileSync(join(p.options.sourcesDir, 'v-4.txt'), monthArticle(4, ' Kushner met Umerov on Tuesday.'));
    expect((await both('damaged')).volumes).toEqual({ count: 3, built: 1 });
  });

  it('with volumes, a curation edit or another focus date changes the events of unchanged volumes as an uncached run does', () => {
    const p = volumeProject('ingest-volumes-curation-');
    p.options.curationPath = join(p.dir, 'curation.yaml');
    p.options.timelinePath = join(p.dir, 'timeline.yaml');
    const first = runIngest(p.options);
    expect(first.volumes).toEqual({ count: 3, built: 3 });
    // An event of September's volume, known by its identity (one draft, no curation) until an editor retitles it.
    const september = readdirSync(p.options.outDir).find((n) => n.startsWith('2025-09-'));
    if (september === undefined) throw new Error('expected an event in September');
    const id = september.slice(0, -'.md'.length);
    const steps: Array<[string, () => void, (s: IngestSummary) => void]> = [
      [
        'retitle',
        () => writeFileSync(p.options.curationPath, `events:\n  ${id}:\n    title: Retitled by an editor\n`),
        (s) => {
          expect(readFileSync(join(p.options.outDir, september), 'utf8')).toContain('Retitled by an editor');
          expect(s.files?.written).toBe(1);
        },
      ],
      [
        'focus',
        () => writeFileSync(p.options.timelinePath, 'focusFrom: 2025-10-15\n'),
        (s) => {
          expect(readFileSync(join(p.options.outDir, september), 'utf8')).toContain('background: true');
          expect(s.files?.written).toBeGreaterThan(1);
        },
      ],
      ['no curation', () => rmSync(p.options.curationPath), (s) => expect(s.files?.written).toBe(1)],
    ];
    for (const [label, step, check] of steps) {
      step();
      const summary = runBoth(p, label);
      expect(summary.volumes, label).toEqual({ count: 3, built: 0 });
      check(summary);
    }
  });

  it('writes what an uncached run writes after a source is changed, added or deleted', () => {
    const p = project(8);
    runIngest(p.options);
    const steps: Array<[string, () => void]> = [
      [
        'change',
        () => writeFileSync(join(p.options.sourcesDir, 's-3.txt'), article(3, ' Rubio met Umerov on Friday.')),
      ],
      ['add', () => writeFileSync(join(p.options.sourcesDir, 's-8.txt'), article(11))],
      ['delete', () => rmSync(join(p.options.sourcesDir, 's-1.txt'))],
    ];
    for (const [label, step] of steps) {
      const before = folderFiles(p.options.outDir);
      step();
      p.parsed.length = 0;
      const summary = runBoth(p, label);
      expect(folderFiles(p.options.outDir), label).not.toEqual(before); // the step changed the output
      expect(p.parsed.length, label).toBeLessThanOrEqual(1); // only the changed or added source was read
      expect(summary.files?.written, label).toBeGreaterThan(0);
      expect(summary.files?.kept, label).toBeGreaterThan(0);
    }
  });

  it('rewrites only the files whose bytes change, and renders nothing when nothing changed', () => {
    const p = project(8);
    const first = runIngest(p.options);
    const ids = identities(p.options.outDir);
    const warm = runIngest(p.options);
    expect(warm.files).toEqual({ written: 0, kept: first.events, removed: 0, rendered: 0, hashed: 0 });
    expect(identities(p.options.outDir)).toEqual(ids);

    const before = folderFiles(p.options.outDir);
    writeFileSync(join(p.options.sourcesDir, 's-5.txt'), article(5, ' Witkoff met Dmitriev on Thursday.'));
    const summary = runIngest(p.options);
    const after = folderFiles(p.options.outDir);
    const now = identities(p.options.outDir);
    const changed = Object.keys(after).filter((n) => after[n] !== before[n]);
    const same = Object.keys(after).filter((n) => after[n] === before[n]);
    expect(changed.length).toBeGreaterThan(0);
    expect(same.length).toBeGreaterThan(0);
    expect(summary.files?.written).toBe(changed.length);
    expect(summary.files?.removed).toBe(Object.keys(before).filter((n) => !(n in after)).length);
    for (const n of same) expect(now[n], n).toBe(ids[n]);
    for (const n of changed) expect(now[n], n).not.toBe(ids[n]);
  });

  it('leaves unchanged files alone without a manifest too (renders and compares)', () => {
    const p = project(6);
    runIngest(p.options);
    const ids = identities(p.options.outDir);
    rmSync(join(p.options.cacheDir as string, 'output'), { recursive: true });
    const { cacheDir: _none, ...uncached } = p.options;
    const summary = runIngest(uncached);
    expect(summary.files?.written).toBe(0);
    expect(summary.files?.rendered).toBe(summary.events);
    expect(identities(p.options.outDir)).toEqual(ids);
  });

  it('reads past damaged cache entries and a hand-edited event file as an uncached run would', () => {
    const p = project(8);
    runIngest(p.options);
    const cacheDir = p.options.cacheDir as string;
    // Damaged facts and prepared entries (one cut off, one foreign), a damaged dated entry, a damaged volume (so
    // that prepared entries are read), a damaged manifest.
    damageRecord(factsPack(cacheDir).dir, 's-2.txt');
    storeForeign(factsPack(cacheDir).dir, 's-4.txt', JSON.stringify({ id: 7 }));
    for (const name of volumePack(cacheDir).names()) damageRecord(volumePack(cacheDir).dir, name);
    damageRecord(preparedPack(cacheDir).dir, 's-2.txt');
    storeForeign(preparedPack(cacheDir).dir, 's-4.txt', JSON.stringify({ prepared: { nonsense: true } }));
    storeForeign(datedPack(cacheDir).dir, 's-4.txt', '[]');
    for (const f of readdirSync(join(cacheDir, 'output'))) writeFileSync(join(cacheDir, 'output', f), '{"format":1');
    p.parsed.length = 0;
    const summary = runBoth(p, 'damaged');
    expect(p.parsed.map((x) => x.slice(-7))).toEqual(['s-4.txt']); // s-2 was prepared again from its dated entry
    expect(summary.cache).toEqual({ hits: 7, misses: 1 });

    // The damaged entries were replaced: the next run reads nothing and writes nothing.
    p.parsed.length = 0;
    const again = runIngest(p.options);
    expect(p.parsed).toEqual([]);
    expect(again.files).toMatchObject({ written: 0, rendered: 0 });
  });

  it('reads an event file edited by hand again instead of trusting the manifest, and rewrites it', () => {
    const p = project(8);
    runIngest(p.options);
    const names = readdirSync(p.options.outDir).filter((n) => n.split('-').length >= 7);
    expect(names.length).toBeGreaterThanOrEqual(2);
    const edit = (name: string, from: string | RegExp, to: string) => {
      const file = join(p.options.outDir, name);
      const text = readFileSync(file, 'utf8');
      expect(text.replace(from, to)).not.toBe(text);
      writeFileSync(file, text.replace(from, to));
    };
    // One file's summary reworded (its event is unchanged), another's id changed (still a keepable id: it is kept).
    const [reworded, renamed] = names as [string, string];
    edit(reworded, /\n\n[^\n]/, '\n\nEdited by hand. ');
    const id = renamed.replace(/\.md$/, '');
    edit(renamed, `id: ${id}`, `id: ${id}-renamed`);
    const summary = runBoth(p, 'hand-edited');
    expect(readdirSync(p.options.outDir)).toContain(`${id}-renamed.md`);
    expect(readFileSync(join(p.options.outDir, reworded), 'utf8')).not.toContain('Edited by hand.');
    expect(summary.files?.written).toBe(2);
  });

  it('prepares every source again when the gazetteer changes, without reading any', () => {
    const p = project(8);
    const gazetteerDir = join(p.dir, 'gazetteer');
    cpSync(p.options.gazetteerDir, gazetteerDir, { recursive: true });
    p.options.gazetteerDir = gazetteerDir;
    runIngest(p.options);
    const before = folderFiles(p.options.outDir);
    const people = join(gazetteerDir, 'people.yaml');
    const text = readFileSync(people, 'utf8');
    expect(text).toContain('aliases: [Kushner]');
    writeFileSync(people, text.replace('aliases: [Kushner]', 'aliases: [Jared]')); // "Kushner" is no longer a tag
    p.parsed.length = 0;
    runBoth(p, 'gazetteer');
    expect(p.parsed).toEqual([]);
    expect(folderFiles(p.options.outDir)).not.toEqual(before);
  });

  it('resident: keeps the gazetteer it loaded while its files stay the same, and tags with an edited one', () => {
    const p = project(8);
    const gazetteerDir = join(p.dir, 'gazetteer');
    cpSync(p.options.gazetteerDir, gazetteerDir, { recursive: true });
    const memo = newMemo();
    p.options = { ...p.options, gazetteerDir, memo };
    runIngest(p.options);
    const loaded = memo.gazetteer?.value;
    expect(loaded).toBeDefined();
    writeFileSync(join(p.options.sourcesDir, 's-6.txt'), article(6, ' Kushner met Rubio on Wednesday.'));
    runBoth(p, 'resident-source');
    expect(memo.gazetteer?.value).toBe(loaded);
    const people = join(gazetteerDir, 'people.yaml');
    writeFileSync(people, readFileSync(people, 'utf8').replace('aliases: [Kushner]', 'aliases: [Jared]'));
    const before = folderFiles(p.options.outDir);
    runBoth(p, 'resident-gazetteer');
    expect(memo.gazetteer?.value).not.toBe(loaded);
    expect(folderFiles(p.options.outDir)).not.toEqual(before);
  });

  it('leaves the previous output untouched when an in-place write fails', () => {
    const p = project(8);
    runIngest(p.options);
    writeFileSync(join(p.options.sourcesDir, 's-6.txt'), article(6, ' Kushner met Rubio on Wednesday.'));
    const before = folderFiles(p.options.outDir);
    const ids = identities(p.options.outDir);
    for (const write of [{ afterFile: () => fail('staging') }, { afterMove: () => fail('moving') }]) {
      expect(() => runIngest({ ...p.options, write })).toThrow('injected');
      expect(folderFiles(p.options.outDir)).toEqual(before);
      expect(readdirSync(p.dir).filter((n) => n.startsWith('.'))).toEqual([]); // no temp folders left
    }
    // Entries moved aside and back count as rewritten for the manifest; the output is still what a cold run writes.
    expect(Object.keys(identities(p.options.outDir))).toEqual(Object.keys(ids));
    const summary = runBoth(p, 'after-failure');
    expect(summary.files?.written).toBeGreaterThan(0);
  });
});

function fail(where: string): never {
  throw new Error(`disk full while ${where} (injected)`);
}
