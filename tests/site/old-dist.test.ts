/** Moving the previous build's dist/ aside and deleting it in the background (src/integrations/old-dist.ts). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import oldDist, { leftovers, moveAside, removeInBackground } from '../../src/integrations/old-dist.ts';
import { tempDir } from '../support/temp.ts';

/** A built-looking dist/ under a new project folder; returns its path. */
function builtDist(): string {
  const dist = join(tempDir('old-dist-'), 'dist');
  mkdirSync(join(dist, 'events', 'a'), { recursive: true });
  writeFileSync(join(dist, 'events', 'a', 'index.html'), 'old page');
  writeFileSync(join(dist, 'index.html'), 'old home');
  return dist;
}

/** Wait (polling) until none of `paths` exists; false when `ms` pass first. */
async function gone(paths: readonly string[], ms = 15_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (paths.some((p) => existsSync(p))) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

describe('moveAside', () => {
  it('renames dist/ to a hidden sibling, contents intact', () => {
    const dist = builtDist();
    const aside = moveAside(dist);
    expect(aside).toBeDefined();
    expect(existsSync(dist)).toBe(false);
    expect(dirname(aside!)).toBe(dirname(dist));
    expect(basename(aside!)).toMatch(/^\.dist-old-/);
    expect(readFileSync(join(aside!, 'events', 'a', 'index.html'), 'utf8')).toBe('old page');
  });

  it('accepts the trailing slash of a file URL path', () => {
    const dist = builtDist();
    const aside = moveAside(`${dist}/`);
    expect(existsSync(dist)).toBe(false);
    expect(dirname(aside!)).toBe(dirname(dist));
  });

  it('does nothing when there is no dist/', () => {
    const root = tempDir('old-dist-');
    expect(moveAside(join(root, 'dist'))).toBeUndefined();
    expect(readdirSync(root)).toEqual([]);
  });

  it('never collides with an earlier aside folder', () => {
    const dist = builtDist();
    const first = moveAside(dist);
    mkdirSync(dist);
    const second = moveAside(dist);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(leftovers(dist)).toEqual([first, second].sort());
  });
});

describe('leftovers', () => {
  it('lists only the folders moved aside from this outDir', () => {
    const root = tempDir('old-dist-');
    const dist = join(root, 'dist');
    for (const d of ['dist', '.dist-old-1-2', '.dist-old-3-4', 'dist-old-5', '.build-old-6', '.dist-older']) {
      mkdirSync(join(root, d));
    }
    writeFileSync(join(root, '.dist-old-file'), '');
    expect(leftovers(dist)).toEqual([join(root, '.dist-old-1-2'), join(root, '.dist-old-3-4')]);
    expect(leftovers(join(root, 'build'))).toEqual([join(root, '.build-old-6')]);
  });

  it('is empty when the parent folder does not exist', () => {
    expect(leftovers(join(tempDir('old-dist-'), 'missing', 'dist'))).toEqual([]);
  });
});

describe('removeInBackground', () => {
  it('deletes the given folders in a child process and nothing else', async () => {
    const a = moveAside(builtDist())!;
    const b = moveAside(builtDist())!;
    const keep = builtDist();
    const pid = removeInBackground([a, b]);
    expect(pid).toBeTypeOf('number');
    expect(pid).not.toBe(process.pid);
    expect(await gone([a, b])).toBe(true);
    expect(readFileSync(join(keep, 'index.html'), 'utf8')).toBe('old home');
  });

  it('skips a folder that is already gone and deletes the rest', async () => {
    const root = tempDir('old-dist-');
    const real = moveAside(builtDist())!;
    removeInBackground([join(root, 'never-existed'), real]);
    expect(await gone([real])).toBe(true);
  });

  it('starts nothing for an empty list', () => {
    expect(removeInBackground([])).toBeUndefined();
  });
});

type Hook = (params: unknown) => void | Promise<void>;

/** The integration's hooks, for a project whose outDir is `dist`. */
function hooks(dist: string): Record<'start' | 'done', Hook> {
  const integration = oldDist();
  const h = integration.hooks as Record<string, Hook>;
  h['astro:config:done']!({ config: { outDir: pathToFileURL(`${dist}/`) } });
  return { start: h['astro:build:start']!, done: h['astro:build:done']! };
}

describe('the integration', () => {
  it('moves dist/ aside before the build and deletes it, with earlier leftovers, after', async () => {
    const dist = builtDist();
    const earlier = join(dirname(dist), '.dist-old-1-1');
    mkdirSync(earlier);
    const { start, done } = hooks(dist);
    const exitListeners = process.listenerCount('exit');
    await start({});
    expect(existsSync(dist)).toBe(false);
    const aside = leftovers(dist);
    expect(aside).toHaveLength(2);
    // Stands in for Astro writing the new site.
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), 'new home');
    await done({});
    expect(process.listenerCount('exit')).toBe(exitListeners);
    expect(await gone(aside)).toBe(true);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('new home');
  });

  it('does nothing on a first build (no dist/, no leftovers)', async () => {
    const root = tempDir('old-dist-');
    const { start, done } = hooks(join(root, 'dist'));
    const exitListeners = process.listenerCount('exit');
    await start({});
    expect(process.listenerCount('exit')).toBe(exitListeners);
    await done({});
    expect(readdirSync(root)).toEqual([]);
  });

  it('still deletes the old dist/ when the build fails (the process exits without astro:build:done)', async () => {
    const dist = builtDist();
    const module = pathToFileURL(join(process.cwd(), 'src/integrations/old-dist.ts')).href;
    // A build process that gets as far as astro:build:start, then fails.
    const script = `
      const { default: oldDist } = await import(${JSON.stringify(module)});
      const h = oldDist().hooks;
      h['astro:config:done']({ config: { outDir: new URL(${JSON.stringify(pathToFileURL(`${dist}/`).href)}) } });
      await h['astro:build:start']({});
      process.exit(1);
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    expect(existsSync(dist)).toBe(false);
    expect(await gone([dirname(dist)].flatMap((p) => readdirSync(p).map((n) => join(p, n))))).toBe(true);
  });
});
