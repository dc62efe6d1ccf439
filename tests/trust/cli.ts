/** Run `scripts/ingest.ts` as an editor would, in a child process (async, so cases can run side by side). */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEventFile } from '../../src/lib/write/front-matter.ts';

export const ROOT = process.cwd();

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** At most this many ingest processes at once: each spends ~1.5 s of CPU importing its modules. */
const MAX_PROCESSES = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function limited<T>(task: () => Promise<T>): Promise<T> {
  if (running >= MAX_PROCESSES) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await task();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** `node scripts/ingest.ts --sources … --out … --report …` with cwd at the project root. */
export function ingestCli(
  sources: string,
  out: string,
  report: string,
  env: NodeJS.ProcessEnv = {},
): Promise<CliResult> {
  return limited(() => spawnIngest(sources, out, report, env));
}

function spawnIngest(sources: string, out: string, report: string, env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'scripts/ingest.ts'), '--sources', sources, '--out', out, '--report', report],
      { cwd: ROOT, env: { ...process.env, ...env } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: stdout.trim(), stderr: stderr.trim() }));
  });
}

/** Every file of a folder, name → contents (sorted by name). */
export function snapshotDir(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir)
      .sort()
      .map((n) => [n, readFileSync(join(dir, n), 'utf8')]),
  );
}

/** The front matter of every event file in `dir`. */
export function readEvents(dir: string): Array<Record<string, unknown>> {
  return [...snapshotDir(dir).values()].flatMap((md) => {
    const fm = parseEventFile(md);
    return fm === undefined ? [] : [fm];
  });
}

/** Every citation quote of the events in `dir`. */
export function quotesOf(dir: string): string[] {
  return readEvents(dir).flatMap((e) =>
    Array.isArray(e['sources']) ? e['sources'].map((c: { quote?: unknown }) => String(c.quote)) : [],
  );
}
