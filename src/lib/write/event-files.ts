/**
 * Ingest step 4: the events folder made to hold exactly the events built, rewriting only the files whose bytes
 * change, and the output manifest (output-manifest.ts) that lets the next run know the rest without reading them.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TimelineEvent } from '../model.ts';
import { changeDirAtomically, updateDirAtomically } from './atomic-dir.ts';
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
  /** The names removed now, when the step knew them without listing the folder (undefined: not known). */
  removedNames?: readonly string[];
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
 * What a resident ingest's write step keeps for the next run (memo.ts): the events it left in the folder (in the
 * order given), their files' names, and the entries (the manifest's, updated in place by the next run).
 */
export interface WriteMemo {
  outDir: string;
  render: string;
  /** Everything else an unchanged event's identity depends on (the caller's: focus date and curation). */
  context: string;
  events: readonly TimelineEvent[];
  names: readonly string[];
  entries: Record<string, ManifestEntry>;
}

/**
 * A resident ingest's run, for the write step: what it kept from the last run, what else fixes an event's identity
 * (`WriteMemo.context`), and the events folder's files changed since the last run (undefined: not known).
 */
export interface ResidentWrite {
  memo: { write?: WriteMemo };
  context: string;
  changed: ReadonlySet<string> | undefined;
}

/**
 * Order of the events as the assembly gives them (`assembleEvents`: date, then id). The walk below relies on it only
 * for speed: an event out of this order is not matched, and is decided like a new one.
 */
function sortsBefore(a: TimelineEvent, b: TimelineEvent): boolean {
  return a.date < b.date || (a.date === b.date && a.id < b.id);
}

/** What the write step does with one event's file: keep it (with this entry), or write this text. */
interface Decision {
  keep?: ManifestEntry;
  write?: { text: string; entry: Omit<ManifestEntry, 'fp'> };
  hashed: boolean;
  rendered: boolean;
}

/**
 * Whether event `event`'s file `name` (fingerprint `fp`, undefined: none) is right as it is. Known from the
 * manifest entry `was` (same fingerprint, and the same identity or hash) without rendering, or else rendered and
 * compared with the file.
 */
function decide(
  outDir: string,
  name: string,
  event: TimelineEvent,
  identity: string | undefined,
  fp: string | undefined,
  was: unknown,
  hashing: boolean,
): Decision {
  const same = hashing && fp !== undefined && usableEntry(was) && was.fp === fp ? was : undefined;
  // An event whose identity is the one its file was written with is not serialised to be hashed: the same
  // entry is taken over as it is (record included), which lets the manifest skip writing when nothing changed.
  if (same !== undefined && identity !== undefined && same.identity === identity)
    return { keep: same, hashed: false, rendered: false };
  const hash = hashing ? eventHash(event) : '';
  if (same !== undefined && same.hash === hash)
    // The same event in the same file, from a volume built again: only its identity changed.
    return { keep: same.identity === identity ? same : withIdentity(same, identity), hashed: hashing, rendered: false };
  const text = eventToMarkdown(event);
  const record = previousRecord(event);
  if (fp !== undefined && readFileSync(join(outDir, name), 'utf8') === text)
    return { keep: withIdentity({ fp, hash, record }, identity), hashed: hashing, rendered: true };
  return { write: { text, entry: withIdentity({ hash, record }, identity) }, hashed: hashing, rendered: true };
}

/**
 * `writeEventFiles` for a resident ingest's run after one that left `last`: the events are walked beside the last
 * run's (both in date and id order), and an event that is the very object of the last run, whose file no watcher
 * saw change, is known to be right without a lookup (its identity is fixed by its draft, id, focus date and
 * curation, all as before). The others are decided as by `writeEventFiles`; the last run's entries are updated in
 * place, and only their shards of the manifest written.
 */
function writeChanges(
  options: WriteTarget & { cacheDir: string },
  events: readonly TimelineEvent[],
  onDisk: ReadonlyMap<string, string>,
  identities: ReadonlyMap<string, string>,
  resident: ResidentWrite & { last: WriteMemo; changed: ReadonlySet<string> },
): Written | undefined {
  const { last, changed } = resident;
  const { entries } = last;
  const names: string[] = [];
  // Names decided now (all but the unchanged events'), and the last run's names walked past (their events gone).
  const decided = new Map<string, Decision>();
  const passed: string[] = [];
  let j = 0;
  for (const event of events) {
    while (j < last.events.length && sortsBefore(last.events[j] as TimelineEvent, event))
      passed.push(last.names[j++] as string);
    let name: string | undefined;
    if (last.events[j] === event) {
      name = last.names[j++] as string;
      if (!changed.has(name)) {
        names.push(name);
        continue;
      }
    }
    name ??= `${event.id}.md`;
    // Two events of one id: the whole step sorts out which file wins.
    if (decided.has(name)) return undefined;
    names.push(name);
    decided.set(
      name,
      decide(options.outDir, name, event, identities.get(event.id), onDisk.get(name), entries[name], true),
    );
  }
  while (j < last.events.length) passed.push(last.names[j++] as string);
  // Nothing is changed before here: a clash above leaves the entries as the last run left them.
  const write = new Map<string, string>();
  let rendered = 0;
  let hashed = 0;
  for (const [name, d] of decided) {
    if (d.hashed) hashed++;
    if (d.rendered) rendered++;
    if (d.keep !== undefined) entries[name] = d.keep;
    else if (d.write !== undefined) write.set(name, d.write.text);
  }
  // Entries to remove: the last run's files no event has now, and any other a watcher saw appear.
  const gone = [...new Set([...passed, ...changed])].filter((n) => !decided.has(n));
  const { removed } = changeDirAtomically(options.outDir, write, gone, options.write);
  for (const name of gone) delete entries[name];
  for (const name of write.keys()) {
    const d = decided.get(name) as Decision & { write: { entry: Omit<ManifestEntry, 'fp'> } };
    entries[name] = { fp: fingerprint(statSync(join(options.outDir, name))), ...d.write.entry };
  }
  const render = last.render;
  resident.memo.write = { ...last, events, names };
  const { cacheDir, outDir } = options;
  const touched = new Set([...decided.keys(), ...gone]);
  return {
    counts: { written: write.size, kept: names.length - write.size, removed, rendered, hashed },
    entries,
    texts: write,
    removedNames: gone,
    saveManifest: () => {
      try {
        writeManifest(cacheDir, outDir, { render, files: entries }, { changed: touched });
      } catch {
        // The cache is only speed: an unwritten manifest means the next run parses and renders more.
      }
    },
  };
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
  resident?: ResidentWrite,
): Written {
  const render = renderVersion();
  const trusted = manifest?.render === render ? manifest : undefined;
  const last = resident?.memo.write;
  if (resident !== undefined) delete resident.memo.write;
  if (
    resident !== undefined &&
    last !== undefined &&
    resident.changed !== undefined &&
    options.cacheDir !== undefined &&
    last.outDir === options.outDir &&
    last.render === render &&
    last.context === resident.context &&
    trusted?.files === last.entries
  ) {
    const done = writeChanges({ ...options, cacheDir: options.cacheDir }, events, onDisk, identities, {
      ...resident,
      last,
      changed: resident.changed,
    });
    if (done !== undefined) return done;
  }
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
    const d = decide(options.outDir, name, event, identity, fp, trusted?.files[name], hashing);
    if (d.hashed) hashed++;
    if (d.rendered) rendered++;
    if (d.keep !== undefined) {
      keep.add(name);
      entries[name] = d.keep;
    } else if (d.write !== undefined) {
      write.set(name, d.write.text);
      pending.set(name, d.write.entry);
    }
  }
  const { removed } = updateDirAtomically(options.outDir, { write, keep }, options.write);
  for (const [name, entry] of pending)
    entries[name] = { fp: fingerprint(statSync(join(options.outDir, name))), ...entry };
  // One file per event (no two events of one id): the next run can walk the events beside their files.
  if (resident !== undefined && hashing && byName.size === events.length)
    resident.memo.write = {
      outDir: options.outDir,
      render,
      context: resident.context,
      events,
      names: [...byName.keys()],
      entries,
    };
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
