/**
 * The ingest as a list of named steps: read every source, resolve its time expressions, build events,
 * write them atomically. Each step lives in its own module; this file only wires them together.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { InputError } from '../errors.ts';
import { buildEventsFrom, loadCuration, loadGazetteer, prepareDocument } from '../events/index.ts';
import type { DatedDocument, EventsReport, PreparedDocument } from '../events/index.ts';
import type { Document, Gazetteer, TimelineEvent } from '../model.ts';
import { parseSourceFile, readDocument } from '../read/index.ts';
import { eventToMarkdown } from '../write/front-matter.ts';
import { updateDirAtomically } from '../write/atomic-dir.ts';
import type { AtomicWriteOptions } from '../write/atomic-dir.ts';
import {
  eventHash,
  fingerprint,
  previousRecord,
  readManifest,
  renderVersion,
  scanEventFiles,
  usableEntry,
  writeManifest,
} from '../write/output-manifest.ts';
import type { ManifestEntry, OutputManifest } from '../write/output-manifest.ts';
import { readPreviousEventsKnown } from '../write/previous-events.ts';
import { cacheKey, codeVersion, pruneCache, readCacheEntry, writeCacheEntry } from './cache.ts';
import {
  gazetteerVersion,
  preparedCodeVersion,
  preparedKey,
  prunePrepared,
  readPreparedEntry,
  sourceFacts,
  writePreparedEntry,
} from './prepared-cache.ts';
import type { PreparedEntry, SourceFacts } from './prepared-cache.ts';
import { readAndDate } from './dated-read.ts';
import { dateSpreadWarnings } from './date-spread.ts';
import { defaultFocusFrom, loadTimelineConfig } from './timeline-config.ts';
import { readInWorkers, workerCount } from './workers.ts';

export { dateDocument } from './dated-read.ts';

export interface IngestOptions {
  sourcesDir: string;
  outDir: string;
  gazetteerDir: string;
  curationPath: string;
  timelinePath: string;
  /** Where the full report goes (JSON); undefined = not written. */
  reportPath?: string;
  /** Test hook for the atomic write. */
  write?: AtomicWriteOptions;
  /** Content-hash cache of dated documents (`.cache/ingest`); undefined = read every source. */
  cacheDir?: string;
  /** Most worker threads `runIngestAsync` may use (default: one per core; 0 = none). */
  workers?: number;
  /** Called with each source path that is actually parsed (a cache miss); tests count re-reads with it. */
  onParse?: (path: string) => void;
}

/** Milliseconds per stage (wall clock). */
export interface IngestTimings {
  read: number;
  /** Config, gazetteer, curation, and each source's share of the events stage (cached or prepared now). */
  prepare: number;
  /** The events already on disk (for stable ids). */
  previous: number;
  events: number;
  /** Rendering the event files that changed, writing them, removing the ones gone. */
  write: number;
}

/** What the write step did to the events folder. */
export interface WriteCounts {
  written: number;
  /** Files whose bytes were already right: not rewritten. */
  kept: number;
  removed: number;
  /** Event files rendered to Markdown (the rest were known unchanged from the output manifest). */
  rendered: number;
}

export interface IngestSummary {
  sources: number;
  segments: number;
  sentences: number;
  expressions: number;
  events: number;
  warnings: string[];
  report: EventsReport;
  /** Sources served from the cache and sources parsed, when a cache is used. */
  cache?: { hits: number; misses: number };
  files?: WriteCounts;
  timings?: IngestTimings;
}

/** Paths of the project's content, relative to `root`. */
export function defaultIngestOptions(root: string): IngestOptions {
  return {
    sourcesDir: join(root, 'content/sources'),
    outDir: join(root, 'content/events'),
    gazetteerDir: join(root, 'content/gazetteer'),
    curationPath: join(root, 'content/curation.yaml'),
    timelinePath: join(root, 'content/timeline.yaml'),
    reportPath: join(root, '.cache/ingest-report.json'),
    cacheDir: join(root, '.cache/ingest'),
  };
}

/** The `*.txt` file names of the sources folder, sorted; an empty or missing folder is an InputError. */
function sourceNames(dir: string): string[] {
  if (!existsSync(dir)) throw new InputError(dir, 'sources folder not found');
  if (!statSync(dir).isDirectory()) throw new InputError(dir, 'is a file: --sources must name a folder');
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort();
  if (names.length === 0) throw new InputError(dir, 'no sources (*.txt) in this folder');
  // Reading a folder named x.txt would fail with a stack trace; say what is wrong instead.
  for (const n of names) {
    if (!statSync(join(dir, n)).isFile()) throw new InputError(join(dir, n), 'is not a regular file');
  }
  return names;
}

/** Source ids must be unique: the first clash, in file order, is the editor's mistake. */
function checkUniqueIds(dir: string, names: readonly string[], ids: readonly string[]): void {
  const byId = new Map<string, string>();
  ids.forEach((id, i) => {
    const path = join(dir, names[i] ?? '');
    const clash = byId.get(id);
    if (clash !== undefined) throw new InputError(path, `duplicate source id "${id}" (also in ${clash})`);
    byId.set(id, path);
  });
}

/** Step 1: every `*.txt` in the folder, read into Documents; ids must be unique. */
export function readSources(dir: string): Document[] {
  const names = sourceNames(dir);
  const docs: Document[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const source = parseSourceFile(path, readFileSync(path));
    docs.push(readDocument(source));
  }
  checkUniqueIds(
    dir,
    names,
    docs.map((d) => d.source.id),
  );
  return docs;
}

/** One source after steps 1–2: its share of the events stage from the cache, or its dated document. */
export interface ReadSource {
  name: string;
  /** Key of its prepared entry (`''` without a cache). */
  preparedKey: string;
  cached?: PreparedEntry;
  dated?: DatedDocument;
}

interface Planned {
  names: string[];
  /** Dated documents by file index; undefined = known from `cached`, or still to read. */
  dated: Array<DatedDocument | undefined>;
  /** Prepared entries the cache had, by file index. */
  cached: Array<PreparedEntry | undefined>;
  keys: string[];
  preparedKeys: string[];
  hits: number;
}

/** True when the cache had nothing for source `i`: it must be parsed. */
function toRead(plan: Planned, i: number): boolean {
  return plan.dated[i] === undefined && plan.cached[i] === undefined;
}

/**
 * Steps 1–2, cached part: hash every file and take what the cache already has — the prepared entry if it is
 * there (then the dated document is not even loaded), else the dated document.
 */
function planRead(options: IngestOptions): Planned {
  const names = sourceNames(options.sourcesDir);
  const plan: Planned = { names, dated: [], cached: [], keys: [], preparedKeys: [], hits: 0 };
  const { cacheDir } = options;
  if (cacheDir === undefined) {
    plan.dated = names.map(() => undefined);
    plan.cached = names.map(() => undefined);
    return plan;
  }
  const version = codeVersion();
  const events = preparedCodeVersion();
  const gazetteer = gazetteerVersion(options.gazetteerDir);
  for (const name of names) {
    const key = cacheKey(name, readFileSync(join(options.sourcesDir, name)), version);
    const prepared = preparedKey(key, events, gazetteer);
    plan.keys.push(key);
    plan.preparedKeys.push(prepared);
    const cached = readPreparedEntry(cacheDir, name, prepared);
    const dated = cached === undefined ? readCacheEntry(cacheDir, name, key) : undefined;
    if (cached !== undefined || dated !== undefined) plan.hits++;
    plan.cached.push(cached);
    plan.dated.push(dated);
  }
  return plan;
}

/** Store the newly read documents, check ids and drop entries of deleted sources. */
function storeRead(options: IngestOptions, plan: Planned, fresh: ReadonlySet<number>): ReadSource[] {
  const sources = plan.names.map((name, i): ReadSource => {
    const s: ReadSource = { name, preparedKey: plan.preparedKeys[i] ?? '' };
    const cached = plan.cached[i];
    const dated = plan.dated[i];
    if (cached !== undefined) s.cached = cached;
    else if (dated !== undefined) s.dated = dated;
    else throw new Error(`ingest: source ${name} was not read`);
    return s;
  });
  checkUniqueIds(
    options.sourcesDir,
    plan.names,
    sources.map((s) => s.cached?.facts.id ?? s.dated?.doc.source.id ?? ''),
  );
  if (options.cacheDir !== undefined) {
    for (const i of fresh)
      writeCacheEntry(options.cacheDir, plan.names[i] ?? '', plan.keys[i] ?? '', plan.dated[i] as DatedDocument);
    pruneCache(options.cacheDir, plan.names);
    prunePrepared(options.cacheDir, plan.names);
  }
  return sources;
}

/** Steps 1–2 on this thread: read (or take from the cache) and date every source. */
export function readAndDateSources(options: IngestOptions): { sources: ReadSource[]; hits: number } {
  return completeOnThisThread(options, planRead(options));
}

/** Read the sources the cache did not have, one after the other. */
function completeOnThisThread(options: IngestOptions, plan: Planned): { sources: ReadSource[]; hits: number } {
  const fresh = new Set<number>();
  plan.names.forEach((name, i) => {
    if (!toRead(plan, i)) return;
    const path = join(options.sourcesDir, name);
    options.onParse?.(path);
    plan.dated[i] = readAndDate(path, readFileSync(path));
    fresh.add(i);
  });
  return { sources: storeRead(options, plan, fresh), hits: plan.hits };
}

/** Steps 1–2 with the cache misses spread over worker threads where there are enough of them. */
export async function readAndDateSourcesAsync(
  options: IngestOptions,
): Promise<{ sources: ReadSource[]; hits: number }> {
  const plan = planRead(options);
  const jobs = plan.names.flatMap((name, i) =>
    toRead(plan, i) ? [{ index: i, path: join(options.sourcesDir, name) }] : [],
  );
  const n = workerCount(jobs.length, options.workers);
  if (n < 2) return completeOnThisThread(options, plan);
  for (const j of jobs) options.onParse?.(j.path);
  const read = await readInWorkers(jobs, n);
  for (const [i, d] of read) plan.dated[i] = d;
  return { sources: storeRead(options, plan, new Set(read.keys())), hits: plan.hits };
}

/**
 * Step 4: make the events folder hold exactly the files of `events`. A file whose bytes would not change is
 * left alone: known from the output manifest (same event hash, same file fingerprint) without rendering, or
 * else rendered and compared. Everything is rendered before the first write (updateDirAtomically).
 */
function writeEventFiles(
  options: IngestOptions,
  events: readonly TimelineEvent[],
  onDisk: ReadonlyMap<string, string>,
  manifest: OutputManifest | undefined,
): WriteCounts {
  const render = renderVersion();
  const trusted = manifest?.render === render ? manifest : undefined;
  const write = new Map<string, string>();
  const keep = new Set<string>();
  const entries: Record<string, ManifestEntry> = {};
  const pending = new Map<string, Omit<ManifestEntry, 'fp'>>();
  let rendered = 0;
  // Hashes are for the manifest: without a cache there is none to read or write.
  const hashing = options.cacheDir !== undefined;
  // One file per id (a later event would win a clash).
  const byName = new Map(events.map((e) => [`${e.id}.md`, e]));
  for (const [name, event] of byName) {
    const hash = hashing ? eventHash(event) : '';
    const record = previousRecord(event);
    const fp = onDisk.get(name);
    const was = trusted?.files[name];
    if (hashing && fp !== undefined && usableEntry(was) && was.fp === fp && was.hash === hash) {
      keep.add(name);
      entries[name] = { fp, hash, record };
      continue;
    }
    const text = eventToMarkdown(event);
    rendered++;
    if (fp !== undefined && readFileSync(join(options.outDir, name), 'utf8') === text) {
      keep.add(name);
      entries[name] = { fp, hash, record };
      continue;
    }
    write.set(name, text);
    pending.set(name, { hash, record });
  }
  const { removed } = updateDirAtomically(options.outDir, { write, keep }, options.write);
  for (const [name, entry] of pending)
    entries[name] = { fp: fingerprint(statSync(join(options.outDir, name))), ...entry };
  if (options.cacheDir !== undefined) {
    try {
      writeManifest(options.cacheDir, options.outDir, { render, files: entries });
    } catch {
      // The cache is only speed: an unwritten manifest means the next run parses and renders more.
    }
  }
  return { written: write.size, kept: keep.size, removed, rendered };
}

/** Run the whole ingest. Throws InputError for an editor's mistake; nothing is written then. */
export function runIngest(options: IngestOptions): IngestSummary {
  const t0 = performance.now();
  const { sources, hits } = readAndDateSources(options);
  return finishIngest(options, sources, hits, t0);
}

/** `runIngest`, with the sources that need reading spread over worker threads. */
export async function runIngestAsync(options: IngestOptions): Promise<IngestSummary> {
  const t0 = performance.now();
  const { sources, hits } = await readAndDateSourcesAsync(options);
  return finishIngest(options, sources, hits, t0);
}

/** Each source's share of the events stage: from the cache, or prepared now (and cached before it is used). */
function prepareSources(
  options: IngestOptions,
  sources: readonly ReadSource[],
  gazetteer: Gazetteer,
): { facts: SourceFacts[]; prepared: PreparedDocument[] } {
  const facts: SourceFacts[] = [];
  const prepared: PreparedDocument[] = [];
  for (const s of sources) {
    let entry = s.cached;
    if (entry === undefined) {
      const d = s.dated as DatedDocument;
      entry = { facts: sourceFacts(d), prepared: prepareDocument(d, gazetteer) };
      if (options.cacheDir !== undefined) writePreparedEntry(options.cacheDir, s.name, s.preparedKey, entry);
    }
    facts.push(entry.facts);
    prepared.push(entry.prepared);
  }
  return { facts, prepared };
}

/** Steps 3–4: build the events from every dated document and write them; then the summary and report. */
function finishIngest(options: IngestOptions, sources: ReadSource[], hits: number, t0: number): IngestSummary {
  const t1 = performance.now();
  const config = loadTimelineConfig(options.timelinePath);
  const gazetteer = loadGazetteer(options.gazetteerDir);
  const curation = loadCuration(options.curationPath);
  const { facts, prepared } = prepareSources(options, sources, gazetteer);
  const published = facts.map((f) => f.publishedDate);
  const spread = dateSpreadWarnings(published);
  const tp = performance.now();
  const onDisk = scanEventFiles(options.outDir);
  const manifest = options.cacheDir === undefined ? undefined : readManifest(options.cacheDir, options.outDir);
  const { records: previous } = readPreviousEventsKnown(options.outDir, onDisk, manifest);
  const t2 = performance.now();
  const { events, report } = buildEventsFrom(prepared, {
    gazetteer,
    curation,
    previous,
    focusFrom: config.focusFrom ?? defaultFocusFrom(published),
  });
  const t3 = performance.now();
  const files = writeEventFiles(options, events, onDisk, manifest);
  const t4 = performance.now();
  const summary: IngestSummary = {
    sources: facts.length,
    segments: facts.reduce((n, f) => n + f.segments, 0),
    sentences: facts.reduce((n, f) => n + f.sentences, 0),
    expressions: facts.reduce((n, f) => n + f.expressions, 0),
    events: events.length,
    // The reader's warnings of each source, then the corpus-wide date check's.
    warnings: facts.flatMap((f, i) =>
      [...f.warnings, ...(spread[i] === undefined ? [] : [spread[i]])].map((w) => `${f.id}: ${w}`),
    ),
    report,
    ...(options.cacheDir === undefined ? {} : { cache: { hits, misses: facts.length - hits } }),
    files,
    timings: { read: t1 - t0, prepare: tp - t1, previous: t2 - tp, events: t3 - t2, write: t4 - t3 },
  };
  if (options.reportPath !== undefined) {
    mkdirSync(dirname(options.reportPath), { recursive: true });
    writeFileSync(options.reportPath, `${JSON.stringify(summary, null, 2)}\n`);
  }
  return summary;
}
