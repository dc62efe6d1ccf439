/**
 * Ingest step 4: the events folder made to hold exactly the events built, rewriting only the files whose bytes
 * change, and the output manifest (output-manifest.ts) that lets the next run know the rest without reading them.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TimelineEvent } from '../model.ts';
import { updateDirAtomically } from './atomic-dir.ts';
import type { AtomicWriteOptions } from './atomic-dir.ts';
import { eventToMarkdown } from './front-matter.ts';
import {
  eventHash,
  fingerprint,
  previousRecord,
  renderVersion,
  usableEntry,
  writeManifest,
} from './output-manifest.ts';
import type { ManifestEntry, OutputManifest } from './output-manifest.ts';

/** What the write step did to the events folder. */
export interface WriteCounts {
  written: number;
  /** Files whose bytes were already right: not rewritten. */
  kept: number;
  removed: number;
  /** Event files rendered to Markdown (the rest were known unchanged from the output manifest). */
  rendered: number;
  /**
   * Events serialised to be hashed for the output manifest: the others were known by their identity (built from
   * one draft of a cached volume, as when their files were written), so only the events of changed volumes count.
   */
  hashed: number;
}

/** What the write step did, and the folder it left. */
export interface Written {
  counts: WriteCounts;
  /** Every file of the folder now: its fingerprint and the record the next run reads back from it. */
  entries: Record<string, ManifestEntry>;
  /** The texts written now, by file name. */
  texts: ReadonlyMap<string, string>;
  /**
   * Write the output manifest of the folder as left (with a cache): the caller's to call, now or once the run is
   * reported (an old manifest's entries vouch for files by fingerprint, so a late one is never wrong).
   */
  saveManifest: () => void;
}

/** A manifest entry with the event's identity in place of the one it had (none when `identity` is undefined). */
function withIdentity<E extends Omit<ManifestEntry, 'fp'>>(entry: E, identity: string | undefined): E {
  const { identity: _, ...rest } = entry;
  return (identity === undefined ? rest : { ...rest, identity }) as E;
}

/** Where the write step writes: the events folder, the cache (undefined: no manifest), the atomic write's test hook. */
export interface WriteTarget {
  outDir: string;
  cacheDir?: string | undefined;
  write?: AtomicWriteOptions | undefined;
}

/**
 * Make the events folder hold exactly the files of `events`. A file whose bytes would not change is left alone:
 * known from the output manifest (same event hash, same file fingerprint) without rendering, or else rendered and
 * compared. Everything is rendered before the first write (updateDirAtomically). The manifest is written by
 * `saveManifest` of the result.
 */
export function writeEventFiles(
  options: WriteTarget,
  events: readonly TimelineEvent[],
  onDisk: ReadonlyMap<string, string>,
  manifest: OutputManifest | undefined,
  identities: ReadonlyMap<string, string>,
): Written {
  const render = renderVersion();
  const trusted = manifest?.render === render ? manifest : undefined;
  const write = new Map<string, string>();
  const keep = new Set<string>();
  const entries: Record<string, ManifestEntry> = {};
  const pending = new Map<string, Omit<ManifestEntry, 'fp'>>();
  let rendered = 0;
  let hashed = 0;
  // Hashes are for the manifest: without a cache there is none to read or write.
  const hashing = options.cacheDir !== undefined;
  // One file per id (a later event would win a clash).
  const byName = new Map(events.map((e) => [`${e.id}.md`, e]));
  for (const [name, event] of byName) {
    const identity = hashing ? identities.get(event.id) : undefined;
    const fp = onDisk.get(name);
    const was = trusted?.files[name];
    const same = hashing && fp !== undefined && usableEntry(was) && was.fp === fp ? was : undefined;
    // An event whose identity is the one its file was written with is not serialised to be hashed: the same
    // entry is taken over as it is (record included), which lets the manifest skip writing when nothing changed.
    if (same !== undefined && identity !== undefined && same.identity === identity) {
      keep.add(name);
      entries[name] = same;
      continue;
    }
    const hash = hashing ? eventHash(event) : '';
    if (hashing) hashed++;
    if (same !== undefined && same.hash === hash) {
      // The same event in the same file, from a volume built again: only its identity changed.
      keep.add(name);
      entries[name] = same.identity === identity ? same : withIdentity(same, identity);
      continue;
    }
    const text = eventToMarkdown(event);
    rendered++;
    const record = previousRecord(event);
    if (fp !== undefined && readFileSync(join(options.outDir, name), 'utf8') === text) {
      keep.add(name);
      entries[name] = withIdentity({ fp, hash, record }, identity);
      continue;
    }
    write.set(name, text);
    pending.set(name, withIdentity({ hash, record }, identity));
  }
  const { removed } = updateDirAtomically(options.outDir, { write, keep }, options.write);
  for (const [name, entry] of pending)
    entries[name] = { fp: fingerprint(statSync(join(options.outDir, name))), ...entry };
  const { cacheDir, outDir } = options;
  const saveManifest = () => {
    if (cacheDir === undefined) return;
    try {
      writeManifest(cacheDir, outDir, { render, files: entries }, trusted);
    } catch {
      // The cache is only speed: an unwritten manifest means the next run parses and renders more.
    }
  };
  return {
    counts: { written: write.size, kept: keep.size, removed, rendered, hashed },
    entries,
    texts: write,
    saveManifest,
  };
}
