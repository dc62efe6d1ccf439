/**
 * The ingest's content-hash cache: a source whose bytes (and whose reading code) did not change is not
 * parsed or dated again. Its first layer, the dated documents, is a pack (pack.ts) in `<cache>/dated.pack/`:
 * each source's entry is the JSON of its dated document, stored under a key of its name, bytes and the code.
 * Anything unreadable is a miss, never an error: the cache is only speed.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatedDocument } from '../events/index.ts';
import { Pack, readJson } from './pack.ts';

/** Bump when the entry layout changes (the code hash covers changes to the reader and the dates code). */
const CACHE_FORMAT = 2;

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

/** The dated layer of the cache in `cacheDir`. */
export function datedPack(cacheDir: string): Pack {
  return new Pack(join(cacheDir, 'dated.pack'));
}

/** The cached dated document of each `[name, key]`; undefined for a miss or a bad entry. */
export function readCacheEntries(
  pack: Pack,
  wanted: ReadonlyArray<readonly [name: string, key: string]>,
): Array<DatedDocument | undefined> {
  return readJson(pack, wanted, isDated);
}

/** Just enough shape checking that a foreign JSON text cannot reach the events stage. */
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

/** Stage an entry; it is written by the pack's next `commit`. */
export function putCacheEntry(pack: Pack, name: string, key: string, dated: DatedDocument): void {
  pack.put(name, key, JSON.stringify(dated));
}

/**
 * Remove the one-file-per-entry cache of earlier versions (`<cache>/*.json`, `<cache>/prepared/`): the packs
 * replace it, and 20,000 stale files would only take space. The files of today's cache are kept (`current`):
 * removing the list of source keys made every run read every source again to hash it.
 */
export function removeLegacyEntries(cacheDir: string, current: readonly string[]): void {
  let names: string[];
  try {
    names = readdirSync(cacheDir);
  } catch {
    return;
  }
  for (const name of names) {
    if (current.includes(name)) continue;
    if (name.endsWith('.json') || name === 'prepared') rmSync(join(cacheDir, name), { recursive: true, force: true });
  }
}
