/**
 * Replace a folder's contents all at once: write everything into a sibling temp folder, then swap it in
 * with renames. A failure before the swap leaves the previous folder exactly as it was.
 * `updateDirAtomically` does the same for a folder most of whose files stay: only what changes is touched.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Write one file through a temp file and a rename (creating its folder), so a reader never sees half of it. */
export function writeFileAtomically(path: string, contents: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

export interface AtomicWriteOptions {
  /** Called after each file is written to the temp folder; tests use it to inject a failure halfway. */
  afterFile?: (name: string) => void;
  /** Called after each new file is moved into the folder (in-place update only); tests inject failures with it. */
  afterMove?: (name: string) => void;
}

/** What `updateDirAtomically` makes of a folder: these files written, these kept, everything else removed. */
export interface DirUpdate {
  /** New or changed files, name → contents. */
  write: ReadonlyMap<string, string>;
  /** Files already in the folder with the right contents: left exactly as they are (not even renamed). */
  keep: ReadonlySet<string>;
}

/** What an update changed: files written, entries removed. */
export interface DirUpdateResult {
  written: number;
  removed: number;
}

const byName = ([a]: [string, string], [b]: [string, string]) => (a < b ? -1 : a > b ? 1 : 0);

/** Sibling temp and old-folder paths of `dir` (hidden, per process). */
function siblings(dir: string): { parent: string; tmp: string; old: string } {
  const parent = dirname(dir);
  return {
    parent,
    tmp: join(parent, `.${basename(dir)}.tmp-${process.pid}`),
    old: join(parent, `.${basename(dir)}.old-${process.pid}`),
  };
}

/** Write `files` into a fresh `tmp` folder; on any failure the folder is removed and the error rethrown. */
function stage(tmp: string, files: ReadonlyMap<string, string>, options: AtomicWriteOptions): void {
  rmSync(tmp, { recursive: true, force: true });
  try {
    mkdirSync(tmp);
    for (const [name, contents] of [...files].sort(byName)) {
      writeFileSync(join(tmp, name), contents);
      options.afterFile?.(name);
    }
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}

/** Write `files` (name → contents) as the whole new contents of `dir`. */
export function replaceDirAtomically(
  dir: string,
  files: ReadonlyMap<string, string>,
  options: AtomicWriteOptions = {},
): void {
  const { parent, tmp, old } = siblings(dir);
  mkdirSync(parent, { recursive: true });
  stage(tmp, files, options);
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

/**
 * Make `dir` hold exactly `keep` and `write`, touching only the entries that change. New and changed files are
 * first written to a sibling temp folder (a failure there leaves `dir` untouched, as `replaceDirAtomically`
 * does); then every entry to replace or remove is moved aside into a sibling folder and the new files are moved
 * in. A failure while moving undoes the moves, so the folder is as it was. Unlike the whole-folder swap, a crash
 * of the process in the middle of the moves can leave a mix; the next ingest rewrites what differs.
 * With nothing to keep (or no folder yet) this is `replaceDirAtomically`.
 */
export function updateDirAtomically(dir: string, update: DirUpdate, options: AtomicWriteOptions = {}): DirUpdateResult {
  if (update.keep.size === 0) {
    const before = existsSync(dir) && statSync(dir).isDirectory() ? readdirSync(dir) : [];
    replaceDirAtomically(dir, update.write, options);
    return { written: update.write.size, removed: before.filter((n) => !update.write.has(n)).length };
  }
  const current = readdirSync(dir);
  // Caller mistakes are errors before anything is written.
  const present = new Set(current);
  for (const name of update.keep) {
    if (update.write.has(name)) throw new Error(`updateDirAtomically: ${name} is both kept and written`);
    if (!present.has(name)) throw new Error(`updateDirAtomically: ${name} is to be kept but is not in ${dir}`);
  }
  const aside = current.filter((n) => !update.keep.has(n));
  moveInPlace(dir, update.write, aside, options);
  return { written: update.write.size, removed: aside.filter((n) => !update.write.has(n)).length };
}

/**
 * `updateDirAtomically` for a caller that knows what changes: `write` written, `remove` removed (entries that are
 * not there are skipped), every other entry left as it is. The folder must exist.
 */
export function changeDirAtomically(
  dir: string,
  write: ReadonlyMap<string, string>,
  remove: Iterable<string>,
  options: AtomicWriteOptions = {},
): DirUpdateResult {
  const gone = new Set([...remove].filter((n) => !write.has(n)));
  const aside = [...gone, ...write.keys()].filter((n) => existsSync(join(dir, n)));
  moveInPlace(dir, write, aside, options);
  return { written: write.size, removed: aside.filter((n) => gone.has(n)).length };
}

/** Stage `write`, move the entries `aside` out and the staged files in; undone on any failure. */
function moveInPlace(
  dir: string,
  write: ReadonlyMap<string, string>,
  aside: readonly string[],
  options: AtomicWriteOptions,
): void {
  if (write.size === 0 && aside.length === 0) return;
  const { tmp, old } = siblings(dir);
  stage(tmp, write, options);
  const movedAside: string[] = [];
  const movedIn: string[] = [];
  try {
    rmSync(old, { recursive: true, force: true });
    mkdirSync(old);
    for (const name of aside) {
      renameSync(join(dir, name), join(old, name));
      movedAside.push(name);
    }
    for (const [name] of [...write].sort(byName)) {
      renameSync(join(tmp, name), join(dir, name));
      movedIn.push(name);
      options.afterMove?.(name);
    }
  } catch (error) {
    // Undo in reverse: the new files out, the old entries back.
    for (const name of movedIn.reverse()) rmSync(join(dir, name), { force: true });
    for (const name of movedAside.reverse()) renameSync(join(old, name), join(dir, name));
    rmSync(tmp, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
    throw error;
  }
  rmSync(tmp, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
}
