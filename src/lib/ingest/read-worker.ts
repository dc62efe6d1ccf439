/**
 * Worker-thread entry: reads and dates a batch of source files and posts the results back. Runs the
 * same code as the main thread (dated-read.ts); an InputError travels back as plain fields.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../errors.ts';
import { readAndDate } from './dated-read.ts';
import type { WorkerJob, WorkerResult } from './workers.ts';

const jobs = (workerData as { jobs: WorkerJob[] }).jobs;
const results: WorkerResult[] = [];
for (const job of jobs) {
  try {
    results.push({ index: job.index, dated: readAndDate(job.path, readFileSync(job.path)) });
  } catch (error) {
    if (!(error instanceof InputError)) throw error; // a bug: let the worker fail loudly
    results.push({ index: job.index, error: { file: error.file, message: error.message, line: error.line } });
    break; // the run stops at the first editor's mistake anyway
  }
}
// One JSON string: structured-cloning thousands of small objects costs several times more than JSON.
parentPort?.postMessage(JSON.stringify(results));
