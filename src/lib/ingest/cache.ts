/**
 * The ingest's content-hash cache: a source whose bytes (and whose reading code) did not change is not
 * parsed or dated again. One JSON file per source in `.cache/ingest/`, holding the key it was made
 * under and the dated document. Anything unreadable is a miss, never an error: the cache is only speed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatedDocument } from '../events/index.ts';
import { writeFileAtomically } from '../write/atomic-dir.ts';

/** Bump when the entry layout changes (the code hash covers changes to the reader and the dates code). */
const CACHE_FORMAT = 1;

/** The folders whose code decides a DatedDocument; their sources (and the shared model) are hashed. */
const CODE_DIRS = ['../read', '../dates'];
const CODE_FILES = ['../model.ts', './dated-read.ts'];

let memoVersion: string | undefined;

/** Every `.ts` file under `dir`, sorted, as absolute paths. */
export function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsFiles(path));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out.sort();
}

/** A hash of a cache format number and of code files (their paths from `/lib/` and their bytes). */
export function hashCode(format: number, files: readonly string[]): string {
  const h = createHash('sha256').update(`format ${format}\n`);
  for (const f of files) h.update(`${f.slice(f.lastIndexOf('/lib/'))}\n`).update(readFileSync(f));
  return h.digest('hex');
}

/** A hash of the reader and dates source code: any edit there invalidates every entry. */
export function codeVersion(): string {
  if (memoVersion !== undefined) return memoVersion;
  const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));
  memoVersion = hashCode(CACHE_FORMAT, [...CODE_DIRS.flatMap((d) => tsFiles(here(d))), ...CODE_FILES.map(here)]);
  return memoVersion;
}

/** The key of one source: its file name, its exact bytes and the code version. */
export function cacheKey(name: string, bytes: Uint8Array, version: string): string {
  return createHash('sha256').update(`${version}\n${name}\n`).update(bytes).digest('hex');
}

/** Entry file of a source file name (`x.txt` → `<dir>/x.json`). */
function entryPath(dir: string, name: string): string {
  return join(dir, `${name.replace(/\.txt$/, '')}.json`);
}

/** The cached dated document of `name` if it was stored under `key`; undefined for a miss or a bad entry. */
export function readCacheEntry(dir: string, name: string, key: string): DatedDocument | undefined {
  const path = entryPath(dir, name);
  if (!existsSync(path)) return undefined;
  try {
    const entry = JSON.parse(readFileSync(path, 'utf8')) as { key?: unknown; dated?: DatedDocument };
    if (entry.key !== key || !isDated(entry.dated)) return undefined;
    return entry.dated;
  } catch {
    return undefined; // truncated or hand-edited: read the source again
  }
}

/** Just enough shape checking that a foreign JSON file cannot reach the events stage. */
function isDated(value: unknown): value is DatedDocument {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { doc?: { sentences?: unknown; source?: unknown }; expressions?: unknown };
  return (
    Array.isArray(v.expressions) &&
    typeof v.doc === 'object' &&
    v.doc !== null &&
    Array.isArray(v.doc.sentences) &&
    v.doc.sentences.length === v.expressions.length &&
    typeof v.doc.source === 'object'
  );
}

/** Store an entry; written to a temp file and renamed, so a concurrent reader never sees half of it. */
export function writeCacheEntry(dir: string, name: string, key: string, dated: DatedDocument): void {
  writeFileAtomically(entryPath(dir, name), JSON.stringify({ key, dated }));
}

/** Remove entries (`<name>.json` in `dir`) of sources that no longer exist, so the cache never outgrows the corpus. */
export function pruneCache(dir: string, keepNames: readonly string[]): number {
  if (!existsSync(dir)) return 0;
  const keep = new Set(keepNames.map((n) => `${n.replace(/\.txt$/, '')}.json`));
  let removed = 0;
  for (const f of readdirSync(dir)) {
    if (f.endsWith('.json') && !keep.has(f)) {
      rmSync(join(dir, f), { force: true });
      removed++;
    }
  }
  return removed;
}
