/**
 * Each source's cache key without reading every source: a file whose stat fingerprint (size, modification and
 * change times, inode) is the one it had when it was last hashed keeps its key. The list lives in the cache
 * (`<cache>/source-keys.json`); a missing or damaged list, or another code version, means every file is hashed.
 *
 * A change made within the file system's clock tick after a file was hashed could keep its fingerprint (git's
 * "racy" case): a file is remembered only when its last change is older than `SETTLE.ms` before it was read.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { changedAt, fingerprint } from '../write/output-manifest.ts';
import { writeFileAtomically } from '../write/atomic-dir.ts';
import { cacheKey } from './cache.ts';

/** Bump when the list's layout changes. */
const FORMAT = 1;

/**
 * How long before a read a file must have last changed for its fingerprint to vouch for its bytes (an object so
 * that tests can shorten it).
 */
export const SETTLE = { ms: 2000 };

/** True when a file's last change (ms since 1970) came long enough before `started` for its fingerprint to vouch. */
export function settled(lastChange: number, started: number): boolean {
  return lastChange < started - SETTLE.ms;
}

interface KeyList {
  format: number;
  version: string;
  /** name → [fingerprint, key] */
  files: Record<string, [string, string]>;
}

/** The list's file in the cache folder. */
export const KEY_LIST = 'source-keys.json';

function listPath(cacheDir: string): string {
  return join(cacheDir, KEY_LIST);
}

function readList(cacheDir: string, version: string): KeyList['files'] {
  try {
    const list = JSON.parse(readFileSync(listPath(cacheDir), 'utf8')) as Partial<KeyList>;
    if (list.format !== FORMAT || list.version !== version) return {};
    if (typeof list.files !== 'object' || list.files === null) return {};
    return list.files;
  } catch {
    return {}; // none yet, or damaged: hash every file
  }
}

/** What `sourceKeys` did: files whose key came from their fingerprint, and files read and hashed. */
export interface KeyCounts {
  remembered: number;
  hashed: number;
}

/**
 * Keys a resident ingest knows (memo.ts): each file's key as the last run found it, and the files the file system
 * said changed since. A file known and not told changed keeps its key without being stat-ed.
 */
export interface ToldKeys {
  keys: ReadonlyMap<string, string>;
  changed: ReadonlySet<string>;
  /** The list as the last run left it (not read again). */
  list: KeyList['files'];
}

/** The stored list of a cache folder: each file's fingerprint and key, for `ToldKeys.list`. */
export type KeyListFiles = KeyList['files'];

/**
 * The cache key (`cacheKey`) of each of `names` in `dir`, in order. Reads only files whose fingerprint is not
 * remembered; stores the list again when it changed, or gives `keep` the list and the write to do later.
 */
export function sourceKeys(
  dir: string,
  names: readonly string[],
  version: string,
  cacheDir: string,
  counts?: KeyCounts,
  told?: ToldKeys,
  keep?: (list: KeyList['files'], write: () => void) => void,
): string[] {
  const known = told?.list ?? readList(cacheDir, version);
  const next: KeyList['files'] = {};
  let changed = Object.keys(known).length !== names.length;
  const keys = names.map((name) => {
    const kept = told?.changed.has(name) === false ? told.keys.get(name) : undefined;
    if (kept !== undefined) {
      // Not stat-ed: the list keeps what it had for the file (its fingerprint then still holds).
      const had = known[name];
      if (had !== undefined) next[name] = had;
      if (counts !== undefined) counts.remembered++;
      return kept;
    }
    const path = join(dir, name);
    const started = Date.now();
    const st = statSync(path);
    const fp = fingerprint(st);
    const had = known[name];
    if (Array.isArray(had) && had[0] === fp && typeof had[1] === 'string') {
      next[name] = had;
      if (counts !== undefined) counts.remembered++;
      return had[1];
    }
    const key = cacheKey(name, readFileSync(path), version);
    if (counts !== undefined) counts.hashed++;
    changed = true;
    // A file changed just now may change again within the same clock tick: hash it again next time.
    if (settled(changedAt(fp), started)) next[name] = [fp, key];
    return key;
  });
  const write = () => {
    if (!changed) return;
    try {
      writeFileAtomically(listPath(cacheDir), JSON.stringify({ format: FORMAT, version, files: next }));
    } catch {
      // The cache is only speed: without the list, the next run hashes every file.
    }
  };
  if (keep === undefined) write();
  else keep(next, write);
  return keys;
}
