/**
 * The ingest as a list of named steps: read every source, resolve its time expressions, build events,
 * write them atomically. Each step lives in its own module; this file only wires them together.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { InputError } from '../errors.ts';
import { buildEvents, loadCuration, loadGazetteer } from '../events/index.ts';
import type { DatedDocument, EventsReport } from '../events/index.ts';
import type { Document, TimelineEvent } from '../model.ts';
import { parseSourceFile, readDocument } from '../read/index.ts';
import { eventToMarkdown } from '../write/front-matter.ts';
import { replaceDirAtomically } from '../write/atomic-dir.ts';
import type { AtomicWriteOptions } from '../write/atomic-dir.ts';
import { readPreviousEvents } from '../write/previous-events.ts';
import { cacheKey, codeVersion, pruneCache, readCacheEntry, writeCacheEntry } from './cache.ts';
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
  events: number;
  write: number;
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
function checkUniqueIds(dir: string, names: readonly string[], docs: readonly Document[]): void {
  const byId = new Map<string, string>();
  docs.forEach((doc, i) => {
    const path = join(dir, names[i] ?? '');
    const clash = byId.get(doc.source.id);
    if (clash !== undefined) throw new InputError(path, `duplicate source id "${doc.source.id}" (also in ${clash})`);
    byId.set(doc.source.id, path);
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
  checkUniqueIds(dir, names, docs);
  return docs;
}

interface Planned {
  names: string[];
  /** Dated documents by file index; undefined = still to read. */
  dated: Array<DatedDocument | undefined>;
  keys: string[];
  hits: number;
}

/** Steps 1–2, cached part: hash every file and take what the cache already has. */
function planRead(options: IngestOptions): Planned {
  const names = sourceNames(options.sourcesDir);
  const version = options.cacheDir === undefined ? '' : codeVersion();
  const plan: Planned = { names, dated: [], keys: [], hits: 0 };
  for (const name of names) {
    let hit: DatedDocument | undefined;
    if (options.cacheDir !== undefined) {
      const key = cacheKey(name, readFileSync(join(options.sourcesDir, name)), version);
      plan.keys.push(key);
      hit = readCacheEntry(options.cacheDir, name, key);
    }
    if (hit !== undefined) plan.hits++;
    plan.dated.push(hit);
  }
  return plan;
}

/** Store the newly read documents and drop entries of deleted sources. */
function storeRead(options: IngestOptions, plan: Planned, fresh: ReadonlySet<number>): DatedDocument[] {
  const dated = plan.dated.map((d, i) => {
    if (d === undefined) throw new Error(`ingest: source ${plan.names[i]} was not read`);
    return d;
  });
  checkUniqueIds(
    options.sourcesDir,
    plan.names,
    dated.map((d) => d.doc),
  );
  if (options.cacheDir !== undefined) {
    for (const i of fresh)
      writeCacheEntry(options.cacheDir, plan.names[i] ?? '', plan.keys[i] ?? '', dated[i] as DatedDocument);
    pruneCache(options.cacheDir, plan.names);
  }
  return dated;
}

/** Steps 1–2 on this thread: read (or take from the cache) and date every source. */
export function readAndDateSources(options: IngestOptions): { dated: DatedDocument[]; hits: number } {
  return completeOnThisThread(options, planRead(options));
}

/** Read the sources the cache did not have, one after the other. */
function completeOnThisThread(options: IngestOptions, plan: Planned): { dated: DatedDocument[]; hits: number } {
  const fresh = new Set<number>();
  plan.dated.forEach((d, i) => {
    if (d !== undefined) return;
    const path = join(options.sourcesDir, plan.names[i] ?? '');
    options.onParse?.(path);
    plan.dated[i] = readAndDate(path, readFileSync(path));
    fresh.add(i);
  });
  return { dated: storeRead(options, plan, fresh), hits: plan.hits };
}

/** Steps 1–2 with the cache misses spread over worker threads where there are enough of them. */
export async function readAndDateSourcesAsync(
  options: IngestOptions,
): Promise<{ dated: DatedDocument[]; hits: number }> {
  const plan = planRead(options);
  const jobs = plan.dated.flatMap((d, i) =>
    d === undefined ? [{ index: i, path: join(options.sourcesDir, plan.names[i] ?? '') }] : [],
  );
  const n = workerCount(jobs.length, options.workers);
  if (n < 2) return completeOnThisThread(options, plan);
  for (const j of jobs) options.onParse?.(j.path);
  const read = await readInWorkers(jobs, n);
  for (const [i, d] of read) plan.dated[i] = d;
  return { dated: storeRead(options, plan, new Set(read.keys())), hits: plan.hits };
}

/** The event files, name → contents. */
export function renderEventFiles(events: readonly TimelineEvent[]): Map<string, string> {
  return new Map(events.map((e) => [`${e.id}.md`, eventToMarkdown(e)]));
}

/** Run the whole ingest. Throws InputError for an editor's mistake; nothing is written then. */
export function runIngest(options: IngestOptions): IngestSummary {
  const t0 = performance.now();
  const { dated, hits } = readAndDateSources(options);
  return finishIngest(options, dated, hits, t0);
}

/** `runIngest`, with the sources that need reading spread over worker threads. */
export async function runIngestAsync(options: IngestOptions): Promise<IngestSummary> {
  const t0 = performance.now();
  const { dated, hits } = await readAndDateSourcesAsync(options);
  return finishIngest(options, dated, hits, t0);
}

/** Steps 3–4: build the events from every dated document and write them; then the summary and report. */
function finishIngest(options: IngestOptions, dated: DatedDocument[], hits: number, t0: number): IngestSummary {
  const config = loadTimelineConfig(options.timelinePath);
  const gazetteer = loadGazetteer(options.gazetteerDir);
  const curation = loadCuration(options.curationPath);
  const docs = dated.map((d) => d.doc);
  dateSpreadWarnings(docs.map((d) => d.publishedDate)).forEach((w, i) => {
    if (w !== undefined) docs[i]?.warnings.push(w);
  });
  const t1 = performance.now();
  const { events, report } = buildEvents(dated, {
    gazetteer,
    curation,
    previous: readPreviousEvents(options.outDir),
    focusFrom: config.focusFrom ?? defaultFocusFrom(docs.map((d) => d.publishedDate)),
  });
  const t2 = performance.now();
  replaceDirAtomically(options.outDir, renderEventFiles(events), options.write);
  const t3 = performance.now();
  const summary: IngestSummary = {
    sources: docs.length,
    segments: docs.reduce((n, d) => n + d.segments.length, 0),
    sentences: docs.reduce((n, d) => n + d.sentences.length, 0),
    expressions: dated.reduce((n, d) => n + d.expressions.reduce((m, e) => m + e.length, 0), 0),
    events: events.length,
    warnings: docs.flatMap((d) => d.warnings.map((w) => `${d.source.id}: ${w}`)),
    report,
    ...(options.cacheDir === undefined ? {} : { cache: { hits, misses: docs.length - hits } }),
    timings: { read: t1 - t0, events: t2 - t1, write: t3 - t2 },
  };
  if (options.reportPath !== undefined) {
    mkdirSync(dirname(options.reportPath), { recursive: true });
    writeFileSync(options.reportPath, `${JSON.stringify(summary, null, 2)}\n`);
  }
  return summary;
}
