/**
 * Take the previous build's output out of `astro build`'s way. Astro empties an existing outDir before it builds,
 * synchronously (one recursive `rmSync` per top-level entry: an `unlink` per file and folder, ~14,500 at 1,000
 * articles), and the build waits for it; on this project's disk the freed blocks also slow the writes that follow.
 * Instead the old folder is renamed aside (same parent, so the same file system: one atomic rename), Astro finds
 * no outDir to empty, and once the build is over (done or failed) a detached child process deletes every folder
 * moved aside, this one and any a killed build left. Deleting while the build runs was measured slower: the
 * deletion competes with the build's own writes. When the rename fails (outDir is a mount point, say), nothing
 * changes: Astro empties outDir as before.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The name prefix of an outDir moved aside (`dist` → `.dist-old-…`): hidden, so tsc's `**\/*` skips it. */
export function asidePrefix(outDir: string): string {
  return `.${basename(outDir)}-old-`;
}

/** Folders of earlier builds moved aside next to `outDir` and not yet deleted. */
export function leftovers(outDir: string): string[] {
  const parent = dirname(resolve(outDir));
  const prefix = asidePrefix(outDir);
  if (!existsSync(parent)) return [];
  return readdirSync(parent, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name.startsWith(prefix))
    .map((e) => join(parent, e.name))
    .sort();
}

/**
 * Rename `outDir` to a fresh `.<name>-old-<random>` next to it (random: two builds in one millisecond, or one
 * process building twice, must not rename onto each other's folder); returns the new path, or undefined when there
 * is no outDir or it cannot be renamed (then it stays where it is).
 */
export function moveAside(outDir: string): string | undefined {
  const dir = resolve(outDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return undefined;
  const aside = join(dirname(dir), `${asidePrefix(dir)}${randomUUID()}`);
  try {
    renameSync(dir, aside);
    return aside;
  } catch {
    return undefined;
  }
}

// Each folder on its own: one that fails (or that a concurrent sweep removed first) does not stop the rest.
const REMOVE =
  "for (const p of process.argv.slice(1)) { try { process.getBuiltinModule('node:fs').rmSync(p, { recursive: true, force: true, maxRetries: 3 }); } catch {} }";

/**
 * Delete `dirs` in a detached, unreferenced child process: this process neither waits for it nor keeps it alive.
 * Returns the child's pid (undefined when there is nothing to delete or the child could not start).
 */
export function removeInBackground(dirs: readonly string[]): number | undefined {
  if (dirs.length === 0) return undefined;
  const child = spawn(process.execPath, ['-e', REMOVE, '--', ...dirs], { detached: true, stdio: 'ignore' });
  // A child that fails to start leaves the folders for the next build's sweep.
  child.on('error', () => {});
  child.unref();
  return child.pid;
}

/**
 * The integration: before Astro's build starts, move the old outDir aside; when the build is over, delete it (and
 * any earlier ones) in the background. Must come after the integrations whose `astro:build:done` reads outDir
 * (Pagefind), so the deletion does not compete with them.
 */
export default function oldDistIntegration(): AstroIntegration {
  let outDir: string | undefined;
  let pending = false;
  const sweep = (): void => {
    if (!pending || outDir === undefined) return;
    pending = false;
    process.off('exit', sweep);
    removeInBackground(leftovers(outDir));
  };
  return {
    name: 'timeline-old-dist',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      // Runs before Astro empties outDir (and after the content sync, which does not write there).
      'astro:build:start': () => {
        if (outDir === undefined) return;
        moveAside(outDir);
        if (leftovers(outDir).length === 0) return;
        pending = true;
        // A failed build never reaches astro:build:done: its process still deletes what it moved aside on exit.
        process.once('exit', sweep);
      },
      'astro:build:done': sweep,
    },
  };
}
