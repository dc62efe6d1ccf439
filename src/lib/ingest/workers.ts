/**
 * Spread work over worker threads: reading and dating the sources, and building the events stage's volumes. Each
 * worker takes a contiguous share of the files or volumes (they are of similar size, so static shares balance well
 * enough and cost no messaging per item).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DatedDocument } from '../events/index.ts';
import { InputError } from '../errors.ts';

export interface WorkerJob {
  index: number;
  path: string;
}
export type WorkerResult =
  | { index: number; dated: DatedDocument }
  | { index: number; error: { file: string; message: string; line: number | undefined } };

/** Below this many files a worker's start-up (~50 ms of module loading) costs more than it saves. */
export const MIN_FILES_PER_WORKER = 50;

/** How many workers to use for `files` files given a cap (`requested`; default: every core). */
export function workerCount(files: number, requested = availableParallelism()): number {
  return Math.max(0, Math.min(requested, Math.floor(files / MIN_FILES_PER_WORKER)));
}

/** Contiguous, near-equal shares of `items` for `n` workers. */
export function shares<T>(items: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  const size = Math.ceil(items.length / Math.max(1, n));
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * A worker's module: its bundle when the ingest command runs bundled (scripts/ingest.ts names the folder of the
 * bundles in `INGEST_WORKER_BUNDLES`), else its source beside this file.
 */
function workerModule(name: 'read-worker' | 'volume-worker'): URL {
  const bundles = process.env['INGEST_WORKER_BUNDLES'];
  return bundles === undefined ? new URL(`./${name}.ts`, import.meta.url) : new URL(`${name}.mjs`, bundles);
}

function runWorker(jobs: WorkerJob[]): Promise<WorkerResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerModule('read-worker'), { workerData: { jobs } });
    worker.once('message', (json: string) => resolve(JSON.parse(json) as WorkerResult[]));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`ingest worker exited with code ${code}`));
    });
  });
}

/** Read and date `jobs` on `n` workers; results by job index. Rethrows the first InputError in file order. */
export async function readInWorkers(jobs: readonly WorkerJob[], n: number): Promise<Map<number, DatedDocument>> {
  const batches = await Promise.all(shares(jobs, n).map(runWorker));
  const out = new Map<number, DatedDocument>();
  const errors = batches.flat().filter((r) => 'error' in r);
  errors.sort((a, b) => a.index - b.index);
  const first = errors[0];
  if (first !== undefined && 'error' in first)
    throw new InputError(first.error.file, first.error.message, first.error.line);
  for (const r of batches.flat()) if ('dated' in r) out.set(r.index, r.dated);
  return out;
}

/** A volume to build: its place among the volumes and its sources' prepared entries (JSON texts, corpus order). */
export interface VolumeJob {
  index: number;
  entries: string[];
}

/** A volume built: its place and its JSON text (what the volume layer of the cache stores); no text: not built. */
export interface VolumeBuilt {
  index: number;
  text?: string;
}

function runVolumeWorker(jobs: VolumeJob[], gazetteerDir: string, done: Map<number, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerModule('volume-worker'), { workerData: { gazetteerDir, jobs } });
    const answered = new Set<number>();
    worker.on('message', (built: VolumeBuilt) => {
      answered.add(built.index);
      if (built.text !== undefined) done.set(built.index, built.text);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`ingest volume worker exited with code ${code}`));
      else if (jobs.some((j) => !answered.has(j.index))) reject(new Error('ingest volume worker stopped early'));
      else resolve();
    });
  });
}

/**
 * Build `jobs` on `n` worker threads while the caller goes on (the main thread reads the cached volumes meanwhile).
 * Resolves to each built volume's JSON text by its index (a volume with a damaged entry is left to the caller).
 */
export async function buildInWorkers(
  jobs: readonly VolumeJob[],
  n: number,
  gazetteerDir: string,
): Promise<Map<number, string>> {
  const done = new Map<number, string>();
  await Promise.all(shares(jobs, n).map((share) => runVolumeWorker(share, gazetteerDir, done)));
  return done;
}
