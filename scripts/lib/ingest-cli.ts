/**
 * `npm run ingest [-- --sources DIR --out DIR --curation FILE --watch]`: content/sources → content/events.
 * A thin CLI: options in, one summary out. An editor's mistake prints one line and exits 1.
 * `--json` prints the summary as one line of JSON instead (without the report, warnings counted), for scripts and
 * the benchmark; `--workers N` caps the worker threads (0: read on the main thread). `--watch` stays on and ingests
 * again after every change (watch.ts), printing each run's summary; a mistake prints its line and watching goes on.
 * Started through scripts/ingest.ts, which runs this file's bundle.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { InputError } from '../../src/lib/errors.ts';
import { defaultIngestOptions, runIngestAsync } from '../../src/lib/ingest/run.ts';
import type { IngestOptions, IngestSummary } from '../../src/lib/ingest/run.ts';
import { watchIngest } from '../../src/lib/ingest/watch.ts';
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
      watch: { type: 'boolean', short: 'w' },
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
  if (values.watch === true) return watchUntilStopped(options, values.json === true ? 'json' : values.quiet === true);
  try {
    // Worker threads read the sources when there are enough of them (the path the bench measures).
    const summary = await runIngestAsync(options);
    if (values.json === true) console.log(jsonLine(summary));
    else if (values.quiet !== true) console.log(formatSummary(summary, options));
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      console.error(`error: ${error.toLine()}`);
      return 1;
    }
    throw error; // a bug in the ingest, not the editor's mistake: keep the stack
  }
}

/** `--json`: the summary as one line, without the report, warnings counted. */
function jsonLine(summary: IngestSummary, extra: Record<string, unknown> = {}): string {
  const { report: _report, warnings, ...rest } = summary;
  return JSON.stringify({ ...rest, warnings: warnings.length, ...extra });
}

/** The one line an error prints: an editor's mistake names its file; anything else is a bug, stack and all. */
function errorText(error: unknown): string {
  return error instanceof InputError
    ? `error: ${error.toLine()}`
    : `ingest failed: ${(error as Error).stack ?? String(error)}`;
}

/**
 * `--watch`: ingest now and after every change, until interrupted (Ctrl-C), then exit 0. Each run prints a line with
 * its time and the changes that started it, then its summary (`quiet`: not; `'json'`: instead of both, one line of
 * JSON with the run's milliseconds as `ms`, those of its bookkeeping after it as `afterMs` and the changed files as
 * `changed`, as the benchmark reads it, once the bookkeeping is done).
 */
function watchUntilStopped(options: IngestOptions, quiet: boolean | 'json'): Promise<number> {
  const cwd = process.cwd();
  const stamp = () => new Date().toTimeString().slice(0, 8);
  const after = (changed: readonly string[]) =>
    changed.length === 0
      ? ''
      : `, after changes to ${changed
          .slice(0, 3)
          .map((p) => (relative(cwd, p).startsWith('..') ? p : relative(cwd, p)))
          .join(', ')}${changed.length > 3 ? ` and ${changed.length - 3} more` : ''}`;
  const watching = watchIngest(options, {
    onRun: (summary, changed, ms) => {
      if (quiet === 'json') return;
      console.log(`[${stamp()}] ingested in ${(ms / 1000).toFixed(2)} s${after(changed)}`);
      if (!quiet) console.log(formatSummary(summary, options));
    },
    onSettled: (summary, changed, ms, afterMs) => {
      if (quiet === 'json') console.log(jsonLine(summary, { ms, afterMs, changed }));
    },
    onError: (error, changed) => console.error(`[${stamp()}] ${errorText(error)}${after(changed)}`),
  });
  if (quiet !== 'json') console.log('ingest: watching the sources, curation, timeline and gazetteer (Ctrl-C stops)');
  return new Promise((resolve) => {
    const stop = () => {
      void watching.close().then(() => resolve(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

process.exitCode = await main(process.argv.slice(2));
