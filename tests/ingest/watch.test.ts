/**
 * The resident ingest (src/lib/ingest/watch.ts): it ingests at once, again after a change to what the ingest reads
 * (and only then), writes what a one-shot uncached run writes, and goes on watching after an editor's mistake.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, linkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { InputError } from '../../src/lib/errors.ts';
import { VOLUME } from '../../src/lib/events/volumes.ts';
import { newMemo } from '../../src/lib/ingest/memo.ts';
import { runIngest, warmMemo } from '../../src/lib/ingest/run.ts';
import { KEY_LIST, SETTLE } from '../../src/lib/ingest/source-keys.ts';
import type { IngestSummary } from '../../src/lib/ingest/run.ts';
import { counts, SETTLE_MS, watchedFolders, watchIngest } from '../../src/lib/ingest/watch.ts';
import { folderFiles, ingestProject } from '../fixtures/ingest/project.ts';

function article(n: number, extra = ''): string {
  return [
    '---',
    `published: 2025-11-${String(10 + n).padStart(2, '0')}`,
    `publisher: Wire ${n}`,
    `title: Talks report ${n}`,
    '---',
    `Rubio met Umerov in Geneva on Monday to discuss the peace framework.${extra}`,
    '',
    'The delegations will meet again next week, officials said on Tuesday.',
    '',
  ].join('\n');
}

type Heard = { run: IngestSummary; changed: readonly string[] } | { error: unknown; changed: readonly string[] };

/**
 * The watch's reports, awaited one at a time: `next` gives the next report once the watch is idle, or the last one
 * by then (a save may be told as several file system events, which may start a second run of the same change).
 */
function listener() {
  const heard: Heard[] = [];
  const waiting: Array<(h: Heard) => void> = [];
  const push = (h: Heard) => {
    const next = waiting.shift();
    if (next === undefined) heard.push(h);
    else next(h);
  };
  return {
    hooks: {
      onRun: (run: IngestSummary, changed: readonly string[]) => push({ run, changed }),
      onError: (error: unknown, changed: readonly string[]) => push({ error, changed }),
    },
    next: async (watching: { idle: () => Promise<void> }) => {
      let h = await new Promise<Heard>((resolve) => {
        const first = heard.shift();
        if (first === undefined) waiting.push(resolve);
        else resolve(first);
      });
      await watching.idle();
      for (let more = heard.shift(); more !== undefined; more = heard.shift()) h = more;
      return h;
    },
  };
}

describe('watchedFolders and counts', () => {
  it('watch the sources (.txt only), the gazetteer, and the curation and timeline files by name', () => {
    const folders = watchedFolders({
      sourcesDir: '/p/content/sources',
      outDir: '/p/content/events',
      gazetteerDir: '/p/content/gazetteer',
      curationPath: '/p/content/curation.yaml',
      timelinePath: '/p/content/timeline.yaml',
    });
    expect(folders.map((f) => f.dir)).toEqual(['/p/content/sources', '/p/content/gazetteer', '/p/content']);
    const [sources, gazetteer, content] = folders as [(typeof folders)[0], (typeof folders)[0], (typeof folders)[0]];
    expect(counts(sources, 'a.txt')).toBe(true);
    expect(counts(sources, '.a.txt.swp')).toBe(false);
    expect(counts(sources, null)).toBe(true);
    expect(counts(gazetteer, 'people.yaml')).toBe(true);
    expect(counts(content, 'curation.yaml')).toBe(true);
    expect(counts(content, 'timeline.yaml')).toBe(true);
    // The events folder lives there too: the ingest's own writes must not start it again.
    expect(counts(content, 'events')).toBe(false);
  });
});

describe('watchIngest', () => {
  it('ingests now and after each change, as a one-shot run would, and goes on after a mistake', async () => {
    const p = ingestProject({ prefix: 'ingest-watch-', count: 3, article, name: (i) => `s-${i}.txt` });
    p.options.curationPath = join(p.dir, 'content', 'curation.yaml');
    p.options.timelinePath = join(p.dir, 'content', 'timeline.yaml');
    mkdirSync(join(p.dir, 'content'));
    const { hooks, next } = listener();
    const watching = watchIngest(p.options, hooks);
    onTestFinished(() => watching.close());

    const first = await next(watching);
    expect(first).toMatchObject({ changed: [] });
    expect('run' in first && first.run.events).toBeGreaterThan(0);
    const before = folderFiles(p.options.outDir);

    // A source edited: one run, naming it, with the output of an uncached run of the same sources.
    const edited = join(p.options.sourcesDir, 's-1.txt');
    writeFileSync(edited, article(1, ' Witkoff will travel to Moscow on Thursday.'));
    const second = await next(watching);
    expect(second.changed).toContain(edited);
    expect('run' in second).toBe(true);
    const plainOut = join(p.dir, 'plain');
    const { cacheDir: _c, onParse: _p, ...uncached } = p.options;
    runIngest({ ...uncached, outDir: plainOut });
    const after = folderFiles(p.options.outDir);
    expect(after).toEqual(folderFiles(plainOut));
    expect(after).not.toEqual(before);

    // A mistake: reported with its file, nothing written; watching goes on, and the fix is ingested.
    const bad = join(p.options.sourcesDir, 's-9.txt');
    writeFileSync(bad, '---\npublished: 2025-02-30\n---\nRubio met Umerov on Monday.\n');
    const third = await next(watching);
    expect('error' in third && third.error instanceof InputError && third.error.toLine()).toMatch(
      /s-9\.txt:2: .*2025-02-30/,
    );
    expect(folderFiles(p.options.outDir)).toEqual(after);
    writeFileSync(bad, article(9));
    const fourth = await next(watching);
    expect('run' in fourth && fourth.run.sources).toBe(4);

    // The curation file is watched by name: retitling an event is ingested.
    const id = Object.keys(after)[0]?.replace(/\.md$/, '') as string;
    writeFileSync(p.options.curationPath, `events:\n  ${id}:\n    title: Curated title\n`);
    const fifth = await next(watching);
    expect(fifth.changed).toEqual([p.options.curationPath]);
    expect(folderFiles(p.options.outDir)[`${id}.md`]).toContain('Curated title');

    await watching.close();
    await watching.idle();
  }, 30_000);
});

describe('watchIngest, told what changed', () => {
  it('puts back an event file edited by hand, and finds at its check a change no watcher told of', async () => {
    const p = ingestProject({ prefix: 'ingest-watch-told-', count: 3, article, name: (i) => `s-${i}.txt` });
    // A second name for a source, in a folder no watcher watches: a write through it is not told of.
    const side = join(p.dir, 'side');
    mkdirSync(side);
    linkSync(join(p.options.sourcesDir, 's-2.txt'), join(side, 's-2.txt'));
    const { hooks, next } = listener();
    const reportPath = join(p.dir, 'report.json');
    const watching = watchIngest({ ...p.options, reportPath }, hooks, SETTLE_MS, 400);
    onTestFinished(() => watching.close());
    await next(watching);
    const uncachedRun = (outDir: string) => {
      const { cacheDir: _c, onParse: _p, ...uncached } = p.options;
      runIngest({ ...uncached, outDir });
      return folderFiles(outDir);
    };

    // An event file edited by hand is told of: the next run (for a source saved unchanged) writes it back. Files
    // vouched for by their fingerprints at once (not first by their texts, as files this new are), as after a while.
    const settle = SETTLE.ms;
    SETTLE.ms = 0;
    onTestFinished(() => {
      SETTLE.ms = settle;
    });
    // (A first run made the folder, which is then watched anew: the run after it looks at every file.)
    writeFileSync(join(p.options.sourcesDir, 's-1.txt'), article(1));
    await next(watching);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const first = folderFiles(p.options.outDir);
    const [edited] = Object.keys(first);
    appendFileSync(join(p.options.outDir, edited as string), '\nA hand-made line.\n');
    writeFileSync(join(p.options.sourcesDir, 's-0.txt'), article(0));
    const told = await next(watching);
    expect(told.changed).toEqual([join(p.options.sourcesDir, 's-0.txt')]);
    expect(folderFiles(p.options.outDir)).toEqual(first);
    // The run told of s-0 alone did not read the sources' key list again: the one it kept, and wrote after the run,
    // still holds the sources it was not told of.
    const list = JSON.parse(readFileSync(join(p.options.cacheDir as string, KEY_LIST), 'utf8')) as {
      files: Record<string, unknown>;
    };
    expect(Object.keys(list.files)).toEqual(expect.arrayContaining(['s-1.txt', 's-2.txt']));

    // Written through the other name: no run is started for it, but the check after the quiet spell finds it.
    writeFileSync(join(side, 's-2.txt'), article(2, ' Putin will receive Witkoff in Moscow on Friday.'));
    const checked = await next(watching);
    expect(checked.changed).toEqual([]);
    expect('run' in checked && checked.run.skipped).not.toBe(true);
    const after = folderFiles(p.options.outDir);
    expect(after).toEqual(uncachedRun(join(p.dir, 'plain-2')));
    expect(JSON.stringify(after)).toContain('receive Witkoff');
    // Its bookkeeping follows each run, before the watch is idle: the report is this run's.
    expect(JSON.parse(readFileSync(reportPath, 'utf8'))).toMatchObject({ events: Object.keys(after).length });

    // The output manifest knows every file it left: a one-shot run renders none to compare.
    await watching.close();
    const oneShot = runIngest({ ...p.options, reportPath });
    expect(oneShot.files?.rendered).toBe(0);
    expect(oneShot.files?.written).toBe(0);
  }, 30_000);
});

describe('warmMemo', () => {
  it('fills the memo with every volume and source of the cache, after a run that had nothing to read', () => {
    const min = VOLUME.minSources;
    VOLUME.minSources = 3;
    onTestFinished(() => {
      VOLUME.minSources = min;
    });
    const p = ingestProject({
      prefix: 'ingest-warm-',
      count: 9,
      // Three months, three sources each: three volumes.
      article: (i) => article(i).replace('2025-11-', `2025-${String(9 + (i % 3)).padStart(2, '0')}-`),
      name: (i) => `s-${i}.txt`,
    });
    const first = runIngest(p.options);
    expect(first.volumes?.count).toBe(3);
    const memo = newMemo();
    const again = runIngest({ ...p.options, memo });
    expect(again.skipped).toBe(true);
    expect(memo.volumes.size).toBe(0);
    warmMemo({ ...p.options, memo });
    expect(memo.volumes.size).toBe(3);
    expect(memo.facts.size).toBe(9);
    expect(memo.manifests.size).toBe(1);
    // Without a cache there is nothing to key a memo by: it is left alone.
    const { cacheDir: _c, ...uncached } = p.options;
    const empty = newMemo();
    warmMemo({ ...uncached, memo: empty });
    expect(empty.volumes.size + empty.facts.size + empty.manifests.size).toBe(0);
  });
});

describe('npm run ingest -- --watch --json', () => {
  it('prints a line per run, one naming the changed source, and stops cleanly on Ctrl-C', async () => {
    const p = ingestProject({ prefix: 'ingest-watch-cli-', count: 2, article, name: (i) => `s-${i}.txt` });
    const { sourcesDir, outDir } = p.options;
    const args = ['--sources', sourcesDir, '--out', outDir, '--gazetteer', p.options.gazetteerDir];
    const child = spawn(
      process.execPath,
      [join(process.cwd(), 'scripts/ingest.ts'), ...args, '--report', join(p.dir, 'report.json'), '--watch', '--json'],
      { cwd: p.dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    onTestFinished(() => {
      child.kill('SIGKILL');
    });
    const waiting: Array<() => void> = [];
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      // An error is printed and watching goes on: fail now, with it, rather than at the time-out.
      for (const w of waiting.splice(0)) w();
    });
    const lines: Array<{ events: number; changed: string[]; ms: number }> = [];
    let buffered = '';
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      for (let at = buffered.indexOf('\n'); at >= 0; at = buffered.indexOf('\n')) {
        lines.push(JSON.parse(buffered.slice(0, at)) as (typeof lines)[0]);
        buffered = buffered.slice(at + 1);
        waiting.shift()?.();
      }
    });
    const lineCount = async (n: number) => {
      while (lines.length < n && stderr === '') await new Promise<void>((r) => waiting.push(r));
      expect(stderr).toBe('');
    };
    await lineCount(1);
    expect(lines[0]).toMatchObject({ changed: [] });
    expect(lines[0]?.events).toBeGreaterThan(0);
    const edited = join(sourcesDir, 's-0.txt');
    writeFileSync(edited, article(0, ' Witkoff will travel to Moscow on Thursday.'));
    await lineCount(2);
    expect(lines[1]?.changed).toContain(edited);
    expect(typeof lines[1]?.ms).toBe('number');
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  }, 60_000);
});
