/**
 * Build the site into a fresh folder for tests and benchmarks. The folder is made inside the project:
 * Astro keeps its prerender chunks next to an outDir within the cwd, but in a shared `.astro/` folder for an
 * outDir outside it, where two builds at once would overwrite each other's chunks.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';

/** Run `astro build` into a new folder under `<root>/.cache/builds/`; returns the dist path. */
export function buildSiteInto(root: string, label = 'build'): string {
  const parent = join(root, '.cache', 'builds');
  mkdirSync(parent, { recursive: true });
  const dist = join(mkdtempSync(join(parent, `${label}-`)), 'dist');
  execFileSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return dist;
}
