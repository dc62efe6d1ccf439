/** A throwaway copy of the project for one benchmark size: same code and settings, generated sources. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';

/** Copy what a build needs from `root` into a new temp folder, with `files` as content/sources. */
export function makeProject(root: string, files: ReadonlyMap<string, string>, label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `bench-${label}-`));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const p of [
    'src',
    'public',
    'scripts',
    'tsconfig.json',
    'package.json',
    'package-lock.json',
    'content/gazetteer',
  ])
    cpSync(join(root, p), join(dir, p), { recursive: true });
  // The synthetic corpus spans years: let the focus period follow it rather than the seed timeline's.
  const timeline = YAML.parse(readFileSync(join(root, 'content/timeline.yaml'), 'utf8')) as Record<string, unknown>;
  delete timeline['focusFrom'];
  writeFileSync(join(dir, 'content/timeline.yaml'), YAML.stringify(timeline));
  // The project's own config, minus the Pagefind integration, so Astro and Pagefind are timed apart; and a
  // content cache of its own (the default lives in the shared, symlinked node_modules, so copies would reuse
  // each other's cache and time a warm build as cold).
  cpSync(join(root, 'astro.config.mjs'), join(dir, 'astro.config.project.mjs'));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import config from './astro.config.project.mjs';\n" +
      "export default { ...config, cacheDir: './.astro-cache', integrations: config.integrations.filter((i) => i.name !== 'timeline-pagefind') };\n",
  );
  mkdirSync(join(dir, 'content/sources'), { recursive: true });
  for (const [name, text] of files) writeFileSync(join(dir, 'content/sources', name), text);
  return dir;
}
