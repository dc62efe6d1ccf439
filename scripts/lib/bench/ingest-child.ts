/** Child process of the benchmark: one ingest of the project in the cwd; prints its summary as JSON. */
import { defaultIngestOptions, runIngestAsync } from '../../../src/lib/ingest/run.ts';

const options = defaultIngestOptions(process.cwd());
const workers = process.env['BENCH_WORKERS'];
if (workers !== undefined) options.workers = Number(workers);
const { report: _report, warnings, ...summary } = await runIngestAsync(options);
console.log(JSON.stringify({ ...summary, warnings: warnings.length }));
