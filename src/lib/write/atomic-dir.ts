/**
 * Replace a folder's contents all at once: write everything into a sibling temp folder, then swap it in
 * with renames. A failure before the swap leaves the previous folder exactly as it was.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Called after each file is written to the temp folder; tests use it to inject a failure halfway. */
  afterFile?: (name: string) => void;
}

/** Write `files` (name → contents) as the whole new contents of `dir`. */
export function replaceDirAtomically(
  dir: string,
  files: ReadonlyMap<string, string>,
  options: AtomicWriteOptions = {},
): void {
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(dir)}.tmp-${process.pid}`);
  const old = join(parent, `.${basename(dir)}.old-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    mkdirSync(tmp);
    for (const [name, contents] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      writeFileSync(join(tmp, name), contents);
      options.afterFile?.(name);
    }
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  // The swap: two renames on one file system; the old folder is removed only once the new one is in place.
  const hadOld = existsSync(dir);
  if (hadOld) renameSync(dir, old);
  try {
    renameSync(tmp, dir);
  } catch (error) {
    if (hadOld) renameSync(old, dir);
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  if (hadOld) rmSync(old, { recursive: true, force: true });
}
