/**
 * A resident ingest (`npm run ingest -- --watch`): one process that ingests once, then again whenever a source,
 * the curation or timeline file or the gazetteer changes, keeping its memo (memo.ts) between runs. Each run is the
 * ordinary one (same output, same all-or-nothing write): the memo only spares it re-reading the cache, and the
 * process a start-up and a cold JIT.
 *
 * Changes are learned from the file system (`fs.watch` on the folders) and gathered for a short while, since an
 * editor's save is often several events (a temp file, a rename). A run never overlaps another: changes that come
 * during a run start one more when it ends. What changed is only told to the caller; the run itself still compares
 * every source with the cache, so a missed or merged event costs nothing but a later run.
 */
import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { newMemo } from './memo.ts';
import { runIngestAsync, warmMemo } from './run.ts';
import type { IngestOptions, IngestSummary } from './run.ts';

export interface WatchHooks {
  /** A run ended well: its summary, the files whose changes started it (none for the first), its milliseconds. */
  onRun: (summary: IngestSummary, changed: readonly string[], ms: number) => void;
  /** A run failed (nothing was written), or a folder could not be watched; watching goes on. */
  onError: (error: unknown, changed: readonly string[]) => void;
}

export interface Watching {
  /** Resolves when no run is going on or due. */
  idle: () => Promise<void>;
  /** Stop watching; resolves when the run going on (if any) has ended. */
  close: () => Promise<void>;
}

/** Milliseconds to gather a save's several events into one run. */
export const SETTLE_MS = 100;

/** A folder to watch and which of its entries count (all, when `names` is undefined). */
export interface WatchedFolder {
  dir: string;
  names?: ReadonlySet<string>;
  /** Entries counted by their name's end (the sources: `.txt`). */
  suffix?: string;
}

/** What the ingest reads, as folders to watch: the sources, the gazetteer, and the folders of the two files. */
export function watchedFolders(options: IngestOptions): WatchedFolder[] {
  const files = new Map<string, Set<string>>();
  for (const path of [options.curationPath, options.timelinePath]) {
    const dir = dirname(path);
    const names = files.get(dir) ?? new Set<string>();
    names.add(basename(path));
    files.set(dir, names);
  }
  return [
    { dir: options.sourcesDir, suffix: '.txt' },
    { dir: options.gazetteerDir },
    ...[...files].map(([dir, names]) => ({ dir, names })),
  ];
}

/**
 * Whether an event about `name` in `folder` may change what the ingest reads. An event without a name (some file
 * systems give none) counts: the run will find out.
 */
export function counts(folder: WatchedFolder, name: string | null): boolean {
  if (name === null) return true;
  if (folder.names !== undefined && !folder.names.has(name)) return false;
  return folder.suffix === undefined || name.endsWith(folder.suffix);
}

/** Ingest now, then after every change, until closed. */
export function watchIngest(options: IngestOptions, hooks: WatchHooks, settleMs = SETTLE_MS): Watching {
  const run = { ...options, memo: options.memo ?? newMemo() };
  const pending = new Set<string>();
  let due = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let closed = false;
  const waiting: Array<() => void> = [];

  const settle = () => {
    if (running !== undefined || due || timer !== undefined) return;
    for (const resolve of waiting.splice(0)) resolve();
  };
  const start = () => {
    timer = undefined;
    if (closed || running !== undefined || !due) return settle();
    due = false;
    const changed = [...pending].sort();
    pending.clear();
    const t0 = performance.now();
    running = runIngestAsync(run)
      .then(
        (summary) => {
          hooks.onRun(summary, changed, performance.now() - t0);
          // Nothing to do, so nothing read: read now what the next change would otherwise wait for.
          if (summary.skipped === true && !due) warmMemo(run);
        },
        (error: unknown) => hooks.onError(error, changed),
      )
      .catch((error: unknown) => hooks.onError(error, changed));
    void running.finally(() => {
      running = undefined;
      if (due) start();
      else settle();
    });
  };
  const changedSoon = (path: string) => {
    if (closed) return;
    pending.add(path);
    due = true;
    if (timer !== undefined) clearTimeout(timer);
    // During a run, the next one starts when it ends (`finally` above); the timer only gathers a save's events.
    timer = setTimeout(start, settleMs);
  };

  const watchers: FSWatcher[] = [];
  for (const folder of watchedFolders(options)) {
    try {
      const w = watch(folder.dir, (_event, name) => {
        if (counts(folder, name)) changedSoon(name === null ? folder.dir : join(folder.dir, name));
      });
      w.on('error', (error) => hooks.onError(error, []));
      watchers.push(w);
    } catch (error) {
      // A folder that does not exist (no gazetteer, say) has nothing to watch; the run says if it is needed.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') hooks.onError(error, []);
    }
  }
  start();

  const idle = () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      settle();
    });
  return {
    idle,
    close: async () => {
      closed = true;
      due = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      for (const w of watchers) w.close();
      await running;
      settle();
    },
  };
}
