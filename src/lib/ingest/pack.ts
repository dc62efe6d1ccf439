/**
 * A cache layer held in a few files instead of one file per entry (10,000 sources cost 10,000 file creations to
 * write and 10,000 opens to read; a pack costs one of each). A layer is a folder holding:
 *
 * - segment files (`*.seg`), each written once and never modified: records `<key>\t<text>\n` back to back;
 * - `index.json`: name → key, segment, offset and length of its record; replaced atomically (temp file + rename).
 *
 * A run that stores entries writes one new segment, then the index that points into it. Nothing but the index
 * rename makes new entries visible, so a crash at any point leaves the previous index and at most an orphan
 * segment (removed later; no fsync: the cache is not worth a disk flush). A record is only returned if its bytes
 * still frame its key (`<key>\t … \n`): a truncated, zero-filled or foreign record reads as a miss, never as
 * someone else's entry or an error. Damage inside a record is left to the layer's own checks (JSON, shape).
 *
 * Two runs at once: each writes its own segment; the index is re-read just before it is replaced, so a run only
 * drops another's entries if both replace the index at the same moment (last writer wins, and its index is
 * consistent). A segment another run's index still points at may be removed by a compaction: those entries then
 * read as misses. The cache is only speed; it is never wrong and never fatal.
 *
 * Compaction: segments no entry points at are deleted; when the dead bytes of the others exceed the live bytes,
 * their live records are copied into the new segment; so are those of every segment but the largest when there
 * are more than `maxSegments` (each run with a change adds one small segment).
 */
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { writeFileAtomically } from '../write/atomic-dir.ts';
import { fingerprint } from '../write/output-manifest.ts';

/** Bump when the index or record layout changes. */
const PACK_FORMAT = 1;
const INDEX = 'index.json';
/** Segments and temp files no index points at are left this long: they may be another run's, not yet committed. */
const ORPHAN_AGE_MS = 60 * 60 * 1000;
/** Below this share of a segment's bytes wanted, records are read one by one instead of the whole file. */
const WHOLE_READ_SHARE = 0.25;
const SEGMENT_NAME = /^[\w-]+\.seg$/;

/** Where one entry's record lies. */
interface Location {
  key: string;
  segment: string;
  offset: number;
  length: number;
}

export interface PackOptions {
  /** Most segments kept before the small ones are merged (default 8). */
  maxSegments?: number;
}

/** What `commit` did, for tests and reports. */
export interface CommitResult {
  /** A new index was written (false: nothing had changed). */
  written: boolean;
  /** Live records copied out of older segments into the new one. */
  carried: number;
  /** Segment files deleted. */
  deleted: number;
}

/** Size of the buffers records are encoded into as they are put. */
const CHUNK_BYTES = 8 << 20;

/**
 * The records put since the last commit, `<key>\t<text>\n` each, encoded straight into large buffers: a cold
 * run puts 10,000 records, and a buffer per record plus a copy to join them cost more than writing the file.
 */
class Staging {
  readonly chunks: Buffer[] = [];
  bytes = 0;
  private chunk = Buffer.alloc(0);
  private used = 0;

  /** Append a record; returns where it lies in the staged bytes. */
  append(key: string, text: string): { offset: number; length: number } {
    const most = 3 * (key.length + text.length) + 2; // UTF-8 needs at most 3 bytes per UTF-16 unit
    if (this.chunk.length - this.used < most) {
      this.seal();
      this.chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, most));
    }
    const start = this.used;
    this.used += this.chunk.write(key, this.used);
    this.chunk[this.used++] = 0x09;
    this.used += this.chunk.write(text, this.used);
    this.chunk[this.used++] = 0x0a;
    const at = { offset: this.bytes, length: this.used - start };
    this.bytes += at.length;
    return at;
  }

  /** Append bytes that are already a record (carried over from an older segment). */
  appendRecord(rec: Buffer): number {
    this.seal();
    this.chunks.push(rec);
    this.bytes += rec.length;
    return this.bytes - rec.length;
  }

  /** Close the current buffer: what was written to it joins `chunks`. */
  seal(): void {
    if (this.used > 0) this.chunks.push(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.alloc(0);
    this.used = 0;
  }
}

/** Write `chunks` one after the other as the new file `path`. */
function writeChunks(path: string, chunks: readonly Buffer[]): void {
  const fd = openSync(path, 'wx');
  try {
    for (const chunk of chunks) {
      for (let done = 0; done < chunk.length; ) done += writeSync(fd, chunk, done, chunk.length - done);
    }
  } finally {
    closeSync(fd);
  }
}

/** The text of the record of `key` at `start` in `buf` (length `length`), or undefined if the bytes do not frame it. */
function textOf(buf: Buffer, start: number, length: number, key: string): string | undefined {
  const head = Buffer.byteLength(key) + 1;
  const end = start + length;
  if (length <= head || end > buf.length || buf[end - 1] !== 0x0a) return undefined;
  if (buf.toString('utf8', start, start + head) !== `${key}\t`) return undefined;
  return buf.toString('utf8', start + head, end - 1);
}

/** The index on disk; an absent, unreadable or foreign one is empty. Entries that do not check out are left out. */
function readIndex(dir: string): Map<string, Location> {
  const out = new Map<string, Location>();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dir, INDEX), 'utf8'));
  } catch {
    return out;
  }
  const index = raw as { format?: unknown; segments?: unknown; entries?: unknown };
  if (index.format !== PACK_FORMAT || !Array.isArray(index.segments) || !Array.isArray(index.entries)) return out;
  const segments = index.segments as unknown[];
  for (const e of index.entries as unknown[]) {
    if (!Array.isArray(e) || e.length !== 5) continue;
    const [name, key, seg, offset, length] = e as unknown[];
    const segment = typeof seg === 'number' ? segments[seg] : undefined;
    if (typeof name !== 'string' || typeof key !== 'string' || typeof segment !== 'string') continue;
    if (!SEGMENT_NAME.test(segment) || !Number.isSafeInteger(offset) || !Number.isSafeInteger(length)) continue;
    out.set(name, { key, segment, offset: offset as number, length: length as number });
  }
  return out;
}

/** The index text of `entries` (sorted by name, so the same entries always give the same bytes). */
function indexText(entries: ReadonlyMap<string, Location>): string {
  const segments = [...new Set([...entries.values()].map((l) => l.segment))].sort();
  const number = new Map(segments.map((s, i) => [s, i]));
  const rows = [...entries]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, l]) => [name, l.key, number.get(l.segment), l.offset, l.length]);
  return JSON.stringify({ format: PACK_FORMAT, segments, entries: rows });
}

/** A unique file name in a folder shared with other processes. */
function uniqueName(suffix: string): string {
  return `${Date.now().toString(36)}-${process.pid.toString(36)}-${randomBytes(4).toString('hex')}${suffix}`;
}

/** The fingerprint of a layer's index file (`none` when there is none). */
function indexFingerprint(dir: string): string {
  const st = statSync(join(dir, INDEX), { throwIfNoEntry: false });
  return st === undefined ? 'none' : fingerprint(st);
}

/** Size of a file, or undefined if it is gone. */
function sizeOf(path: string): number | undefined {
  return statSync(path, { throwIfNoEntry: false })?.size;
}

/** One cache layer. Reads are served from the index as it was when first needed; `put` entries wait for `commit`. */
export class Pack {
  readonly dir: string;
  readonly maxSegments: number;
  private loaded: Map<string, Location> | undefined;
  /** The index file's fingerprint when `loaded` was read or written. */
  private loadedFrom: string | undefined;
  /** Names put since the last commit → key and place of their record in `staging`. */
  private readonly staged = new Map<string, { key: string; offset: number; length: number }>();
  private staging = new Staging();

  constructor(dir: string, options: PackOptions = {}) {
    this.dir = dir;
    this.maxSegments = options.maxSegments ?? 8;
  }

  private get index(): Map<string, Location> {
    if (this.loaded === undefined) {
      // Taken before the read: a commit by another process in between makes the next `refresh` read it again.
      this.loadedFrom = indexFingerprint(this.dir);
      this.loaded = readIndex(this.dir);
    }
    return this.loaded;
  }

  /**
   * Forget the index read, if its file changed since it was read or written here (another process committed, or the
   * cache was cleared): a layer kept from run to run (a resident ingest) reads it again then, and not otherwise.
   */
  refresh(): void {
    if (this.loaded !== undefined && indexFingerprint(this.dir) !== this.loadedFrom) this.loaded = undefined;
  }

  /** The key `name` is stored under, if any (nothing is read but the index). */
  keyOf(name: string): string | undefined {
    return this.index.get(name)?.key;
  }

  /** Names in the index. */
  names(): string[] {
    return [...this.index.keys()];
  }

  /** The text of each `[name, key]` if stored under that key; undefined for a miss or a damaged record. */
  read(wanted: ReadonlyArray<readonly [name: string, key: string]>): Array<string | undefined> {
    const out: Array<string | undefined> = wanted.map(() => undefined);
    const bySegment = new Map<string, number[]>();
    wanted.forEach(([name, key], i) => {
      const at = this.index.get(name);
      if (at === undefined || at.key !== key) return;
      const list = bySegment.get(at.segment);
      if (list === undefined) bySegment.set(at.segment, [i]);
      else list.push(i);
    });
    for (const [segment, positions] of bySegment) {
      const path = join(this.dir, segment);
      const locations = positions.map((i) => this.index.get(wanted[i]?.[0] ?? '') as Location);
      try {
        const size = sizeOf(path) ?? 0;
        const needed = locations.reduce((n, l) => n + l.length, 0);
        if (needed >= size * WHOLE_READ_SHARE) {
          // Most of the segment is wanted (a warm run): one sequential read.
          const buf = readFileSync(path);
          positions.forEach((i, j) => {
            const l = locations[j] as Location;
            out[i] = textOf(buf, l.offset, l.length, l.key);
          });
        } else {
          const fd = openSync(path, 'r');
          try {
            positions.forEach((i, j) => {
              const l = locations[j] as Location;
              const buf = Buffer.allocUnsafe(l.length);
              const got = readSync(fd, buf, 0, l.length, l.offset);
              out[i] = got === l.length ? textOf(buf, 0, l.length, l.key) : undefined;
            });
          } finally {
            closeSync(fd);
          }
        }
      } catch {
        // Segment gone (compacted by another run) or unreadable: its entries are misses.
      }
    }
    return out;
  }

  /** Store `text` for `name` under `key` at the next `commit` (a later put of the same name wins). */
  put(name: string, key: string, text: string): void {
    if (/[\t\n]/.test(key)) throw new Error(`pack: a key cannot hold a tab or a newline: ${JSON.stringify(key)}`);
    this.staged.set(name, { key, ...this.staging.append(key, text) });
  }

  /**
   * Write the entries put since the last commit and drop those `keep` rejects (default: keep all); compact if due.
   * Writes nothing when nothing changed. The on-disk index is re-read first, so other runs' commits are kept.
   */
  commit(keep: (name: string, key: string) => boolean = () => true): CommitResult {
    const base = existsDir(this.dir) ? readIndex(this.dir) : new Map<string, Location>();
    const entries = new Map<string, Location>();
    const sizes = new Map<string, number | undefined>();
    let dropped = 0;
    for (const [name, l] of base) {
      if (!sizes.has(l.segment)) sizes.set(l.segment, sizeOf(join(this.dir, l.segment)));
      const size = sizes.get(l.segment);
      // A record past the end of its segment (torn write, segment gone) is dropped now rather than missed forever.
      if (this.staged.has(name) || !keep(name, l.key) || size === undefined || l.offset + l.length > size) {
        dropped++;
        continue;
      }
      entries.set(name, l);
    }
    const live = new Map<string, number>();
    for (const l of entries.values()) live.set(l.segment, (live.get(l.segment) ?? 0) + l.length);
    const carry = this.toCarry(live, sizes);
    if (this.staged.size === 0 && dropped === 0 && carry.length === 0)
      return { written: false, carried: 0, deleted: 0 };

    mkdirSync(this.dir, { recursive: true });
    const segment = uniqueName('.seg');
    // The new segment: the staged records where they were staged, then the records carried over.
    const staging = this.staging;
    for (const [name, s] of this.staged) entries.set(name, { key: s.key, segment, offset: s.offset, length: s.length });
    let carried = 0;
    for (const old of carry) {
      let buf: Buffer;
      try {
        buf = readFileSync(join(this.dir, old));
      } catch {
        buf = Buffer.alloc(0);
      }
      for (const [name, l] of [...entries].filter(([, l]) => l.segment === old)) {
        const rec = buf.subarray(l.offset, l.offset + l.length);
        if (textOf(rec, 0, rec.length, l.key) === undefined) entries.delete(name);
        else {
          entries.set(name, { key: l.key, segment, offset: staging.appendRecord(rec), length: rec.length });
          carried++;
        }
      }
    }
    staging.seal();
    if (staging.bytes > 0) writeChunks(join(this.dir, segment), staging.chunks);
    writeFileAtomically(join(this.dir, INDEX), indexText(entries));
    this.loaded = entries;
    this.loadedFrom = indexFingerprint(this.dir);
    this.staged.clear();
    this.staging = new Staging();
    return { written: true, carried, deleted: this.removeUnused(entries, sizes) };
  }

  /** Segments whose live records should move into the new segment (see the file comment). */
  private toCarry(live: ReadonlyMap<string, number>, sizes: ReadonlyMap<string, number | undefined>): string[] {
    const segments = [...live.keys()];
    const liveBytes = [...live.values()].reduce((a, b) => a + b, 0);
    const deadBytes = segments.reduce((n, s) => n + (sizes.get(s) ?? 0) - (live.get(s) ?? 0), 0);
    const stagedBytes = [...this.staged.values()].reduce((n, s) => n + s.length, 0);
    if (deadBytes > liveBytes + stagedBytes) return segments.sort();
    const count = segments.length + (this.staged.size > 0 ? 1 : 0);
    if (count <= this.maxSegments) return [];
    const largest = segments.reduce((a, b) => ((sizes.get(b) ?? 0) > (sizes.get(a) ?? 0) ? b : a));
    return segments.filter((s) => s !== largest).sort();
  }

  /** Delete the segments the previous index used and the new one does not, and old orphans; returns how many. */
  private removeUnused(entries: ReadonlyMap<string, Location>, previous: ReadonlyMap<string, unknown>): number {
    const used = new Set([...entries.values()].map((l) => l.segment));
    const now = Date.now();
    let deleted = 0;
    for (const name of readdirSync(this.dir)) {
      const isSegment = SEGMENT_NAME.test(name);
      if (!isSegment && !name.endsWith('.tmp')) continue;
      if (used.has(name)) continue;
      const path = join(this.dir, name);
      // A segment the previous index used is ours to drop; any other may be a concurrent run's, not yet indexed.
      const old = (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? now) < now - ORPHAN_AGE_MS;
      if (!(isSegment && previous.has(name)) && !old) continue;
      rmSync(path, { force: true });
      if (isSegment) deleted++;
    }
    return deleted;
  }
}

function existsDir(dir: string): boolean {
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory() === true;
}

/**
 * The record of each `[name, key]` parsed as JSON: undefined for a miss, for text that is not JSON, and for a value
 * `valid` rejects (a layer's shape check: a foreign or hand-edited record reads as a miss, never reaches its user).
 */
export function readJson<T>(
  pack: Pack,
  wanted: ReadonlyArray<readonly [name: string, key: string]>,
  valid: (value: unknown) => value is T,
): Array<T | undefined> {
  return pack.read(wanted).map((text) => {
    if (text === undefined) return undefined;
    try {
      const value: unknown = JSON.parse(text);
      return valid(value) ? value : undefined;
    } catch {
      return undefined;
    }
  });
}
