/**
 * `npm run bench [-- --sizes 100,1000,10000 --seed 1 --keep]`: the cost of growth. For each size, a seeded
 * synthetic corpus is built into a temp copy of the project and measured: ingest cold / warm / after one
 * change, astro build, Pagefind, peak memory, output sizes and the bytes a first search fetches. Prints a
 * table and merges the rows into bench/results.json.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateCorpus } from './lib/bench/corpus.ts';
import { makeProject } from './lib/bench/project.ts';
import { residentChanges, spreadSources } from './lib/bench/resident.ts';
import { runTimed } from './lib/bench/run-child.ts';
import { ingestBundles } from './lib/ingest-bundle.ts';
import { firstSearchCost } from './lib/bench/search-bytes.ts';
import { type BenchRow, formatTable, goals, growth, mergeResults } from './lib/bench/table.ts';
import { loadGazetteer } from '../src/lib/events/index.ts';

const root = process.cwd();
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,10000' },
    seed: { type: 'string', default: '1' },
    query: { type: 'string', default: 'talks' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 1))
  throw new Error(`--sizes: expected positive integers, got ${values.sizes}`);
const node = join(root, 'node_modules/.bin/node');
const cores = availableParallelism();

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Bytes under a folder (apparent size, as deployed). */
function duBytes(path: string): number {
  return Number(execFileSync('du', ['-sb', path], { encoding: 'utf8' }).split('\t')[0]);
}

async function measure(size: number): Promise<BenchRow> {
  const seeds = readdirSync(join(root, 'content/sources'))
    .filter((n) => n.endsWith('.txt'))
    .map((name) => ({ name, text: readFileSync(join(root, 'content/sources', name), 'utf8') }));
  const files = generateCorpus({
    size,
    seed: Number(values.seed),
    gazetteer: loadGazetteer(join(root, 'content/gazetteer')),
    seeds,
  });
  const dir = makeProject(root, files, String(size));
  const log = (s: string) => process.stderr.write(`[bench ${size}] ${s}\n`);
  try {
    // As `npm run ingest` runs it: the command from its bundle, with Node's compile cache (its start-up is part of
    // every re-ingest); `--json` prints the summary the table is made of.
    const ingest = (args: string[] = []) =>
      runTimed(node, ['scripts/ingest.ts', '--json', ...args], dir, {
        NODE_COMPILE_CACHE: join(dir, '.cache/node-compile'),
      });
    // The command's bundle is code, not content: made before the clock starts (and again after `.cache` goes).
    await ingestBundles(dir);
    log('ingest cold');
    const cold = await ingest();
    const summary = JSON.parse(cold.stdout) as {
      events: number;
      timings: { read: number; events: number; write: number };
    };
    // Nothing changed: the cold run recorded itself, so this one checks the files it wrote and stops.
    log('ingest again');
    const again = await ingest();
    const againSummary = JSON.parse(again.stdout) as { skipped?: boolean };
    let coldOneThread: number | undefined;
    if (size <= 2000) {
      rmSync(join(dir, '.cache'), { recursive: true, force: true });
      await ingestBundles(dir);
      log('ingest cold, one thread');
      coldOneThread = (await ingest(['--workers', '0'])).ms;
    }
    // Every source cached but the run records forgotten (the output manifest kept): the events stage runs, as after
    // a curation edit.
    const outputCache = join(dir, '.cache/ingest/output');
    for (const name of readdirSync(outputCache)) if (name.endsWith('.run.json')) rmSync(join(outputCache, name));
    log('ingest warm');
    const warm = await ingest();
    const warmSummary = JSON.parse(warm.stdout) as { timings: { read: number; events: number } };
    const changed = join(dir, 'content/sources', [...files.keys()][Math.floor(size / 2)] ?? '');
    writeFileSync(changed, `${readFileSync(changed, 'utf8')}\nOfficials said on Friday that the talks would resume.\n`);
    log('ingest after one change');
    const one = await ingest();
    const oneSummary = JSON.parse(one.stdout) as {
      cache: { misses: number };
      keys?: { hashed: number };
      timings: { read: number; events: number };
    };
    if (oneSummary.cache.misses !== 1) throw new Error(`expected one cache miss, got ${oneSummary.cache.misses}`);
    // The other sources are keyed by their fingerprints: reading them all again was a bug once (source-keys.json lost).
    if (oneSummary.keys?.hashed !== 1) throw new Error(`expected one source hashed, got ${oneSummary.keys?.hashed}`);
    // The same kind of change in a resident ingest (`--watch`): a first change (cold JIT), then three more.
    log('resident ingest, four changes one by one');
    const names = [...files.keys()].sort();
    const resident = await residentChanges(node, dir, spreadSources(dir, names, 4, basename(changed)), {
      NODE_COMPILE_CACHE: join(dir, '.cache/node-compile'),
    });
    log('astro build');
    const astro = await runTimed(node, ['node_modules/.bin/astro', 'build'], dir);
    log('pagefind');
    const pagefind = await runTimed(node, ['scripts/lib/bench/pagefind-child.ts'], dir);
    log('first search');
    const search = await firstSearchCost(join(dir, 'dist'), values.query);
    return {
      size,
      cores,
      events: summary.events,
      ingestColdMs: cold.ms,
      ingestColdOneThreadMs: coldOneThread,
      ingestReadMs: summary.timings.read,
      ingestEventsMs: summary.timings.events,
      ingestAgainMs: again.ms,
      ingestAgainSkipped: againSummary.skipped === true,
      ingestWarmMs: warm.ms,
      ingestWarmReadMs: warmSummary.timings.read,
      ingestOneChangedMs: one.ms,
      ingestOneChangedReadMs: oneSummary.timings.read,
      ingestOneChangedEventsMs: oneSummary.timings.events,
      ingestResidentFirstMs: resident.firstMs,
      ingestResidentMs: median(resident.laterMs),
      ingestResidentAfterMs: median(resident.laterAfterMs),
      astroMs: astro.ms,
      pagefindMs: pagefind.ms,
      peakMb: { ingest: cold.peakMb, astro: astro.peakMb, pagefind: pagefind.peakMb },
      distBytes: duBytes(join(dir, 'dist')),
      indexBytes: duBytes(join(dir, 'dist/pagefind')),
      homeGzipBytes: gzipSync(readFileSync(join(dir, 'dist/index.html'))).length,
      firstSearchBytes: search.bytes,
      firstSearchRequests: search.requests,
      searchResults: search.results,
      measuredAt: new Date().toISOString(),
    };
  } finally {
    if (values.keep) log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

const rows: BenchRow[] = [];
for (const size of sizes) {
  rows.push(await measure(size));
  const all = mergeResults(join(root, 'bench/results.json'), rows);
  console.log(`\n${formatTable(all)}\n${growth(all)}\n${goals(all)}`);
}
