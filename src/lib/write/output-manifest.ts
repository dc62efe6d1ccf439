/**
 * What the ingest last wrote to an events folder, kept in the cache (never committed): for each file its stat
 * fingerprint, a hash of the event it was rendered from and the record the id-keeping step reads back. While a
 * file's fingerprint still matches, the file is known without being parsed, and an event whose hash matches
 * needs neither rendering nor writing. Anything that does not match is read or rendered as if there were no
 * manifest, so the manifest only saves time: it never changes what is written.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TimelineEvent } from '../model.ts';
import { writeFileAtomically } from './atomic-dir.ts';
import { previousCitation } from '../events/ids.ts';
import type { PreviousEventRecord } from './previous-events.ts';

/** Bump when the manifest layout changes. */
const MANIFEST_FORMAT = 2;

/** One file of the events folder as last written. */
export interface ManifestEntry {
  /** `fingerprint()` of the file right after it was written. */
  fp: string;
  /** `eventHash()` of the event it holds. */
  hash: string;
  /**
   * The event's identity, when it has one (`BuildResult.identities`: the key of the cached volume it was built
   * from, its draft, id and background flag): while it is the same, the event is known unchanged without being
   * serialised and hashed.
   */
  identity?: string;
  /** What `readPreviousEvents` would read back from the file. */
  record: PreviousEventRecord;
}

export interface OutputManifest {
  /** `renderVersion()` when written: event hashes only vouch for files rendered by the same code. */
  render: string;
  files: Record<string, ManifestEntry>;
}

/** Size, modification and change times and inode: any write to the file (or its replacement) changes it. */
export function fingerprint(st: Stats): string {
  return `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
}

/** When the file of fingerprint `fp` last changed (ms since 1970: its modification or change time, the later). */
export function changedAt(fp: string): number {
  const [, mtime, ctime] = fp.split(':');
  return Math.max(Number(mtime), Number(ctime));
}

/** The `.md` files of `dir` with their fingerprints (missing folder = none). */
export function scanEventFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const fp = eventFileFingerprint(dir, name);
    if (fp !== undefined) out.set(name, fp);
  }
  return out;
}

/** The fingerprint of event file `name` in `dir`, or undefined when it is not one (not `.md`, gone, not a file). */
function eventFileFingerprint(dir: string, name: string): string | undefined {
  if (!name.endsWith('.md')) return undefined;
  const st = statSync(join(dir, name), { throwIfNoEntry: false });
  return st?.isFile() === true ? fingerprint(st) : undefined;
}

/**
 * `scanEventFiles` of a folder last found as `last`, told that only the entries `changed` may differ since (a
 * resident ingest's file-system events): those are looked at again, the rest kept.
 */
export function rescanEventFiles(
  dir: string,
  last: ReadonlyMap<string, string>,
  changed: ReadonlySet<string>,
): Map<string, string> {
  return withChanges(last, new Map([...changed].map((name) => [name, eventFileFingerprint(dir, name)])));
}

/**
 * A scan's map with some files' fingerprints changed (undefined: gone). Its order is not a scan's: every reader of
 * these maps looks names up or sorts them itself.
 */
export function withChanges(
  last: ReadonlyMap<string, string>,
  changes: ReadonlyMap<string, string | undefined>,
): Map<string, string> {
  const out = new Map(last);
  for (const [name, fp] of changes) {
    if (fp === undefined) out.delete(name);
    else out.set(name, fp);
  }
  return out;
}

/** A hash of everything an event file is rendered from (the JSON of the event is injective on its data). */
export function eventHash(event: TimelineEvent): string {
  return createHash('sha1').update(JSON.stringify(event)).digest('base64');
}

let memoRender: string | undefined;

/** The file that records the installed package versions, found from this module upwards (undefined if none). */
function installedLock(): string | undefined {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const lock = join(dir, 'node_modules/.package-lock.json');
    if (existsSync(lock)) return lock;
    if (dirname(dir) === dir) return undefined;
  }
}

/** A hash of the rendering code (front-matter.ts) and the installed packages (yaml, remark): output's code version. */
export function renderVersion(): string {
  if (memoRender !== undefined) return memoRender;
  const h = createHash('sha256').update(`format ${MANIFEST_FORMAT}\n`);
  h.update(readFileSync(fileURLToPath(new URL('./front-matter.ts', import.meta.url))));
  const lock = installedLock();
  h.update(lock === undefined ? 'no lock' : readFileSync(lock));
  memoRender = h.digest('hex');
  return memoRender;
}

/** The id of an output folder's cache files: a hash of its absolute path. */
function outputId(outDir: string): string {
  return createHash('sha1').update(resolve(outDir)).digest('hex').slice(0, 16);
}

/** A cache file about the output folder `outDir` (one set per output folder), named `<id><suffix>`. */
export function outputCacheFile(cacheDir: string, outDir: string, suffix: string): string {
  return join(cacheDir, 'output', `${outputId(outDir)}${suffix}`);
}

/**
 * Note that `outDir` has cache files, and delete the files of output folders that no longer exist (each
 * `--out /tmp/x` run leaves a manifest, tens of MB on a large timeline) or that no list names. Best effort: the
 * cache is only speed, and two runs at once may each forget the other's folder (a miss next time).
 */
export function pruneOutputCache(cacheDir: string, outDir: string): void {
  const dir = join(cacheDir, 'output');
  const listPath = join(dir, 'folders.json');
  try {
    let listed: Record<string, string> = {};
    try {
      const read: unknown = JSON.parse(readFileSync(listPath, 'utf8'));
      if (typeof read === 'object' && read !== null) listed = read as Record<string, string>;
    } catch {
      // none yet, or damaged: start a new list
    }
    const keep: Record<string, string> = { [outputId(outDir)]: resolve(outDir) };
    for (const [id, path] of Object.entries(listed))
      if (typeof path === 'string' && id !== outputId(outDir) && existsSync(path)) keep[id] = path;
    for (const name of readdirSync(dir)) {
      if (name === 'folders.json' || name.endsWith('.tmp')) continue;
      if (!(name.slice(0, 16) in keep)) rmSync(join(dir, name), { force: true });
    }
    if (JSON.stringify(keep) !== JSON.stringify(listed)) writeFileAtomically(listPath, JSON.stringify(keep));
  } catch {
    // The cache is only speed.
  }
}

/**
 * The manifest is kept in shards, one per month of the events' dates (`2025-11`, from the ids), one per year for
 * ids dated by week, season or year, and one for other ids: a run that changed a few events rewrites their shards
 * only. Every entry vouches for its own file (by fingerprint), so shards written by different runs mix safely.
 */
export function manifestShard(name: string): string {
  return /^\d{4}(?:-(?:0[1-9]|1[0-2])(?=-|\.md$))?/.exec(name)?.[0] ?? 'other';
}

/** The shard files of `outDir`'s manifest in the cache folder, by shard, and the folder. */
function shardFiles(cacheDir: string, outDir: string): { dir: string; prefix: string; names: Map<string, string> } {
  const path = outputCacheFile(cacheDir, outDir, '.m-');
  const dir = dirname(path);
  const prefix = path.slice(dir.length + 1);
  const names = new Map<string, string>();
  if (existsSync(dir))
    for (const name of readdirSync(dir))
      if (name.startsWith(prefix) && name.endsWith('.json'))
        names.set(name.slice(prefix.length, -'.json'.length), name);
  return { dir, prefix, names };
}

/** One shard as stored. */
interface StoredShard {
  format: number;
  render: string;
  files: Record<string, ManifestEntry>;
}

/**
 * The manifest of `outDir`, or undefined when there is none (the cache is only speed: an unreadable shard is
 * left out, and shards of another rendering code than most entries' are too).
 */
export function readManifest(cacheDir: string, outDir: string): OutputManifest | undefined {
  const { dir, names } = shardFiles(cacheDir, outDir);
  const byRender = new Map<string, Array<Record<string, ManifestEntry>>>();
  for (const name of [...names.values()].sort()) {
    try {
      const m = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Partial<StoredShard>;
      if (m.format !== MANIFEST_FORMAT || typeof m.render !== 'string') continue;
      if (typeof m.files !== 'object' || m.files === null) continue;
      const list = byRender.get(m.render);
      if (list === undefined) byRender.set(m.render, [m.files]);
      else list.push(m.files);
    } catch {
      // damaged or half-written by another tool: its files are parsed as if it were not there
    }
  }
  const size = (list: ReadonlyArray<Record<string, ManifestEntry>>) =>
    list.reduce((n, f) => n + Object.keys(f).length, 0);
  const best = [...byRender].sort(([ra, a], [rb, b]) => size(b) - size(a) || (ra < rb ? -1 : 1))[0];
  if (best === undefined) return undefined;
  // Own properties whatever the names (`__proto__` included), as JSON.parse gives them.
  const files = best[1].length === 1 ? best[1][0] : Object.fromEntries(best[1].flatMap((f) => Object.entries(f)));
  return { render: best[0], files: files as Record<string, ManifestEntry> };
}

/** Just enough shape checking that a damaged entry is read past rather than trusted. */
export function usableEntry(entry: unknown): entry is ManifestEntry {
  if (typeof entry !== 'object' || entry === null) return false;
  const e = entry as Partial<ManifestEntry>;
  const r = e.record;
  return (
    typeof e.fp === 'string' &&
    typeof e.hash === 'string' &&
    (e.identity === undefined || typeof e.identity === 'string') &&
    typeof r === 'object' &&
    r !== null &&
    typeof r.id === 'string' &&
    Array.isArray(r.sources)
  );
}

/** Entries by shard, in order (pairs: a name may be anything, `__proto__` included). */
function byShard(files: Record<string, ManifestEntry>): Map<string, Array<[string, ManifestEntry]>> {
  const out = new Map<string, Array<[string, ManifestEntry]>>();
  for (const pair of Object.entries(files)) {
    const shard = manifestShard(pair[0]);
    const group = out.get(shard);
    if (group === undefined) out.set(shard, [pair]);
    else group.push(pair);
  }
  return out;
}

/**
 * Store the manifest, shard by shard (temp file and rename: a reader never sees half of one). A shard that holds
 * exactly the entries of `previous` (the manifest read at the start of the run, same objects) is not written: a
 * run that changed nothing (every `npm run build` starts with an ingest) writes nothing, and one that changed an
 * event writes its month; told the names that `changed` instead, it writes their shards. Shards left empty are
 * removed. Returns the number of shards written.
 */
export function writeManifest(
  cacheDir: string,
  outDir: string,
  manifest: OutputManifest,
  previous?: OutputManifest | { changed: ReadonlySet<string> },
): number {
  const { dir, prefix, names } = shardFiles(cacheDir, outDir);
  // Told which names changed (the entries were updated in place): only their shards are written.
  const changed = previous !== undefined && 'changed' in previous ? previous.changed : undefined;
  const touched = changed === undefined ? undefined : new Set([...changed].map(manifestShard));
  const before =
    previous !== undefined && 'render' in previous && previous.render === manifest.render
      ? byShard(previous.files)
      : undefined;
  const now = byShard(manifest.files);
  let written = 0;
  for (const [shard, pairs] of now) {
    if (touched !== undefined && names.has(shard) && !touched.has(shard)) continue;
    const was = before?.get(shard);
    if (names.has(shard) && was !== undefined && was.length === pairs.length)
      if (pairs.every(([n, e], i) => was[i]?.[0] === n && was[i]?.[1] === e)) continue;
    const files = Object.fromEntries(pairs) as Record<string, ManifestEntry>;
    const stored: StoredShard = { format: MANIFEST_FORMAT, render: manifest.render, files };
    writeFileAtomically(join(dir, `${prefix}${shard}.json`), JSON.stringify(stored));
    written++;
  }
  for (const [shard, name] of names) if (!now.has(shard)) rmSync(join(dir, name), { force: true });
  // The single-file manifest of earlier versions.
  rmSync(outputCacheFile(cacheDir, outDir, '.json'), { force: true });
  return written;
}

/** The record `readPreviousEvents` reads back from the file of `event`. */
export function previousRecord(event: TimelineEvent): PreviousEventRecord {
  return { id: event.id, sources: event.sources.map(previousCitation) };
}
