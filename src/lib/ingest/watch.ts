/**
 * A resident ingest (`npm run ingest -- --watch`): one process that ingests once, then again whenever a source,
 * the curation or timeline file or the gazetteer changes, keeping its memo (memo.ts) between runs. Each run is the
 * ordinary one (same output, same all-or-nothing write): the memo only spares it re-reading the cache, and the
 * process a start-up and a cold JIT.
 *
 * Changes are learned from the file system (`fs.watch` on the folders) and gathered for a short while, since an
 * editor's save is often several events (a temp file, a rename). A run never overlaps another: changes that come
 * during a run start one more when it ends. A run is told which sources and event files changed since the run
 * before began (memo.ts `news`), and looks at those only instead of stat-ing every file; the first run, a run after
 * a failure or a lost watcher, and a check after each quiet spell (`CHECK_MS`) look at every file, since a watcher
 * can miss changes: a missed change is then picked up late, never kept out of the timeline.
 */
import { statSync, watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { newMemo, settleMemo } from './memo.ts';
import { runIngestAsync, warmMemo } from './run.ts';
import type { IngestOptions, IngestSummary } from './run.ts';

export interface WatchHooks {
  /** A run ended well: its summary, the files whose changes started it (none for the first), its milliseconds. */
  onRun: (summary: IngestSummary, changed: readonly string[], ms: number) => void;
  /** A run failed (nothing was written), or a folder could not be watched; watching goes on. */
  onError: (error: unknown, changed: readonly string[]) => void;
  /**
   * The run's bookkeeping is done too (report, manifest, run record: memo.ts `after`), `afterMs` after `onRun`.
   */
  onSettled?: (summary: IngestSummary, changed: readonly string[], ms: number, afterMs: number) => void;
}

export interface Watching {
  /** Resolves when no run is going on or due. */
  idle: () => Promise<void>;
  /** Stop watching; resolves when the run going on (if any) has ended. */
  close: () => Promise<void>;
}

/** Milliseconds to gather a save's several events into one run. */
export const SETTLE_MS = 100;

/**
 * Milliseconds of quiet after a run before a check: a run told nothing, which looks at every file, since a
 * watcher can miss changes (the kernel's queue overflowing drops them silently). A missed change waits this long.
 */
export const CHECK_MS = 3000;

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

let fullCollection: (() => void) | undefined;

/**
 * A full garbage collection between runs: a resident ingest holds about a gigabyte (the volumes, their events), and
 * an old-space collection falling inside the next run would cost it a few hundred milliseconds. Made once the run
 * and its bookkeeping are done, it falls in the editor's time instead (10 runs at 10,000 articles: median
 * 1.36-1.40 s a change without, 1.13-1.23 s with).
 */
function collectGarbage(): void {
  if (fullCollection === undefined) {
    setFlagsFromString('--expose-gc');
    fullCollection = runInNewContext('gc') as () => void;
  }
  fullCollection();
}

/** What the watch has heard of each folder the ingest's runs can be told about (memo.ts `FileNews`). */
interface Heard {
  sources: Set<string> | undefined;
  events: Set<string> | undefined;
}

/** Ingest now, then after every change, until closed. */
export function watchIngest(
  options: IngestOptions,
  hooks: WatchHooks,
  settleMs = SETTLE_MS,
  checkMs = CHECK_MS,
): Watching {
  const memo = options.memo ?? newMemo();
  const run = { ...options, memo };
  const pending = new Set<string>();
  let due = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let checkTimer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let closed = false;
  const waiting: Array<() => void> = [];
  // The first run checks every file; after it, what each folder's watcher heard since the last run began.
  let heard: Heard = { sources: undefined, events: undefined };
  const fresh = (): Heard => ({
    sources: sourcesWatcher === undefined ? undefined : new Set(),
    events: eventsWatcher === undefined ? undefined : new Set(),
  });

  const settle = () => {
    if (running !== undefined || due || timer !== undefined) return;
    for (const resolve of waiting.splice(0)) resolve();
  };
  const start = (check = false) => {
    timer = undefined;
    if (checkTimer !== undefined) clearTimeout(checkTimer);
    checkTimer = undefined;
    if (closed || running !== undefined || !(due || check)) return settle();
    due = false;
    const changed = [...pending].sort();
    pending.clear();
    // A check is told nothing: it looks at every file, in case a watcher missed something.
    if (check || heard.sources === undefined || heard.events === undefined) delete memo.news;
    else memo.news = { sources: heard.sources, events: heard.events };
    heard = fresh();
    const t0 = performance.now();
    running = runIngestAsync(run)
      .then(
        (summary) => {
          const ms = performance.now() - t0;
          // A check that found nothing to do is not a run to tell of.
          const told = !check || summary.skipped !== true;
          if (told) hooks.onRun(summary, changed, ms);
          const t1 = performance.now();
          settleMemo(memo);
          collectGarbage();
          if (told) hooks.onSettled?.(summary, changed, ms, performance.now() - t1);
          // Nothing to do, so nothing read: read now what the next change would otherwise wait for.
          if (summary.skipped === true && !due) warmMemo(run);
          if (!check && !due) checkTimer = setTimeout(() => start(true), checkMs);
        },
        (error: unknown) => {
          // Whatever the failed run learned is not trusted: the next one checks every file.
          heard = { sources: undefined, events: undefined };
          hooks.onError(error, changed);
        },
      )
      .catch((error: unknown) => hooks.onError(error, changed));
    void running.finally(() => {
      running = undefined;
      rewatchEvents();
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
  const hear = (which: keyof Heard, name: string | null) => {
    const names = heard[which];
    // An event without a name: any file of the folder may have changed.
    if (name === null) heard[which] = undefined;
    else names?.add(name);
  };
  const lose = (which: keyof Heard) => {
    heard[which] = undefined;
  };

  const watchers: FSWatcher[] = [];
  let sourcesWatcher: FSWatcher | undefined;
  for (const folder of watchedFolders(options)) {
    const isSources = folder.dir === options.sourcesDir;
    try {
      const w = watch(folder.dir, (_event, name) => {
        if (isSources) hear('sources', name);
        if (counts(folder, name)) changedSoon(name === null ? folder.dir : join(folder.dir, name));
      });
      w.on('error', (error) => {
        if (isSources) {
          sourcesWatcher = undefined;
          lose('sources');
        }
        hooks.onError(error, []);
      });
      watchers.push(w);
      if (isSources) sourcesWatcher = w;
    } catch (error) {
      // A folder that does not exist (no gazetteer, say) has nothing to watch; the run says if it is needed.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') hooks.onError(error, []);
    }
  }
  // The events folder is watched only to be told which files changed (a run's own writes among them): a change
  // there starts no run. A folder replaced whole (a run's first write) is watched again after the run.
  let eventsWatcher: FSWatcher | undefined;
  let eventsFolder: number | undefined;
  const folderId = () => statSync(options.outDir, { throwIfNoEntry: false })?.ino;
  const rewatchEvents = () => {
    const id = folderId();
    if (eventsWatcher !== undefined && id === eventsFolder) return;
    eventsWatcher?.close();
    eventsWatcher = undefined;
    lose('events');
    if (closed || id === undefined) return;
    try {
      const w = watch(options.outDir, (_event, name) => hear('events', name));
      w.on('error', () => {
        if (eventsWatcher === w) eventsWatcher = undefined;
        lose('events');
      });
      eventsWatcher = w;
      eventsFolder = id;
    } catch {
      // Not watched: every run scans the folder.
    }
  };
  rewatchEvents();
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
      if (checkTimer !== undefined) clearTimeout(checkTimer);
      timer = undefined;
      checkTimer = undefined;
      for (const w of watchers) w.close();
      eventsWatcher?.close();
      await running;
      settleMemo(memo);
      settle();
    },
  };
}
