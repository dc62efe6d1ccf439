/**
 * `npm run ingest`: starts the ingest command (scripts/lib/ingest-cli.ts) from its bundle (scripts/lib/bundle.ts),
 * made on the first start after any change to its code, or from the sources when no bundle can be made.
 * `INGEST_BUNDLE=0` runs the sources as they are.
 */
import { fileURLToPath } from 'node:url';
import { ingestBundles } from './lib/ingest-bundle.ts';

const urls =
  process.env['INGEST_BUNDLE'] === '0' ? undefined : await ingestBundles(fileURLToPath(new URL('..', import.meta.url)));
// The bundled ingest starts its worker threads from the bundled workers too (workers.ts).
const worker = urls?.['read-worker'];
if (worker !== undefined) process.env['INGEST_WORKER_BUNDLES'] = new URL('.', worker).href;
await import(urls?.['ingest-cli'] ?? new URL('./lib/ingest-cli.ts', import.meta.url).href);
