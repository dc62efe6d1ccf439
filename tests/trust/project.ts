/**
 * A private copy of the project for builds under test: its own content, its own `.astro/` and Astro cache, the
 * real node_modules by symlink. Builds never touch the working tree, and two builds at once never share files.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = process.cwd();
const COPIED = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'content'];

/** Copy the project (or another copy, `from`) into a new temp folder; returns the copy's root. */
export function copyProject(label: string, from = ROOT): string {
  const dir = join(mkdtempSync(join(tmpdir(), `trust-${label}-`)), 'project');
  mkdirSync(dir);
  for (const name of COPIED) cpSync(join(from, name), join(dir, name), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // The default cache lives in node_modules/.astro, which the symlink would share with every other build.
  writeFileSync(
    join(dir, 'astro.trust.config.mjs'),
    "import config from './astro.config.mjs';\nexport default { ...config, cacheDir: './.astro-cache/' };\n",
  );
  return dir;
}

export interface BuildResult {
  code: number | null;
  /** stdout and stderr together. */
  output: string;
}

/** `astro build` in a project copy into `outDir`. */
export function buildProject(dir: string, outDir: string, env: NodeJS.ProcessEnv = {}): BuildResult {
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--config', 'astro.trust.config.mjs', '--outDir', outDir],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
  );
  return { code: r.status, output: `${r.stdout}\n${r.stderr}` };
}

/** Build a project copy, throwing with Astro's output when the build fails. */
export function buildOrThrow(dir: string, outDir: string, env: NodeJS.ProcessEnv = {}): void {
  const r = buildProject(dir, outDir, env);
  if (r.code !== 0) throw new Error(`astro build failed in ${dir}:\n${r.output.slice(-4000)}`);
}
