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
  // The folder's entries with their types (no stat per file: 10,000 sources cost 0.06 s of stat calls otherwise).
  const entries = readdirSync(dir, { withFileTypes: true }).filter((e) => e.name.endsWith('.txt'));
  if (entries.length === 0) throw new InputError(dir, 'no sources (*.txt) in this folder');
  // Reading a folder named x.txt would fail with a stack trace; say what is wrong instead. A link counts as what it
  // points to, and a file system that does not tell types (unknown) is asked.
  const sorted = entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of sorted) {
    const regular = e.isFile() || ((e.isSymbolicLink() || !e.isDirectory()) && isFileAt(join(dir, e.name)));
    if (!regular) throw new InputError(join(dir, e.name), 'is not a regular file');
  }
  return sorted.map((e) => e.name);
}

function isFileAt(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
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
