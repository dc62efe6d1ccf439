/** The command's bundles (scripts/lib/bundle.ts): made once, made again after any edit, and the sources without them. */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Builder, bundled, digest } from '../../scripts/lib/bundle.ts';
import { tempDir } from '../support/temp.ts';

/** Two entries sharing a module; `where` reports its own `import.meta.url`, as the ingest's cache keys do. */
function sources(): { dir: string; entries: Record<string, string> } {
  const dir = tempDir('bundle-');
  writeFileSync(
    join(dir, 'shared.ts'),
    'export const word: string = "one";\nexport const where: string = import.meta.url;\n',
  );
  writeFileSync(
    join(dir, 'main.ts'),
    'import { where, word } from "./shared.ts";\nexport const answer = { word, where };\n',
  );
  writeFileSync(
    join(dir, 'other.ts'),
    'import { word } from "./shared.ts";\nexport const other: string = word + "!";\n',
  );
  return { dir, entries: { main: join(dir, 'main.ts'), other: join(dir, 'other.ts') } };
}

async function load(url: string | undefined): Promise<Record<string, unknown>> {
  expect(url).toBeDefined();
  // A query makes each load a module of its own (a rebuilt bundle may reuse a file name).
  return (await import(`${url as string}?${Date.now()}${Math.random()}`)) as Record<string, unknown>;
}

describe('bundled', () => {
  it('makes one bundle per entry that runs like the sources, with import.meta.url of the source file', async () => {
    const { dir, entries } = sources();
    const urls = await bundled(entries, { dir: join(dir, 'cache') });
    const main = await load(urls?.['main']);
    expect(main['answer']).toEqual({ word: 'one', where: pathToFileURL(join(dir, 'shared.ts')).href });
    expect((await load(urls?.['other']))['other']).toBe('one!');
    expect(urls?.['main']).not.toContain(dir.concat('/main.ts'));
  });

  it('builds once while the files are the same, and again when one of them changes', async () => {
    const { dir, entries } = sources();
    let builds = 0;
    const options = { dir: join(dir, 'cache'), onBuild: () => builds++ };
    const first = await bundled(entries, options);
    const again = await bundled(entries, options);
    expect(builds).toBe(1);
    expect(again).toEqual(first);
    // A module that is not an entry changes: the bundles are stale.
    writeFileSync(join(dir, 'shared.ts'), 'export const word: string = "two";\nexport const where = "";\n');
    const rebuilt = await bundled(entries, options);
    expect(builds).toBe(2);
    expect(rebuilt?.['main']).not.toBe(first?.['main']);
    expect(((await load(rebuilt?.['main']))['answer'] as { word: string }).word).toBe('two');
  });

  it('builds again when the lock file changes (other libraries)', async () => {
    const { dir, entries } = sources();
    const lockFile = join(dir, 'lock.json');
    writeFileSync(lockFile, '{"v":1}');
    let builds = 0;
    const options = { dir: join(dir, 'cache'), lockFile, onBuild: () => builds++ };
    await bundled(entries, options);
    writeFileSync(lockFile, '{"v":2}');
    await bundled(entries, options);
    expect(builds).toBe(2);
  });

  it('gives nothing, and leaves no half-made folder, when the bundle cannot be made', async () => {
    const { dir, entries } = sources();
    const cache = join(dir, 'cache');
    const failing = async () => {
      throw new Error('no esbuild here');
    };
    expect(await bundled(entries, { dir: cache, builder: failing })).toBeUndefined();
    expect(readdirSync(cache)).toEqual([]);
    // A syntax error in a source: esbuild fails, the caller falls back to the sources (which report it themselves).
    writeFileSync(join(dir, 'shared.ts'), 'export const = ;\n');
    expect(await bundled(entries, { dir: cache })).toBeUndefined();
    expect(readdirSync(cache)).toEqual([]);
  });

  it('keeps no bundle when a file changed while it was being made', async () => {
    const { dir, entries } = sources();
    const cache = join(dir, 'cache');
    // A builder that reads the inputs, then sees one edited before it is done, as when an editor saves a file at that
    // moment: within the same tick of the file system's clock, which modification times could not tell apart.
    const editing: Builder = async (e, outdir) => {
      const read = new Map([...Object.values(e), join(dir, 'shared.ts')].map((f) => [f, digest(readFileSync(f))]));
      writeFileSync(join(dir, 'shared.ts'), 'export const word: string = "edited";\nexport const where = "";\n');
      mkdirSync(outdir, { recursive: true });
      for (const name of Object.keys(e)) writeFileSync(join(outdir, `${name}.mjs`), 'export {};\n');
      return read;
    };
    expect(await bundled(entries, { dir: cache, builder: editing })).toBeUndefined();
    expect(readdirSync(cache)).toEqual([]);
    // Unedited, the same builder's bundle is kept.
    const reading: Builder = async (e, outdir) => {
      const read = new Map([...Object.values(e), join(dir, 'shared.ts')].map((f) => [f, digest(readFileSync(f))]));
      mkdirSync(outdir, { recursive: true });
      for (const name of Object.keys(e)) writeFileSync(join(outdir, `${name}.mjs`), 'export {};\n');
      return read;
    };
    expect(await bundled(entries, { dir: cache, builder: reading })).toBeDefined();
  });

  it('does not trust a record whose bundle file is gone', async () => {
    const { dir, entries } = sources();
    const cache = join(dir, 'cache');
    let builds = 0;
    await bundled(entries, { dir: cache, onBuild: () => builds++ });
    const record = JSON.parse(readFileSync(join(cache, 'bundle.json'), 'utf8')) as { key: string };
    rmSync(join(cache, record.key, 'main.mjs'));
    const again = await bundled(entries, { dir: cache, onBuild: () => builds++ });
    expect(builds).toBe(2);
    expect((await load(again?.['main']))['answer']).toMatchObject({ word: 'one' });
  });
});
