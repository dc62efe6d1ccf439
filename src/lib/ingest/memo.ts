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
import { newIdMemo } from '../events/ids.ts';
import type { Draft, IdMemo, JoinMemo, MadeEvents, VolumeResult } from '../events/index.ts';
import type { OutputManifest } from '../write/output-manifest.ts';
import type { WriteMemo } from '../write/event-files.ts';
import type { Gazetteer } from '../model.ts';
import type { Pack } from './pack.ts';
import type { KeyListFiles } from './source-keys.ts';

export interface IngestMemo {
  /** Volumes by volume key (volume-cache.ts: it covers the sources' names and prepared keys). */
  volumes: Map<string, VolumeResult>;
  /** Each source's facts by `name \0 prepared key`. */
  facts: Map<string, SourceFacts>;
  /** The output manifest last written, by events folder (with the cache folder it belongs to). */
  manifests: Map<string, OutputManifest>;
  /** The last run's volumes' keys by volume name, and the event code and gazetteer versions they were built with. */
  volumeNames: Map<string, string>;
  volumesBuiltWith?: string;
  /** The event code and gazetteer versions of the run going on (set when its sources are keyed). */
  buildingWith?: string;
  /**
   * The gazetteer as loaded, with the versions it was loaded under: kept while they stay the same, since events
   * made with it hold it (their tags are worked out when read) and the tagger's caches are tied to it; a gazetteer
   * loaded afresh each run would keep every earlier one alive.
   */
  gazetteer?: { with: string; value: Gazetteer };
  /** Drafts of volumes built again that came from a draft of the volume's last version (`carryOrigins`). */
  origins: WeakMap<Draft, string>;
  /** Events made from the kept volumes' drafts (`BuildOptions.made`): a draft with the same id is not made again. */
  made: MadeEvents;
  /** The groups of drafts the last run joined across volumes (`BuildOptions.joins`). */
  joins: JoinMemo;
  /** What id matching kept from the last run (`BuildOptions.idMemo`). */
  ids: IdMemo;
  /**
   * What the file system said changed since the run before began (watch.ts), for the run about to start; absent
   * when nothing vouches for the files (the first run, a folder not watched): every file is checked then.
   */
  news?: FileNews;
  /** Each source's cache key as the last run found it (`version`: the code version the keys were made with). */
  sourceKeys?: { version: string; keys: Map<string, string>; list: KeyListFiles };
  /** Prepared keys by dated key, for the event code and gazetteer versions `with` (prepared-cache.ts `preparedKey`). */
  preparedKeys?: { with: string; keys: Map<string, string> };
  /** The cache's layers (run.ts `Packs`), kept with the indexes they read. */
  packs?: { cacheDir: string; layers: Record<'dated' | 'prepared' | 'facts' | 'volumes', Pack> };
  /** What the last run's write step left (event-files.ts `WriteMemo`). */
  write?: WriteMemo;
  /** The events folder's files and their fingerprints as the last run left them. */
  onDisk?: { dir: string; files: Map<string, string> };
  /**
   * The last run's bookkeeping, done once its events are written and it is reported: the cache packs' commits, the
   * full report, the output manifest and the run's record. Each is only for a later reader (an editor, the next
   * process), and each vouches for itself, so a process stopped before doing it leaves a cache that is older, never
   * wrong.
   */
  after: Array<() => void>;
}

/**
 * Names of the files changed in a watched folder since the last run began; undefined: not known (any file may have
 * changed).
 */
export interface FileNews {
  sources: ReadonlySet<string> | undefined;
  events: ReadonlySet<string> | undefined;
}

export function newMemo(): IngestMemo {
  return {
    volumes: new Map(),
    facts: new Map(),
    manifests: new Map(),
    made: new WeakMap(),
    joins: new Map(),
    ids: newIdMemo(),
    volumeNames: new Map(),
    origins: new WeakMap(),
    after: [],
  };
}

/** Do the last run's bookkeeping now, if it is still to do. */
export function settleMemo(memo: IngestMemo | undefined): void {
  for (const work of memo?.after.splice(0) ?? []) work();
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
