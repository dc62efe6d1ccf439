/**
 * The ingest as a list of named steps: read every source, resolve its time expressions, build events,
 * write them atomically. Each step lives in its own module; this file only wires them together.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  assembleEvents,
  buildVolume,
  carryOrigins,
  loadCuration,
  loadGazetteer,
  partitionVolumes,
  prepareDocument,
} from '../events/index.ts';
import type { BuildResult, DatedDocument, EventsReport, PreparedDocument, VolumeResult } from '../events/index.ts';
import type { Gazetteer } from '../model.ts';
import type { AtomicWriteOptions } from '../write/atomic-dir.ts';
import { writeEventFiles } from '../write/event-files.ts';
import type { ResidentWrite, WriteCounts, Written } from '../write/event-files.ts';
import {
  changedAt,
  pruneOutputCache,
  readManifest,
  renderVersion,
  rescanEventFiles,
  scanEventFiles,
  withChanges,
} from '../write/output-manifest.ts';
import type { ManifestEntry } from '../write/output-manifest.ts';
import { readPreviousEventsKnown } from '../write/previous-events.ts';
import { codeVersion, datedPack, putCacheEntry, readCacheEntries, removeLegacyEntries } from './cache.ts';
import type { Pack } from './pack.ts';
import {
  gazetteerVersion,
  packEntry,
  preparedCodeVersion,
  preparedKey,
  preparedPack,
  putPreparedEntry,
  readPreparedEntries,
  sourceFacts,
} from './prepared-cache.ts';
import type { PreparedEntry, SourceFacts } from './prepared-cache.ts';
import { readAndDate } from './dated-read.ts';
import { dateSpreadWarnings } from './date-spread.ts';
import { reportJson } from './summary.ts';
import { defaultFocusFrom, loadTimelineConfig } from './timeline-config.ts';
import { factsPack, readFacts, readVolume, volumeKey, volumeName, volumePack } from './volume-cache.ts';
import { factsKey, keepOnly, manifestKey, settleMemo } from './memo.ts';
import type { FileNews, IngestMemo } from './memo.ts';
import { buildInWorkers, readInWorkers, workerCount } from './workers.ts';
import type { VolumeJob } from './workers.ts';
import { checkUniqueIds, sourceNames } from './source-list.ts';
import { KEY_LIST, settled, sourceKeys } from './source-keys.ts';
import type { KeyCounts, KeyListFiles, ToldKeys } from './source-keys.ts';
import { contentHashes, folderState, recordRun, runKey, unchangedRun } from './unchanged-run.ts';
import type { RecordedRun, Repeated, SummaryPatch } from './unchanged-run.ts';

export { dateDocument } from './dated-read.ts';
export type { WriteCounts } from '../write/event-files.ts';

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
  /** What a resident ingest keeps between its runs (memo.ts); used only with a cache, whose keys it shares. */
  memo?: IngestMemo;
}

/** The run's memo: none without a cache (no content keys then, so nothing it holds could be told apart). */
function memoOf(options: IngestOptions): IngestMemo | undefined {
  return options.cacheDir === undefined ? undefined : options.memo;
}

/** Do `work` (bookkeeping for a later reader) now, or in a resident ingest once the run is reported (memo.ts). */
function later(options: IngestOptions, work: () => void): void {
  const memo = memoOf(options);
  if (memo === undefined) work();
  else memo.after.push(work);
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
  /** Sources whose cache key came from their unchanged stat fingerprint, and sources read to be hashed. */
  keys?: KeyCounts;
  /**
   * Volumes of the events stage (volumes.ts), how many were built (the others came from the cache), and how many of
   * those on worker threads (absent: none).
   */
  volumes?: { count: number; built: number; onWorkers?: number };
  files?: WriteCounts;
  timings?: IngestTimings;
  /** The run found nothing to do: same inputs and events folder as a recorded run (unchanged-run.ts). */
  skipped?: true;
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

/** One source after steps 1–2: its share of the events stage from the cache, or its dated document. */
export interface ReadSource {
  name: string;
  /** Key of its prepared entry (`''` without a cache). */
  preparedKey: string;
  /** Key of its dated entry (`''` without a cache). */
  datedKey: string;
  cached?: PreparedEntry;
  dated?: DatedDocument;
  /** Only its facts: its prepared entry is read if its volume must be built again. */
  facts?: SourceFacts;
}

interface Planned {
  names: string[];
  /** Dated documents by file index; undefined = known from `cached`, or still to read. */
  dated: Array<DatedDocument | undefined>;
  /** Prepared entries the cache had, by file index. */
  cached: Array<PreparedEntry | undefined>;
  /** Facts the cache had, by file index: nothing else of these sources is read unless their volume changed. */
  facts: Array<SourceFacts | undefined>;
  keys: string[];
  preparedKeys: string[];
  hits: number;
  /** The two cache layers (none without a cache). */
  packs?: Packs;
}

interface Packs {
  dated: Pack;
  prepared: Pack;
  facts: Pack;
  volumes: Pack;
}

/** Steps 1–2 done: every source, the cache hits and the prepared layer that step 3 adds to. */
interface ReadResult {
  sources: ReadSource[];
  hits: number;
  packs?: Packs;
}

/** True when the cache had nothing for source `i`: it must be parsed. */
function toRead(plan: Planned, i: number): boolean {
  return plan.dated[i] === undefined && plan.cached[i] === undefined && plan.facts[i] === undefined;
}

/** Every source's name and cache keys (none without a cache). */
interface Keyed {
  names: string[];
  keys: string[];
  preparedKeys: string[];
  /** Sources keyed by their remembered fingerprint, and sources read to be hashed (with a cache). */
  counts?: KeyCounts;
}

/**
 * Step 0: list the sources and key them, reading only files whose fingerprint is not remembered (source-keys.ts).
 * A resident ingest told what changed (`news`) keeps the last run's keys of the other files without a stat.
 */
function keySources(options: IngestOptions, news?: FileNews): Keyed {
  const names = sourceNames(options.sourcesDir);
  const { cacheDir } = options;
  if (cacheDir === undefined) return { names, keys: [], preparedKeys: [] };
  const events = preparedCodeVersion();
  const gazetteer = gazetteerVersion(options.gazetteerDir);
  const counts: KeyCounts = { remembered: 0, hashed: 0 };
  const version = codeVersion();
  const memo = memoOf(options);
  const last = memo?.sourceKeys;
  if (memo !== undefined) memo.buildingWith = `${events}\0${gazetteer}`;
  const told: ToldKeys | undefined =
    news?.sources !== undefined && last?.version === version
      ? { keys: last.keys, changed: news.sources, list: last.list }
      : undefined;
  // A resident ingest keeps the list for its next run, and writes it once this one is reported.
  let list: KeyListFiles = {};
  const keep = (next: KeyListFiles, write: () => void) => {
    list = next;
    later(options, write);
  };
  const keys = sourceKeys(options.sourcesDir, names, version, cacheDir, counts, told, keep);
  if (memo !== undefined)
    memo.sourceKeys = { version, keys: new Map(names.map((n, i) => [n, keys[i] as string])), list };
  return { names, keys, preparedKeys: preparedKeysOf(memo, keys, events, gazetteer), counts };
}

/** Each source's prepared key from its dated key (a resident ingest remembers them: each is a hash). */
function preparedKeysOf(
  memo: IngestMemo | undefined,
  keys: readonly string[],
  events: string,
  gazetteer: string,
): string[] {
  const versions = `${events}\0${gazetteer}`;
  const known = memo?.preparedKeys?.with === versions ? memo.preparedKeys.keys : undefined;
  const out = keys.map((key) => known?.get(key) ?? preparedKey(key, events, gazetteer));
  if (memo !== undefined)
    memo.preparedKeys = { with: versions, keys: new Map(keys.map((k, i) => [k, out[i] as string])) };
  return out;
}

/** What the watch said changed for this run (taken: it is for one run), after the last run's bookkeeping. */
function takeNews(options: IngestOptions): FileNews | undefined {
  const memo = memoOf(options);
  settleMemo(memo);
  const news = memo?.news;
  if (memo !== undefined) delete memo.news;
  return news;
}

type Wanted = readonly [name: string, key: string];

/**
 * Fill the gaps of `values` (the indexes `among`, default every one holding undefined) with what `read` gives for
 * them, in order; returns the indexes still empty.
 */
function fillGaps<T>(
  values: Array<T | undefined>,
  read: (gaps: number[]) => Array<T | undefined>,
  among: readonly number[] = values.flatMap((v, i) => (v === undefined ? [i] : [])),
): number[] {
  const gaps = among.filter((i) => values[i] === undefined);
  const got = read(gaps);
  gaps.forEach((i, j) => {
    values[i] = got[j];
  });
  return gaps.filter((i) => values[i] === undefined);
}

/**
 * The cache's layers. A resident ingest keeps them from run to run, with the indexes they read, each read again
 * only when its file changed (another process's commit, a cleared cache).
 */
function packsOf(options: IngestOptions, cacheDir: string): Packs {
  const memo = memoOf(options);
  const kept = memo?.packs;
  if (kept !== undefined && kept.cacheDir === cacheDir) {
    for (const pack of Object.values(kept.layers)) pack.refresh();
    return kept.layers;
  }
  const layers = {
    dated: datedPack(cacheDir),
    prepared: preparedPack(cacheDir),
    facts: factsPack(cacheDir),
    volumes: volumePack(cacheDir),
  };
  if (memo !== undefined) memo.packs = { cacheDir, layers };
  return layers;
}

/**
 * Steps 1–2, cached part: take what the cache already has — the prepared entry if it is there (then the dated
 * layer is not even read), else the dated document. One read per layer.
 */
function planRead(options: IngestOptions, keyed: Keyed): Planned {
  const { names } = keyed;
  const none = names.map(() => undefined);
  const plan: Planned = {
    names,
    dated: [...none],
    cached: [...none],
    facts: [...none],
    keys: keyed.keys,
    preparedKeys: keyed.preparedKeys,
    hits: 0,
  };
  const { cacheDir } = options;
  if (cacheDir === undefined) return plan;
  const packs = packsOf(options, cacheDir);
  plan.packs = packs;
  const wanted = names.map((n, i) => [n, plan.preparedKeys[i] ?? ''] as const);
  const memo = memoOf(options);
  // Layer by layer, each asked only for the sources the ones before did not have.
  plan.facts = wanted.map(([n, k]) => memo?.facts.get(factsKey(n, k)));
  const want = (gaps: number[]) => gaps.map((i) => wanted[i] as Wanted);
  const datedWant = (gaps: number[]) => gaps.map((i) => [names[i] ?? '', plan.keys[i] ?? ''] as const);
  const noFacts = fillGaps(plan.facts, (gaps) => readFacts(packs.facts, want(gaps)));
  const missed = fillGaps(plan.cached, (gaps) => readPreparedEntries(packs.prepared, want(gaps)), noFacts);
  fillGaps(plan.dated, (gaps) => readCacheEntries(packs.dated, datedWant(gaps)), missed);
  plan.hits = names.filter((_, i) => !toRead(plan, i)).length;
  return plan;
}

/** Store the newly read documents, check ids and drop entries of deleted or changed sources. */
function storeRead(options: IngestOptions, plan: Planned, fresh: ReadonlySet<number>): ReadResult {
  const sources = plan.names.map((name, i): ReadSource => {
    const s: ReadSource = { name, preparedKey: plan.preparedKeys[i] ?? '', datedKey: plan.keys[i] ?? '' };
    const cached = plan.cached[i];
    const dated = plan.dated[i];
    const facts = plan.facts[i];
    if (cached !== undefined) s.cached = cached;
    else if (dated !== undefined) s.dated = dated;
    else if (facts !== undefined) s.facts = facts;
    else throw new Error(`ingest: source ${name} was not read`);
    return s;
  });
  checkUniqueIds(
    options.sourcesDir,
    plan.names,
    sources.map((s) => s.facts?.id ?? s.cached?.facts.id ?? s.dated?.doc.source.id ?? ''),
  );
  const { packs } = plan;
  if (options.cacheDir === undefined || packs === undefined) return { sources, hits: plan.hits };
  removeLegacyEntries(options.cacheDir, [KEY_LIST]);
  for (const i of fresh)
    putCacheEntry(packs.dated, plan.names[i] ?? '', plan.keys[i] ?? '', plan.dated[i] as DatedDocument);
  // One segment and one index for everything read now; entries of deleted sources and old versions are dropped.
  later(options, () => {
    const current = new Map(plan.names.map((n, i) => [n, plan.keys[i]]));
    packs.dated.commit((name, key) => current.get(name) === key);
  });
  return { sources, hits: plan.hits, packs };
}

/** Steps 1–2 on this thread: read (or take from the cache) and date every source. */
export function readAndDateSources(options: IngestOptions): ReadResult {
  return completeOnThisThread(options, planRead(options, keySources(options)));
}

/** Read and date one source on this thread (a cache miss: tests count them through `onParse`). */
function readSource(options: IngestOptions, name: string): DatedDocument {
  const path = join(options.sourcesDir, name);
  options.onParse?.(path);
  return readAndDate(path, readFileSync(path));
}

/** Read the sources the cache did not have, one after the other. */
function completeOnThisThread(options: IngestOptions, plan: Planned): ReadResult {
  const fresh = new Set<number>();
  plan.names.forEach((name, i) => {
    if (!toRead(plan, i)) return;
    plan.dated[i] = readSource(options, name);
    fresh.add(i);
  });
  return storeRead(options, plan, fresh);
}

/** Steps 1–2 with the cache misses spread over worker threads where there are enough of them. */
export async function readAndDateSourcesAsync(
  options: IngestOptions,
  keyed: Keyed = keySources(options),
): Promise<ReadResult> {
  const plan = planRead(options, keyed);
  const jobs = plan.names.flatMap((name, i) =>
    toRead(plan, i) ? [{ index: i, path: join(options.sourcesDir, name) }] : [],
  );
  const n = workerCount(jobs.length, options.workers);
  if (n < 2) return completeOnThisThread(options, plan);
  for (const j of jobs) options.onParse?.(j.path);
  const read = await readInWorkers(jobs, n);
  for (const [i, d] of read) plan.dated[i] = d;
  return storeRead(options, plan, new Set(read.keys()));
}

/** Run the whole ingest. Throws InputError for an editor's mistake; nothing is written then. */
export function runIngest(options: IngestOptions): IngestSummary {
  const t0 = performance.now();
  const news = takeNews(options);
  const keyed = keySources(options, news);
  const run = lookAtFolder(options, keyed, news);
  if (run.skipped !== undefined) return finishUnchanged(options, run, run.skipped, t0);
  return finishIngest(options, completeOnThisThread(options, planRead(options, keyed)), t0, run);
}

/** `runIngest`, with the sources that need reading spread over worker threads. */
export async function runIngestAsync(options: IngestOptions): Promise<IngestSummary> {
  const t0 = performance.now();
  const news = takeNews(options);
  const keyed = keySources(options, news);
  const run = lookAtFolder(options, keyed, news);
  if (run.skipped !== undefined) return finishUnchanged(options, run, run.skipped, t0);
  return finishIngestAsync(options, await readAndDateSourcesAsync(options, keyed), t0, run);
}

/**
 * Fill a resident ingest's memo from the cache: the volumes, facts and output manifest its next run would read. A
 * first run that found nothing to do read none of them, and the first change would pay for all of them. Nothing
 * happens unless every source's facts are cached (a run with misses fills the memo itself).
 */
export function warmMemo(options: IngestOptions): void {
  const memo = memoOf(options);
  const { cacheDir, outDir } = options;
  if (memo === undefined || cacheDir === undefined) return;
  const plan = planRead(options, keySources(options));
  const facts = plan.facts.filter((f) => f !== undefined);
  if (facts.length !== plan.names.length) return;
  const sources = plan.names.map((name, i) => ({ name, preparedKey: plan.preparedKeys[i] ?? '', datedKey: '' }));
  const read: ReadResult = { sources, hits: plan.hits, ...(plan.packs === undefined ? {} : { packs: plan.packs }) };
  const plans = planVolumes(read, facts);
  remember(memo, sources, facts, plans, readCachedVolumes(options, read, plans, undefined));
  const manifest = readManifest(cacheDir, outDir);
  if (manifest !== undefined) memo.manifests.set(manifestKey(cacheDir, outDir), manifest);
}

/** The events folder as a run found it, and the run's key (unchanged-run.ts). */
interface FolderLook {
  onDisk: Map<string, string>;
  /** When the folder was scanned (ms since 1970). */
  scanned: number;
  key?: string;
  /** The recorded run, when this one can change nothing. */
  skipped?: Repeated<IngestSummary>;
  /** How the sources were keyed (with a cache). */
  keys?: KeyCounts;
  /** The files a watcher saw change since the last run, when only those were looked at (undefined: a full scan). */
  changed?: ReadonlySet<string>;
}

/**
 * Scan the events folder (or, told what changed there, look at those files only); with a cache, say whether the
 * last recorded run had these inputs and this folder.
 */
function lookAtFolder(options: IngestOptions, keyed: Keyed, news?: FileNews): FolderLook {
  const scanned = Date.now();
  const memo = memoOf(options);
  const last = memo?.onDisk?.dir === options.outDir ? memo.onDisk.files : undefined;
  const changed = last !== undefined ? news?.events : undefined;
  const onDisk =
    changed !== undefined
      ? rescanEventFiles(options.outDir, last as Map<string, string>, changed)
      : scanEventFiles(options.outDir);
  if (memo !== undefined) memo.onDisk = { dir: options.outDir, files: onDisk };
  const { cacheDir } = options;
  if (cacheDir === undefined) return { onDisk, scanned };
  const key = runKey({ ...keyed, timelinePath: options.timelinePath, curationPath: options.curationPath });
  const look: FolderLook = { onDisk, scanned, key };
  if (changed !== undefined) look.changed = changed;
  if (keyed.counts !== undefined) look.keys = keyed.counts;
  const skipped = unchangedRun<IngestSummary>(cacheDir, options.outDir, key, onDisk, scanned, options.reportPath);
  if (skipped !== undefined) look.skipped = skipped;
  return look;
}

/** A run that can change nothing: the recorded summary, with this run's counts and time. */
function finishUnchanged(
  options: IngestOptions,
  look: FolderLook,
  skipped: NonNullable<FolderLook['skipped']>,
  t0: number,
): IngestSummary {
  const { summary } = skipped;
  const result: IngestSummary = {
    ...summary,
    cache: { hits: summary.sources, misses: 0 },
    ...(look.keys === undefined ? {} : { keys: look.keys }),
    ...(summary.volumes === undefined ? {} : { volumes: { count: summary.volumes.count, built: 0 } }),
    files: { written: 0, kept: summary.events, removed: 0, rendered: 0, hashed: 0 },
    timings: { read: performance.now() - t0, prepare: 0, previous: 0, events: 0, write: 0 },
    skipped: true,
  };
  const { reportPath, cacheDir } = options;
  if (reportPath !== undefined && !skipped.reportKept) {
    // Written again, and recorded again: the report holds the summary a next repeat reads.
    const text = writeReport(reportPath, result);
    if (cacheDir !== undefined) recordRun(cacheDir, options.outDir, { ...skipped.record, inReport: { text } });
  } else if (skipped.settledSince && cacheDir !== undefined)
    recordRun(cacheDir, options.outDir, skipped.record, skipped.stored);
  return result;
}

/** The full report: the summary as JSON (`reportJson`). Returns the text written. */
function writeReport(path: string, summary: IngestSummary): string {
  mkdirSync(dirname(path), { recursive: true });
  const text = reportJson(summary);
  writeFileSync(path, text);
  return text;
}

/**
 * What a next run with the same inputs would find and report, when it is sure: the folder as this run left it,
 * and this run's summary. Its previous events would be this run's output, so it gives the same output only when
 * this run wrote nothing, or when the ids come out the same with this run's output as the previous events.
 * Files this run did not write are vouched for by their fingerprints only once settled (see source-keys.ts);
 * files it wrote, by the hash of the text written.
 */
function nextRun(
  look: FolderLook,
  built: BuildResult,
  written: Written,
  summary: IngestSummary,
  reportPath: string | undefined,
  reportText: string | undefined,
): RecordedRun<IngestSummary> | undefined {
  const { key } = look;
  if (key === undefined) return undefined;
  const { entries, texts } = written;
  const names = Object.keys(entries).sort();
  for (const name of names) {
    const fp = look.onDisk.get(name);
    if (!texts.has(name) && (fp === undefined || !settled(changedAt(fp), look.scanned))) return undefined;
  }
  let next = summary;
  const patch: SummaryPatch = [];
  if (written.counts.written > 0 || written.counts.removed > 0) {
    const ids = built.idsWith(names.map((n) => (entries[n] as ManifestEntry).record));
    if (ids.length !== built.ids.length || ids.some((id, i) => id !== built.ids[i])) return undefined;
    const now = new Set(names.map((n) => (entries[n] as ManifestEntry).record.id));
    const keptIds = ids.filter((id) => now.has(id)).length;
    next = { ...summary, report: { ...summary.report, keptIds } };
    if (keptIds !== summary.report.keptIds) patch.push([['report', 'keptIds'], keptIds]);
  }
  const files = new Map(names.map((n) => [n, (entries[n] as ManifestEntry).fp]));
  const run: RecordedRun<IngestSummary> = {
    key,
    state: folderState(files),
    written: contentHashes(texts),
    reportPath,
    summary: next,
  };
  // The report just written holds the summary: the record points at it rather than storing a copy.
  if (reportText !== undefined) run.inReport = { text: reportText, patch };
  return run;
}

/** The events folder's fingerprints after the write step, from those before it and what it wrote and removed. */
function folderAfter(before: Map<string, string>, written: Written): Map<string, string> {
  const { entries, texts } = written;
  // Unchanged: the map the run started from (no one changes these maps; `withChanges` makes a new one).
  if (texts.size === 0 && written.counts.removed === 0) return before;
  const changes = new Map<string, string | undefined>();
  for (const name of texts.keys()) changes.set(name, entries[name]?.fp);
  const { removedNames } = written;
  if (removedNames !== undefined) for (const name of removedNames) changes.set(name, undefined);
  else for (const name of before.keys()) if (entries[name] === undefined) changes.set(name, undefined);
  return withChanges(before, changes);
}

/** A source's share of the events stage from its dated document, cached before the stage updates it in place. */
function prepareSource(
  s: ReadSource,
  d: DatedDocument,
  gazetteer: Gazetteer,
  packs: Packs | undefined,
): { entry: PreparedEntry; text: string | undefined } {
  const entry = { facts: sourceFacts(d), prepared: prepareDocument(d, gazetteer) };
  return {
    entry,
    text: packs === undefined ? undefined : putPreparedEntry(packs.prepared, s.name, s.preparedKey, entry),
  };
}

/** What the events stage starts from: settings, and each source's facts and (if read now) prepared document. */
interface StageInput {
  config: ReturnType<typeof loadTimelineConfig>;
  gazetteer: Gazetteer;
  curation: ReturnType<typeof loadCuration>;
  facts: SourceFacts[];
  /** Prepared documents of the sources read now or taken from the prepared layer, by source. */
  prepared: Array<PreparedDocument | undefined>;
  /** Their prepared layer's texts, when staged now (a volume worker starts from them). */
  texts: Array<string | undefined>;
}

/** The gazetteer, loaded; a resident ingest loads it again only when its files or the event code changed. */
function gazetteerOf(options: IngestOptions): Gazetteer {
  const memo = memoOf(options);
  const versions = memo?.buildingWith;
  if (memo === undefined || versions === undefined) return loadGazetteer(options.gazetteerDir);
  if (memo.gazetteer?.with !== versions)
    memo.gazetteer = { with: versions, value: loadGazetteer(options.gazetteerDir) };
  return memo.gazetteer.value;
}

/** Settings, and each source's facts and prepared document where it was read now (cached before the stage uses it). */
function stageInput(options: IngestOptions, read: ReadResult): StageInput {
  const config = loadTimelineConfig(options.timelinePath);
  const gazetteer = gazetteerOf(options);
  const curation = loadCuration(options.curationPath);
  const facts: SourceFacts[] = [];
  const prepared: Array<PreparedDocument | undefined> = [];
  const texts: Array<string | undefined> = [];
  const { packs } = read;
  for (const s of read.sources) {
    if (s.facts !== undefined) {
      facts.push(s.facts);
      prepared.push(undefined);
      texts.push(undefined);
      continue;
    }
    const made = s.cached === undefined ? prepareSource(s, s.dated as DatedDocument, gazetteer, packs) : undefined;
    const entry = s.cached ?? (made as { entry: PreparedEntry }).entry;
    packs?.facts.put(s.name, s.preparedKey, JSON.stringify(entry.facts));
    facts.push(entry.facts);
    prepared.push(entry.prepared);
    texts.push(made?.text);
  }
  return { config, gazetteer, curation, facts, prepared, texts };
}

/**
 * The prepared documents of sources `members` (corpus order): prepared now, or from the prepared layer for sources
 * known only by their facts, or failing that from the dated layer or the source itself.
 */
function preparedFor(
  options: IngestOptions,
  read: ReadResult,
  members: readonly number[],
  input: StageInput,
): PreparedDocument[] {
  const { sources, packs } = read;
  const { prepared, gazetteer } = input;
  const out = new Map<number, PreparedDocument>();
  const deferred: number[] = [];
  for (const i of members) {
    const p = prepared[i];
    if (p !== undefined) out.set(i, p);
    else deferred.push(i);
  }
  const want = (i: number) => [sources[i]?.name ?? '', sources[i]?.preparedKey ?? ''] as const;
  const entries = packs === undefined ? [] : readPreparedEntries(packs.prepared, deferred.map(want));
  const missed = deferred.filter((i, j) => {
    const entry = entries[j];
    if (entry !== undefined) out.set(i, entry.prepared);
    return entry === undefined;
  });
  // Facts without a prepared entry (a damaged or compacted-away record): back to the dated document.
  const dated =
    packs === undefined
      ? []
      : readCacheEntries(
          packs.dated,
          missed.map((i) => [sources[i]?.name ?? '', sources[i]?.datedKey ?? ''] as const),
        );
  missed.forEach((i, j) => {
    const s = sources[i] as ReadSource;
    out.set(i, prepareSource(s, dated[j] ?? readSource(options, s.name), gazetteer, packs).entry.prepared);
  });
  return members.map((i) => out.get(i) as PreparedDocument);
}

/** One volume of the events stage (volumes.ts): its sources (indexes, corpus order), and its name and key. */
interface VolumePlan {
  members: number[];
  name: string;
  key: string;
}

function planVolumes(read: ReadResult, facts: readonly SourceFacts[]): VolumePlan[] {
  return partitionVolumes(facts.map((f) => f.publishedDate)).map((members) => {
    const of = members.map((i) => read.sources[i] as ReadSource);
    return {
      members,
      name: volumeName(of.map((s) => s.name)),
      key: volumeKey(of.map((s) => [s.name, s.preparedKey] as const)),
    };
  });
}

/** Volumes being built on worker threads: their indexes, and their JSON texts when done. */
interface VolumeBuilds {
  indexes: ReadonlySet<number>;
  done: Promise<Map<number, string>>;
}

/**
 * The prepared layer's texts of a volume's sources, for a worker: staged now, or read from the layer (not parsed
 * here). Undefined when one is missing (its volume is built on this thread, which knows the ways back).
 */
function volumeEntries(read: ReadResult, input: StageInput, members: readonly number[]): string[] | undefined {
  const { sources, packs } = read;
  const out: Array<string | undefined> = members.map((i) => {
    const text = input.texts[i];
    if (text !== undefined) return text;
    const prepared = input.prepared[i];
    const facts = input.facts[i];
    return prepared === undefined || facts === undefined ? undefined : packEntry({ facts, prepared });
  });
  const fromPack = members.flatMap((_, j) => (out[j] === undefined ? [j] : []));
  if (fromPack.length > 0) {
    if (packs === undefined) return undefined;
    const s = (j: number) => sources[members[j] as number] as ReadSource;
    const texts = packs.prepared.read(fromPack.map((j) => [s(j).name, s(j).preparedKey] as const));
    fromPack.forEach((j, k) => {
      out[j] = texts[k];
    });
  }
  return out.every((t) => t !== undefined) ? out : undefined;
}

/**
 * Start building on worker threads the volumes the cache does not have, when the timeline is in volumes (a single
 * volume is a small timeline: a worker's start-up would cost more than it saves) and workers are allowed. The main
 * thread reads the cached volumes meanwhile (and on a cold run, every core builds).
 */
function startVolumeBuilds(
  options: IngestOptions,
  read: ReadResult,
  input: StageInput,
  plans: readonly VolumePlan[],
): VolumeBuilds | undefined {
  const cores = options.workers ?? availableParallelism();
  if (plans.length < 2 || cores < 1) return undefined;
  const memo = memoOf(options);
  const toBuild = plans.flatMap((p, index) =>
    memo?.volumes.has(p.key) === true || read.packs?.volumes.keyOf(p.name) === p.key ? [] : [index],
  );
  // A resident ingest with every other volume in memory has nothing to do meanwhile, and a warm JIT: one volume is
  // built on this thread sooner than on a worker started for it (whose JIT is cold).
  if (toBuild.length === 0 || (memo !== undefined && toBuild.length === 1 && memo.volumes.size > 0)) return undefined;
  const jobs: VolumeJob[] = [];
  for (const index of toBuild) {
    const entries = volumeEntries(read, input, (plans[index] as VolumePlan).members);
    if (entries !== undefined) jobs.push({ index, entries });
  }
  if (jobs.length === 0) return undefined;
  const done = buildInWorkers(jobs, Math.min(cores, jobs.length), options.gazetteerDir);
  // Awaited once the cached volumes are read; until then a failure must not count as unhandled.
  done.catch(() => undefined);
  return { indexes: new Set(jobs.map((j) => j.index)), done };
}

/** Keep in the memo the sources' facts and the volumes of this run (by their keys), and nothing else. */
function remember(
  memo: IngestMemo,
  sources: ReadonlyArray<{ name: string; preparedKey: string }>,
  facts: readonly SourceFacts[],
  plans: readonly VolumePlan[],
  volumes: ReadonlyArray<VolumeResult | undefined>,
): void {
  keepOnly(
    memo.facts,
    sources.map((s, i) => [factsKey(s.name, s.preparedKey), facts[i] as SourceFacts]),
  );
  keepOnly(
    memo.volumes,
    plans.flatMap((p, i) => {
      const v = volumes[i];
      return v === undefined ? [] : [[p.key, v] as const];
    }),
  );
  keepOnly(
    memo.volumeNames,
    plans.map((p) => [p.name, p.key]),
  );
  if (memo.buildingWith === undefined) delete memo.volumesBuiltWith;
  else memo.volumesBuiltWith = memo.buildingWith;
}

/**
 * A volume built again in a resident ingest: its drafts that the volume's last version had too take their origins
 * over (`carryOrigins`), when both were built with the same event code and gazetteer.
 */
function carryOver(memo: IngestMemo | undefined, name: string, built: VolumeResult): void {
  if (memo === undefined || memo.buildingWith === undefined || memo.volumesBuiltWith !== memo.buildingWith) return;
  const key = memo.volumeNames.get(name);
  const before = key === undefined ? undefined : memo.volumes.get(key);
  if (key !== undefined && before !== undefined) carryOrigins(before, key, built, memo.origins);
}

/** The cached volumes (in memory, else in the cache), except those being built (undefined: to build). */
function readCachedVolumes(
  options: IngestOptions,
  read: ReadResult,
  plans: readonly VolumePlan[],
  building: ReadonlySet<number> | undefined,
): Array<VolumeResult | undefined> {
  const { packs } = read;
  const memo = memoOf(options);
  return plans.map((p, i) =>
    packs === undefined || building?.has(i) === true
      ? undefined
      : (memo?.volumes.get(p.key) ?? readVolume(packs.volumes, p.name, p.key)),
  );
}

/**
 * The events stage volume by volume (volumes.ts): an unchanged volume comes from the cache whole, the others were
 * built on worker threads (`fromWorkers`, as JSON texts) or are built here from their sources' prepared documents.
 * The cache layers are committed once every volume is known.
 */
function completeVolumes(
  options: IngestOptions,
  read: ReadResult,
  input: StageInput,
  plans: readonly VolumePlan[],
  cached: ReadonlyArray<VolumeResult | undefined>,
  fromWorkers: ReadonlyMap<number, string> | undefined,
): { volumes: VolumeResult[]; keys: string[]; built: number; onWorkers: number } {
  const { sources, packs } = read;
  let built = 0;
  let onWorkers = 0;
  const memo = memoOf(options);
  const volumes = plans.map(({ members, name, key }, i) => {
    const hit = cached[i];
    // From memory, and gone from the cache meanwhile (cleared while a resident ingest ran): stored again.
    if (hit !== undefined && packs !== undefined && packs.volumes.keyOf(name) !== key)
      packs.volumes.put(name, key, JSON.stringify(hit));
    if (hit !== undefined) return hit;
    built++;
    const text = fromWorkers?.get(i);
    if (text !== undefined) {
      onWorkers++;
      packs?.volumes.put(name, key, text);
      const result = JSON.parse(text) as VolumeResult;
      carryOver(memo, name, result);
      return result;
    }
    const result = buildVolume(preparedFor(options, read, members, input), input.gazetteer);
    // Stored for a later run (a resident ingest does it once this one is reported; nothing changes a volume).
    if (packs !== undefined) later(options, () => packs.volumes.put(name, key, JSON.stringify(result)));
    carryOver(memo, name, result);
    return result;
  });
  if (packs !== undefined)
    later(options, () => {
      const prepared = new Map(sources.map((s) => [s.name, s.preparedKey]));
      const current = new Map(plans.map((p) => [p.name, p.key]));
      packs.prepared.commit((name, key) => prepared.get(name) === key);
      packs.facts.commit((name, key) => prepared.get(name) === key);
      packs.volumes.commit((name, key) => current.get(name) === key);
    });
  if (memo !== undefined) remember(memo, sources, input.facts, plans, volumes);
  return { volumes, keys: plans.map((p) => p.key), built, onWorkers };
}

/** The last run's output as the write step and stable ids need it: the output manifest and the previous events. */
function readPrior(options: IngestOptions, look: FolderLook) {
  const { cacheDir, outDir } = options;
  const manifest =
    cacheDir === undefined
      ? undefined
      : (memoOf(options)?.manifests.get(manifestKey(cacheDir, outDir)) ?? readManifest(cacheDir, outDir));
  const { records: previous } = readPreviousEventsKnown(options.outDir, look.onDisk, manifest);
  return { manifest, previous };
}

/** Steps 3–4 on this thread: build the events from every dated document and write them; then the summary and report. */
function finishIngest(options: IngestOptions, read: ReadResult, t0: number, look: FolderLook): IngestSummary {
  const t1 = performance.now();
  const input = stageInput(options, read);
  const tp = performance.now();
  const prior = readPrior(options, look);
  const t2 = performance.now();
  const plans = planVolumes(read, input.facts);
  const cached = readCachedVolumes(options, read, plans, undefined);
  const stage = completeVolumes(options, read, input, plans, cached, undefined);
  return assembleAndWrite(options, read, look, input, prior, stage, [t0, t1, tp, t2]);
}

/** Steps 3–4 with the volumes to build on worker threads, while this thread reads the rest. */
async function finishIngestAsync(
  options: IngestOptions,
  read: ReadResult,
  t0: number,
  look: FolderLook,
): Promise<IngestSummary> {
  const t1 = performance.now();
  const input = stageInput(options, read);
  const plans = planVolumes(read, input.facts);
  const building = startVolumeBuilds(options, read, input, plans);
  // The workers have their copies: a cold run's 10,000 prepared texts need not live on.
  input.texts.length = 0;
  const tp = performance.now();
  const prior = readPrior(options, look);
  const t2 = performance.now();
  const cached = readCachedVolumes(options, read, plans, building?.indexes);
  const stage = completeVolumes(options, read, input, plans, cached, await building?.done);
  return assembleAndWrite(options, read, look, input, prior, stage, [t0, t1, tp, t2]);
}

/**
 * What a resident ingest's write step needs (event-files.ts `ResidentWrite`): its memo, what else fixes an unchanged
 * event's identity (focus date and curation), and the files changed since the last run. Not told them with a split
 * in the curation: a part's id is the editor's, and may be an event's too (the whole step sorts that out).
 */
function residentWrite(
  memo: IngestMemo | undefined,
  look: FolderLook,
  curation: StageInput['curation'],
  focusFrom: string,
): ResidentWrite | undefined {
  if (memo === undefined) return undefined;
  const split = Object.values(curation.events).some((e) => e.split !== undefined);
  const context = `${focusFrom}\0${JSON.stringify(curation)}`;
  return { memo, context, changed: split ? undefined : look.changed };
}

/** Assemble the events from the volumes, write them; then the summary and report, and the run's record. */
function assembleAndWrite(
  options: IngestOptions,
  read: ReadResult,
  look: FolderLook,
  input: StageInput,
  prior: ReturnType<typeof readPrior>,
  stage: ReturnType<typeof completeVolumes>,
  [t0, t1, tp, t2]: readonly [number, number, number, number],
): IngestSummary {
  const { hits } = read;
  const { config, gazetteer, curation, facts } = input;
  const { manifest, previous } = prior;
  const { onDisk } = look;
  const published = facts.map((f) => f.publishedDate);
  const spread = dateSpreadWarnings(published);
  const memo = memoOf(options);
  const focusFrom = config.focusFrom ?? defaultFocusFrom(published);
  const built = assembleEvents(stage.volumes, {
    gazetteer,
    curation,
    previous,
    focusFrom,
    // Without a cache the keys are not keys (no prepared keys): nothing is hashed then anyway.
    ...(options.cacheDir === undefined ? {} : { volumeKeys: stage.keys }),
    ...(memo === undefined ? {} : { made: memo.made, origins: memo.origins, joins: memo.joins, idMemo: memo.ids }),
  });
  const { events, report } = built;
  const t3 = performance.now();
  const written = writeEventFiles(
    options,
    events,
    onDisk,
    manifest,
    built.identities,
    residentWrite(memo, look, curation, focusFrom),
  );
  if (memo !== undefined && options.cacheDir !== undefined) {
    memo.manifests.set(manifestKey(options.cacheDir, options.outDir), {
      render: renderVersion(),
      files: written.entries,
    });
    memo.onDisk = { dir: options.outDir, files: folderAfter(onDisk, written) };
  }
  const files = written.counts;
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
    ...(options.cacheDir === undefined
      ? {}
      : {
          cache: { hits, misses: facts.length - hits },
          ...(look.keys === undefined ? {} : { keys: look.keys }),
          volumes: {
            count: stage.volumes.length,
            built: stage.built,
            ...(stage.onWorkers > 0 ? { onWorkers: stage.onWorkers } : {}),
          },
        }),
    files,
    timings: { read: t1 - t0, prepare: tp - t1, previous: t2 - tp, events: t3 - t2, write: t4 - t3 },
  };
  const bookkeeping = () => {
    written.saveManifest();
    const reportText = options.reportPath === undefined ? undefined : writeReport(options.reportPath, summary);
    if (options.cacheDir !== undefined) {
      pruneOutputCache(options.cacheDir, options.outDir);
      const run = nextRun(look, built, written, summary, options.reportPath, reportText);
      recordRun(options.cacheDir, options.outDir, run);
    }
  };
  // A resident ingest reports the run first: the events are what an editor waits for.
  later(options, bookkeeping);
  return summary;
}
