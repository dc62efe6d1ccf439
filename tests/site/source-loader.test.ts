import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataStore, LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/lib/errors.ts';
import { cacheKey, codeVersion, datedPack, putCacheEntry } from '../../src/lib/ingest/cache.ts';
import { dateDocument } from '../../src/lib/ingest/dated-read.ts';
import { parseSourceFile, readDocument } from '../../src/lib/read/index.ts';
import type { SourceFile } from '../../src/lib/site/source-loader.ts';
import { sourcePageData, sourcesLoader } from '../../src/lib/site/source-loader.ts';
import { tempDir } from '../support/temp.ts';

type Entry = ReturnType<DataStore['values']>[number];

/** Astro's scoped store as far as the loader uses it: insertion order, and `set` skips an entry whose digest is unchanged. */
function memoryStore() {
  const map = new Map<string, Entry>();
  const writes: string[] = [];
  const store = {
    get: (id: string) => map.get(id),
    entries: () => [...map],
    values: () => [...map.values()],
    keys: () => [...map.keys()],
    has: (id: string) => map.has(id),
    delete: (id: string) => void map.delete(id),
    clear: () => map.clear(),
    set: (e: Entry) => {
      if (e.digest !== undefined && map.get(e.id)?.digest === e.digest) return false;
      map.set(e.id, e);
      writes.push(e.id);
      return true;
    },
    addModuleImport: () => {},
  };
  return { store: store as unknown as DataStore, map, writes };
}

function source(id: string, sentence: string): string {
  return `---\nid: ${id}\npublished: '2025-11-30'\ntimeZone: UTC\n---\n${sentence} Officials said so.\n`;
}

/** A sources folder, an empty ingest cache, and a loader that counts what it reads and validates. */
function setup() {
  const root = tempDir('source-loader-');
  const dir = join(root, 'sources');
  const cacheDir = join(root, 'cache');
  mkdirSync(dir);
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
  const read: string[] = [];
  const parsed: string[] = [];
  const { store, map, writes } = memoryStore();
  const loader = sourcesLoader({
    dir,
    cacheDir,
    read: (f: SourceFile) => {
      read.push(f.name);
      return readDocument(parseSourceFile(f.path, f.bytes));
    },
  });
  const context = {
    store,
    parseData: async ({ id, data }: { id: string; data: Record<string, unknown> }) => {
      parsed.push(id);
      return data;
    },
  } as unknown as LoaderContext;
  const load = async () => {
    read.length = 0;
    parsed.length = 0;
    writes.length = 0;
    await loader.load(context);
  };
  return { dir, cacheDir, write, load, read, parsed, writes, map };
}

/** Two sources, b.txt and c.txt. */
function withFolder() {
  const s = setup();
  s.write('b.txt', source('beta', 'On Sunday, the council met in Geneva.'));
  s.write('c.txt', source('gamma', 'On Monday, the envoys flew to Moscow.'));
  return s;
}

describe('sources collection loader', () => {
  it('loads every source as the reader reads it, in file order', async () => {
    const s = withFolder();
    await s.load();
    expect([...s.map.keys()]).toEqual(['beta', 'gamma']);
    const text = source('beta', 'On Sunday, the council met in Geneva.');
    const doc = readDocument(parseSourceFile(join(s.dir, 'b.txt'), new TextEncoder().encode(text)));
    expect(s.map.get('beta')?.data).toEqual(sourcePageData(doc));
    expect(s.read).toEqual(['b.txt', 'c.txt']);
  });

  it('reads, validates and writes nothing again for unchanged sources', async () => {
    const s = withFolder();
    await s.load();
    await s.load();
    expect([s.read, s.parsed, s.writes]).toEqual([[], [], []]);
  });

  it('reads again only a changed source, and keeps the order', async () => {
    const s = withFolder();
    await s.load();
    s.write('b.txt', source('beta', 'On Tuesday, the council met in Paris.'));
    await s.load();
    expect(s.read).toEqual(['b.txt']);
    expect([...s.map.keys()]).toEqual(['beta', 'gamma']);
    expect(JSON.stringify(s.map.get('beta')?.data)).toContain('Paris');
  });

  it('after an addition or a removal, holds what a fresh load holds, in the same order', async () => {
    const s = withFolder();
    await s.load();
    s.write('a.txt', source('alpha', 'On Friday, talks began.'));
    rmSync(join(s.dir, 'c.txt'));
    await s.load();
    expect(s.read).toEqual(['a.txt']);
    const fresh = setup();
    cpSync(s.dir, fresh.dir, { recursive: true });
    await fresh.load();
    expect([...s.map.entries()].map(([id, e]) => [id, e.data])).toEqual(
      [...fresh.map.entries()].map(([id, e]) => [id, e.data]),
    );
    expect([...s.map.keys()]).toEqual(['alpha', 'beta']);
  });

  it('rejects a duplicate source id, naming both files', async () => {
    const s = withFolder();
    s.write('d.txt', source('beta', 'On Friday, talks began.'));
    const err = await s.load().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    expect(String((err as InputError).message)).toMatch(/duplicate source id "beta" \(also in .*b\.txt\)/);
    expect((err as InputError).file).toMatch(/d\.txt$/);
  });

  it("takes a document from the ingest's cache when it holds one for these exact bytes", async () => {
    const s = withFolder();
    // The cache entry is the document of another text: seeing it proves the source was not read again.
    const other = readDocument(
      parseSourceFile(join(s.dir, 'b.txt'), new TextEncoder().encode(source('beta', 'Cached, not read.'))),
    );
    const bytes = new TextEncoder().encode(source('beta', 'On Sunday, the council met in Geneva.'));
    const pack = datedPack(s.cacheDir);
    putCacheEntry(pack, 'b.txt', cacheKey('b.txt', bytes, codeVersion()), dateDocument(other));
    pack.commit();
    await s.load();
    expect(s.read).toEqual(['c.txt']);
    expect(JSON.stringify(s.map.get('beta')?.data)).toContain('Cached, not read.');
  });
});
