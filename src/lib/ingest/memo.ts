/**
 * What a resident ingest (`npm run ingest -- --watch`) keeps in memory from one run to the next, so that a change
 * does not parse the whole cache again (at 10,000 articles: 49 MB of cached volumes and the garbage they make, the
 * facts of every source, the output manifest).
 *
 * Volumes and facts are held under the same content keys as in the cache packs, so they cannot go stale: a changed
 * source has a new key. The manifest is the one the last run wrote for an events folder; each of its entries vouches
 * for a file by its stat fingerprint only, so a file changed by anything else since is read as if it were not there.
 * Only what the current run used is kept: memory stays the size of one timeline.
 */
import type { SourceFacts } from './prepared-cache.ts';
import type { VolumeResult } from '../events/index.ts';
import type { OutputManifest } from '../write/output-manifest.ts';

export interface IngestMemo {
  /** Volumes by volume key (volume-cache.ts: it covers the sources' names and prepared keys). */
  volumes: Map<string, VolumeResult>;
  /** Each source's facts by `name \0 prepared key`. */
  facts: Map<string, SourceFacts>;
  /** The output manifest last written, by events folder (with the cache folder it belongs to). */
  manifests: Map<string, OutputManifest>;
}

export function newMemo(): IngestMemo {
  return { volumes: new Map(), facts: new Map(), manifests: new Map() };
}

/** The key of a source's facts in the memo. */
export function factsKey(name: string, preparedKey: string): string {
  return `${name}\0${preparedKey}`;
}

/** The key of an events folder's manifest in the memo. */
export function manifestKey(cacheDir: string, outDir: string): string {
  return `${cacheDir}\0${outDir}`;
}

/** Keep only `entries` (those the run used), so that the memo does not grow with every version of every source. */
export function keepOnly<K, V>(map: Map<K, V>, entries: Iterable<readonly [K, V]>): void {
  map.clear();
  for (const [k, v] of entries) map.set(k, v);
}
