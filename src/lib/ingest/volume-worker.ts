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
  const docs = job.entries.map((text) => {
    const entry = unpackEntry(text);
    if (entry === undefined) throw new Error(`volume worker: a prepared entry of volume ${job.index} does not unpack`);
    return entry.prepared;
  });
  // Each volume as soon as it is built: the main thread stores and parses it while this one builds the next.
  const built: VolumeBuilt = { index: job.index, text: JSON.stringify(buildVolume(docs, gazetteer)) };
  parentPort?.postMessage(built);
}
