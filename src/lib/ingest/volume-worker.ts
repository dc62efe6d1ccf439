/**
 * Worker-thread entry: builds volumes of the events stage (volumes.ts) from their sources' prepared entries, as
 * the JSON texts the prepared layer stores, and posts each volume back as the JSON text the volume layer stores.
 * Runs the same code as the main thread; the main thread has loaded the gazetteer already, so it is valid here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildVolume, loadGazetteer } from '../events/index.ts';
import { unpackEntry } from './prepared-cache.ts';
import type { VolumeBuilt, VolumeJob } from './workers.ts';

const { gazetteerDir, jobs } = workerData as { gazetteerDir: string; jobs: VolumeJob[] };
const gazetteer = loadGazetteer(gazetteerDir);
for (const job of jobs) {
  const entries = job.entries.map(unpackEntry);
  // A damaged record (the main thread hands them over unparsed): the volume goes back unbuilt, for the main thread,
  // which knows the ways back to a good document. The cache is never fatal.
  const docs = entries.every((e) => e !== undefined) ? entries.map((e) => e.prepared) : undefined;
  // Each volume as soon as it is built: the main thread stores and parses it while this one builds the next.
  const built: VolumeBuilt =
    docs === undefined
      ? { index: job.index }
      : { index: job.index, text: JSON.stringify(buildVolume(docs, gazetteer)) };
  parentPort?.postMessage(built);
}
