/**
 * `npm run bench:read [-- --size 1000 --seed 1 --runs 3]`: throughput of the read + dates stage
 * (`readAndDate`) on one thread, the stage issue 9 asks to run at ≥ 1,000 articles/s per core. Times the
 * seeded synthetic corpus the full bench uses (in memory, no files, no workers) and the real seed
 * articles in content/sources: one warm-up pass, then the best of `--runs` passes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadGazetteer } from '../src/lib/events/index.ts';
import { readAndDate } from '../src/lib/ingest/dated-read.ts';
import { generateCorpus } from './lib/bench/corpus.ts';

const root = process.cwd();
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '3' },
  },
});
const size = Number(values.size);
const runs = Number(values.runs);
if (!Number.isInteger(size) || size < 1) throw new Error(`--size: expected a positive integer, got ${values.size}`);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a positive integer, got ${values.runs}`);

const sourcesDir = join(root, 'content/sources');
const seeds = readdirSync(sourcesDir)
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(sourcesDir, name), 'utf8') }));
const corpus = generateCorpus({
  size,
  seed: Number(values.seed),
  gazetteer: loadGazetteer(join(root, 'content/gazetteer')),
  seeds,
});

type Input = { path: string; bytes: Uint8Array };
// Encoded up front: the stage starts from bytes, as the ingest reads them from disk.
const encoder = new TextEncoder();
const toInputs = (entries: Iterable<[string, string]>): Input[] =>
  [...entries].map(([path, text]) => ({ path, bytes: encoder.encode(text) }));

/** Wall-clock and process CPU milliseconds of the best of `runs` passes over `inputs`, after a warm-up pass. */
function time(inputs: readonly Input[]): { wall: number; cpu: number } {
  const pass = () => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const { path, bytes } of inputs) readAndDate(path, bytes);
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    return { wall, cpu: (c.user + c.system) / 1000 };
  };
  pass();
  let best = { wall: Number.POSITIVE_INFINITY, cpu: Number.POSITIVE_INFINITY };
  for (let i = 0; i < runs; i++) {
    const t = pass();
    if (t.wall < best.wall) best = t;
  }
  return best;
}

function report(label: string, inputs: readonly Input[]): void {
  const { wall, cpu } = time(inputs);
  const kb = inputs.reduce((n, i) => n + i.bytes.length, 0) / 1024;
  const rate = (ms: number) => (inputs.length / (ms / 1000)).toFixed(0);
  // CPU time (process-wide, GC included) is the steadier figure on a shared machine.
  console.log(
    `${label}: ${inputs.length} articles (${kb.toFixed(0)} KB), best of ${runs} passes on one thread: ` +
      `${wall.toFixed(0)} ms wall → ${rate(wall)} articles/s; ${cpu.toFixed(0)} ms CPU → ${rate(cpu)} articles/CPU-s`,
  );
}

report(`synthetic corpus (seed ${values.seed})`, toInputs(corpus));
report('seed articles (content/sources)', toInputs(seeds.map((s) => [join(sourcesDir, s.name), s.text])));
