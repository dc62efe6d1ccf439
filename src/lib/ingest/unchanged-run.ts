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
import { fileURLToPath } from 'node:url';
import { writeFileAtomically } from '../write/atomic-dir.ts';
import { fingerprint, outputCacheFile, renderVersion } from '../write/output-manifest.ts';
import { hashCode, tsFiles } from './cache.ts';

/** Bump when the record's layout changes. */
const FORMAT = 1;

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

interface RunRecord<S> {
  format: number;
  key: string;
  state: string;
  /** Fingerprint of the report file the run wrote, if it wrote one. */
  report?: string;
  summary: S;
}

function recordPath(cacheDir: string, outDir: string): string {
  return outputCacheFile(cacheDir, outDir, '.run.json');
}

/** The fingerprint of a file, or undefined when there is none. */
function fileFingerprint(path: string): string | undefined {
  const st = statSync(path, { throwIfNoEntry: false });
  return st?.isFile() === true ? fingerprint(st) : undefined;
}

/**
 * The recorded summary when the last recorded run had these inputs and found the folder in this state; and
 * whether the report file it wrote is still there, unchanged.
 */
export function unchangedRun<S>(
  cacheDir: string,
  outDir: string,
  key: string,
  state: string,
  reportPath: string | undefined,
): { summary: S; reportKept: boolean } | undefined {
  const path = recordPath(cacheDir, outDir);
  if (!existsSync(path)) return undefined;
  try {
    const r = JSON.parse(readFileSync(path, 'utf8')) as Partial<RunRecord<S>>;
    if (r.format !== FORMAT || r.key !== key || r.state !== state || r.summary === undefined) return undefined;
    const reportKept = reportPath !== undefined && r.report !== undefined && fileFingerprint(reportPath) === r.report;
    return { summary: r.summary, reportKept };
  } catch {
    return undefined; // damaged: run in full
  }
}

/** Record a run that changed nothing in the folder (or forget the last record when `summary` is undefined). */
export function recordRun<S>(
  cacheDir: string,
  outDir: string,
  run: { key: string; state: string; reportPath: string | undefined; summary: S } | undefined,
): void {
  const path = recordPath(cacheDir, outDir);
  try {
    if (run === undefined) {
      rmSync(path, { force: true });
      return;
    }
    const record: RunRecord<S> = { format: FORMAT, key: run.key, state: run.state, summary: run.summary };
    const report = run.reportPath === undefined ? undefined : fileFingerprint(run.reportPath);
    if (report !== undefined) record.report = report;
    writeFileAtomically(path, JSON.stringify(record));
  } catch {
    // The cache is only speed: without a record the next run is a full one.
  }
}
