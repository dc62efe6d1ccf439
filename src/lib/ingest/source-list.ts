/**
 * The sources folder as the ingest and the site both list it: which files are sources, in which order, and the
 * one rule across them (unique ids). One place, so that the timeline and the source pages can never disagree.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.ts';

/** The `*.txt` file names of the sources folder, sorted; an empty or missing folder is an InputError. */
export function sourceNames(dir: string): string[] {
  if (!existsSync(dir)) throw new InputError(dir, 'sources folder not found');
  if (!statSync(dir).isDirectory()) throw new InputError(dir, 'is a file: --sources must name a folder');
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort();
  if (names.length === 0) throw new InputError(dir, 'no sources (*.txt) in this folder');
  // Reading a folder named x.txt would fail with a stack trace; say what is wrong instead.
  for (const n of names) {
    if (!statSync(join(dir, n)).isFile()) throw new InputError(join(dir, n), 'is not a regular file');
  }
  return names;
}

/** Source ids must be unique: the first clash, in file order, is the editor's mistake. */
export function checkUniqueIds(dir: string, names: readonly string[], ids: readonly string[]): void {
  const byId = new Map<string, string>();
  ids.forEach((id, i) => {
    const path = join(dir, names[i] ?? '');
    const clash = byId.get(id);
    if (clash !== undefined) throw new InputError(path, `duplicate source id "${id}" (also in ${clash})`);
    byId.set(id, path);
  });
}
