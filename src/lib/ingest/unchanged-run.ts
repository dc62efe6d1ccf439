/**
 * A run that cannot change anything is skipped. The ingest is a function of its inputs (every source's cache
 * key, the timeline and curation files, the code) and of the events already on disk (ids are kept). When a run
 * found the events folder already holding exactly what it would write (nothing written, nothing removed), it
 * records its inputs, the folder's state (each file's stat fingerprint) and its summary. A later run with the
 * same inputs that finds the folder in the same state would compute the same thing again: it returns the
 * recorded summary instead (every `npm run build` starts with an ingest).
 *
 * Anything that does not match, or cannot be read, means a full run: the record only saves time.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomically } from '../write/atomic-dir.ts';
import { changedAt, fingerprint, outputCacheFile, renderVersion } from '../write/output-manifest.ts';
import { settled } from './source-keys.ts';
import { hashCode, tsFiles } from './cache.ts';

/** Bump when the record's layout changes. */
const FORMAT = 4;

let memoVersion: string | undefined;

/** The ingest's own code (this folder, the writer, the model): what turns prepared sources into files. */
function ingestCodeVersion(): string {
  if (memoVersion !== undefined) return memoVersion;
  const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));
  memoVersion = hashCode(FORMAT, [
    ...tsFiles(here('.')),
    ...tsFiles(here('../write')),
    here('../model.ts'),
    here('../errors.ts'),
  ]);
  return memoVersion;
}

/** The bytes of an optional input file, or a marker for its absence. */
function fileBytes(path: string): Uint8Array | string {
  return existsSync(path) ? readFileSync(path) : '\u0000missing';
}

/** Everything a run's output depends on besides the events folder. */
export interface RunInputs {
  names: readonly string[];
  /** Each source's prepared key (covers its bytes, the reader, dates and events code and the gazetteer). */
  preparedKeys: readonly string[];
  timelinePath: string;
  curationPath: string;
}

/** One hash of a run's inputs and of the code that turns them into files. */
export function runKey(inputs: RunInputs): string {
  const h = createHash('sha256').update(`run ${FORMAT}\n${ingestCodeVersion()}\n${renderVersion()}\n`);
  inputs.names.forEach((name, i) => {
    h.update(`${name}\t${inputs.preparedKeys[i] ?? ''}\n`);
  });
  h.update('timeline\n').update(fileBytes(inputs.timelinePath));
  h.update('\ncuration\n').update(fileBytes(inputs.curationPath));
  return h.digest('hex');
}

/** One hash of an events folder's state: its `.md` files and their fingerprints (see `scanEventFiles`). */
export function folderState(files: ReadonlyMap<string, string>): string {
  const h = createHash('sha256');
  for (const [name, fp] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) h.update(`${name}\t${fp}\n`);
  return h.digest('hex');
}

/** What a run records for the next one (see `nextRun` in run.ts). */
export interface RecordedRun<S> {
  key: string;
  /** `folderState` of the folder as the run left it. */
  state: string;
  /** Files the run wrote, too new for their fingerprints to vouch: name → `contentHash` of the text written. */
  written: Record<string, string>;
  reportPath: string | undefined;
  summary: S;
  /**
   * The text of the report file when it holds the summary: no copy is stored then (at 10,000 articles it is
   * 13 MB to serialise and write again), and `patch` sets the few fields where `summary` differs from it.
   */
  inReport?: { text: string; patch?: SummaryPatch };
}

/** Fields to set in a summary read back: each a path of keys and its value. */
export type SummaryPatch = Array<[path: string[], value: unknown]>;

/** Where the summary of a record is stored, as its header says. */
interface StoredSummary {
  /** `contentHash` of the summary's text. */
  summary: string;
  /** The text is the report file's, not a file of the cache's own. */
  inReport?: true;
  patch?: SummaryPatch;
}

/**
 * What is stored: a small header, read by every run, and the summary (a file beside it or the report), read only by
 * a run that repeats this one. The header names the summary's hash, so that a header never vouches for another
 * run's summary.
 */
interface RunHeader extends StoredSummary {
  format: number;
  key: string;
  state: string;
  written: Record<string, string>;
  /** Fingerprint of the report file the run wrote, if it wrote one. */
  report?: string;
}

function headerPath(cacheDir: string, outDir: string): string {
  return outputCacheFile(cacheDir, outDir, '.run.json');
}

function summaryPath(cacheDir: string, outDir: string): string {
  return outputCacheFile(cacheDir, outDir, '.run-summary.json');
}

/** The fingerprint of a file, or undefined when there is none. */
function fileFingerprint(path: string): string | undefined {
  const st = statSync(path, { throwIfNoEntry: false });
  return st?.isFile() === true ? fingerprint(st) : undefined;
}

/** A hash of a file's text. */
function contentHash(text: string | Uint8Array): string {
  return createHash('sha1').update(text).digest('base64');
}

/** `contentHash` of each text, by name. */
export function contentHashes(texts: ReadonlyMap<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, text] of texts) out[name] = contentHash(text);
  return out;
}

/** A recorded run the current one repeats: its summary, and what of its record is worth updating. */
export interface Repeated<S> {
  summary: S;
  /** The report file it wrote is still there, unchanged. */
  reportKept: boolean;
  /** Its record, with the written files that have settled since dropped from `written`. */
  record: RecordedRun<S>;
  /** True when `record` differs from what is stored (files settled): worth storing again. */
  settledSince: boolean;
  /** Where its summary is stored (kept when the record is stored again). */
  stored: StoredSummary;
}

/** Set each field of `patch` in `target` (a summary just parsed: its own objects). */
function applyPatch(target: unknown, patch: SummaryPatch): void {
  for (const [path, value] of patch) {
    let at = target as Record<string, unknown>;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
    at[path.at(-1) as string] = value;
  }
}

/**
 * The recorded run, when it had these inputs (`key`) and left the folder in this state (`files`, scanned at
 * `scanned`): the files it wrote must still hold the text it wrote.
 */
export function unchangedRun<S>(
  cacheDir: string,
  outDir: string,
  key: string,
  files: ReadonlyMap<string, string>,
  scanned: number,
  reportPath: string | undefined,
): Repeated<S> | undefined {
  const path = headerPath(cacheDir, outDir);
  if (!existsSync(path)) return undefined;
  let h: Partial<RunHeader>;
  let summary: S;
  try {
    h = JSON.parse(readFileSync(path, 'utf8')) as Partial<RunHeader>;
    if (h.format !== FORMAT || h.key !== key || typeof h.state !== 'string') return undefined;
    if (typeof h.written !== 'object' || h.written === null) return undefined;
    if (h.state !== folderState(files)) return undefined;
    if (h.inReport === true && reportPath === undefined) return undefined;
    const text = readFileSync(h.inReport === true ? (reportPath as string) : summaryPath(cacheDir, outDir), 'utf8');
    if (contentHash(text) !== h.summary) return undefined;
    summary = JSON.parse(text) as S;
    if (Array.isArray(h.patch)) applyPatch(summary, h.patch);
  } catch {
    return undefined; // missing or damaged: run in full
  }
  const written: Record<string, string> = {};
  let settledSince = false;
  for (const [name, hash] of Object.entries(h.written)) {
    const file = join(outDir, name);
    if (!existsSync(file) || contentHash(readFileSync(file)) !== hash) return undefined;
    const fp = files.get(name);
    // Read now and found right: from now on a change would show in its fingerprint, once it has settled.
    if (fp !== undefined && settled(changedAt(fp), scanned)) settledSince = true;
    else written[name] = hash;
  }
  const reportKept = reportPath !== undefined && h.report !== undefined && fileFingerprint(reportPath) === h.report;
  const record: RecordedRun<S> = { key, state: h.state, written, reportPath, summary };
  const stored: StoredSummary = { summary: h.summary as string };
  if (h.inReport === true) stored.inReport = true;
  if (Array.isArray(h.patch)) stored.patch = h.patch;
  return { summary, reportKept, record, settledSince, stored };
}

/**
 * Record what the next run would repeat (or forget the last record when `run` is undefined). `kept`: where the
 * stored summary already is (a repeated run's: only the header changes), so it is not written again.
 */
export function recordRun<S>(
  cacheDir: string,
  outDir: string,
  run: RecordedRun<S> | undefined,
  kept?: StoredSummary,
): void {
  const path = headerPath(cacheDir, outDir);
  try {
    if (run === undefined) {
      rmSync(path, { force: true });
      return;
    }
    const { key, state, written } = run;
    const summaryFile = summaryPath(cacheDir, outDir);
    let stored: StoredSummary;
    if (kept !== undefined) stored = kept;
    else if (run.inReport !== undefined) {
      stored = { summary: contentHash(run.inReport.text), inReport: true };
      if (run.inReport.patch !== undefined && run.inReport.patch.length > 0) stored.patch = run.inReport.patch;
      rmSync(summaryFile, { force: true });
    } else {
      const text = JSON.stringify(run.summary);
      stored = { summary: contentHash(text) };
      writeFileAtomically(summaryFile, text);
    }
    const header: RunHeader = { format: FORMAT, key, state, written, ...stored };
    const report = run.reportPath === undefined ? undefined : fileFingerprint(run.reportPath);
    if (report !== undefined) header.report = report;
    writeFileAtomically(path, JSON.stringify(header));
  } catch {
    // The cache is only speed: without a record the next run is a full one.
  }
}
