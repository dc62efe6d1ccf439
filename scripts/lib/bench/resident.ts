/**
 * The benchmark's resident ingest: `scripts/ingest.ts --watch --json` started in a bench project, then articles
 * changed one at a time, each after the previous change's run has ended. Each run's own time (`ms`, from the run's
 * start to its summary, the events written; the watch's 100 ms for a save's events to settle comes before it) is what
 * is measured, and apart the bookkeeping done after it (`afterMs`).
 */
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ResidentRuns {
  /** The first change after the start (the JIT is cold for the events stage), in ms. */
  firstMs: number;
  /** Each later change's run, in ms. */
  laterMs: number[];
  /** Each later change's bookkeeping after its run (report, manifest, run record, pack commits), in ms. */
  laterAfterMs: number[];
}

/** Start the watch in `dir`, change `files` (paths) one by one (the first not counted among the later ones), stop. */
export function residentChanges(
  node: string,
  dir: string,
  files: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<ResidentRuns> {
  const child = spawn(node, ['scripts/ingest.ts', '--watch', '--json'], {
    cwd: dir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const measured: number[] = [];
  const after: number[] = [];
  let waitingFor: string | undefined;
  let stderr = '';
  let buffered = '';
  return new Promise<ResidentRuns>((resolve, reject) => {
    const fail = (message: string) => {
      child.kill('SIGTERM');
      reject(new Error(`${message}\n${stderr.slice(-3000)}`));
    };
    // The run at start, then one run per change. A run that does not name the awaited change (a save told twice,
    // the second time after the run had started) is not counted.
    const heard = (run: { ms: number; afterMs: number; changed: string[] }) => {
      if (waitingFor !== undefined && !run.changed.includes(waitingFor)) return;
      if (waitingFor !== undefined) {
        measured.push(run.ms);
        after.push(run.afterMs);
      }
      const file = files[measured.length];
      if (file === undefined) {
        child.kill('SIGINT');
        resolve({ firstMs: measured[0] as number, laterMs: measured.slice(1), laterAfterMs: after.slice(1) });
        return;
      }
      waitingFor = file;
      appendFileSync(file, `\nOfficials said on Friday that the talks would resume (change ${measured.length}).\n`);
    };
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      for (let at = buffered.indexOf('\n'); at >= 0; at = buffered.indexOf('\n')) {
        const line = buffered.slice(0, at);
        buffered = buffered.slice(at + 1);
        heard(JSON.parse(line) as { ms: number; afterMs: number; changed: string[] });
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      // A run that failed prints its error and the watch goes on: the benchmark stops there.
      if (/error|failed/i.test(stderr)) fail('the resident ingest reported an error');
    });
    child.on('exit', (code) => {
      if (measured.length < files.length) fail(`the resident ingest exited early (${code})`);
    });
  });
}

/** The sources a bench run changes: `n` files spread over the corpus, none of them `besides`. */
export function spreadSources(dir: string, names: readonly string[], n: number, besides: string): string[] {
  const out: string[] = [];
  for (let k = 1; out.length < n && k <= names.length; k++) {
    const name = names[Math.floor((k * names.length) / (n + 2))] as string;
    const path = join(dir, 'content/sources', name);
    if (name !== besides && !out.includes(path)) out.push(path);
  }
  return out;
}
