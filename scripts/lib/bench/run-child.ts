/** Run a command as a child, timed, with its peak memory (GNU time's max RSS); output kept for errors. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface ChildRun {
  ms: number;
  /** Peak resident memory in MB (0 when /usr/bin/time is missing). */
  peakMb: number;
  stdout: string;
}

/** Run `cmd args` in `cwd`; rejects with the tail of stderr when it fails. */
export function runTimed(
  cmd: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ChildRun> {
  const gnuTime = existsSync('/usr/bin/time');
  const [file, argv] = gnuTime ? ['/usr/bin/time', ['-f', '__PEAK_KB__ %M', cmd, ...args]] : [cmd, [...args]];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(file, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      const peak = /__PEAK_KB__ (\d+)/.exec(stderr);
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} failed (${code}):\n${stderr.slice(-3000)}`));
      else resolve({ ms, peakMb: peak ? Number(peak[1]) / 1024 : 0, stdout });
    });
  });
}
