/**
 * `npm run ingest [-- --sources DIR --out DIR --curation FILE]`: content/sources → content/events.
 * A thin CLI: options in, one summary out. An editor's mistake prints one line and exits 1.
 * `--json` prints the summary as one line of JSON instead (without the report, warnings counted), for scripts and
 * the benchmark; `--workers N` caps the worker threads (0: read on the main thread).
 * Started through scripts/ingest.ts, which runs this file's bundle.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { InputError } from '../../src/lib/errors.ts';
import { defaultIngestOptions, runIngestAsync } from '../../src/lib/ingest/run.ts';
import { formatSummary } from '../../src/lib/ingest/summary.ts';

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      sources: { type: 'string' },
      out: { type: 'string' },
      curation: { type: 'string' },
      gazetteer: { type: 'string' },
      report: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      json: { type: 'boolean' },
      workers: { type: 'string' },
    },
    strict: true,
  });
}

async function main(argv: string[]): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  try {
    ({ values } = parse(argv));
  } catch (error) {
    console.error(`ingest: ${(error as Error).message}`);
    return 2;
  }

  const options = defaultIngestOptions(process.cwd());
  if (values.sources !== undefined) options.sourcesDir = resolve(values.sources);
  if (values.out !== undefined) options.outDir = resolve(values.out);
  if (values.curation !== undefined) options.curationPath = resolve(values.curation);
  if (values.gazetteer !== undefined) options.gazetteerDir = resolve(values.gazetteer);
  if (values.report !== undefined) options.reportPath = resolve(values.report);
  if (values.workers !== undefined) {
    const n = Number(values.workers);
    if (!Number.isInteger(n) || n < 0) {
      console.error(`ingest: --workers takes a whole number, not "${values.workers}"`);
      return 2;
    }
    options.workers = n;
  }
  try {
    // Worker threads read the sources when there are enough of them (the path the bench measures).
    const summary = await runIngestAsync(options);
    if (values.json === true) {
      const { report: _report, warnings, ...rest } = summary;
      console.log(JSON.stringify({ ...rest, warnings: warnings.length }));
    } else if (values.quiet !== true) console.log(formatSummary(summary, options));
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      console.error(`error: ${error.toLine()}`);
      return 1;
    }
    throw error; // a bug in the ingest, not the editor's mistake: keep the stack
  }
}

process.exitCode = await main(process.argv.slice(2));
