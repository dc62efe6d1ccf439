/**
 * The incremental ingest against random sequences of what editors do (edit, add, delete or re-save an article,
 * curate an event (retitle, hide, merge, split), move the focus date, lose the run records) on a timeline built in
 * volumes: after every step, the cached run (one-shot, or resident with its memo) writes exactly what an uncached
 * run writes from the same previous output, and reports the same. The fixed scenarios live in incremental.test.ts;
 * this is the net under them, and under any later shortcut.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import YAML from 'yaml';
import { describe, expect, it, onTestFinished } from 'vitest';
import { VOLUME } from '../../src/lib/events/volumes.ts';
import { runIngest, runIngestAsync, warmMemo } from '../../src/lib/ingest/run.ts';
import type { IngestSummary } from '../../src/lib/ingest/run.ts';
import { newMemo } from '../../src/lib/ingest/memo.ts';
import type { FileNews, IngestMemo } from '../../src/lib/ingest/memo.ts';
import type { CurationEntry } from '../../src/lib/model.ts';
import { InputError } from '../../src/lib/errors.ts';
import { parseEventFile } from '../../src/lib/write/front-matter.ts';
import { folderFiles, forgetRuns, ingestProject } from '../fixtures/ingest/project.ts';
import type { IngestProject } from '../fixtures/ingest/project.ts';

const PEOPLE = ['Witkoff', 'Umerov', 'Rubio', 'Dmitriev', 'Kushner'];

/**
 * Sentences an edit appends: reports of the same day from other months' articles (joined across volumes), a
 * recollection every volume may hold, plans, and undated prose.
 */
const LINES = [
  'Rubio met Umerov in Geneva on Friday to discuss the framework.',
  'Russia began its full-scale invasion of Ukraine in February 2022.',
  'The talks in Geneva on November 23, 2025 ended without a deal, officials said.',
  'Witkoff will travel to Moscow next week for more talks.',
  'Kushner met Dmitriev in Miami on Sunday.',
  'Officials said the mood was constructive.',
];

/** Article `n` of month `month` (0–3: September to December 2025), with `extra` sentences. */
function article(n: number, month: number, extra: readonly string[] = []): string {
  const a = PEOPLE[n % PEOPLE.length];
  const b = PEOPLE[(n + 2) % PEOPLE.length];
  return [
    '---',
    `published: 2025-${String(9 + month).padStart(2, '0')}-${String(3 + ((n * 5) % 24)).padStart(2, '0')}`,
    `publisher: Wire ${n % 3}`,
    `title: Talks report ${n}`,
    '---',
    `${a} met ${b} in Geneva on Monday to discuss the peace framework.`,
    '',
    `The delegations will meet again next week, ${a} said on Tuesday.`,
    '',
    ...extra.flatMap((line) => [line, '']),
  ].join('\n');
}

type Action =
  | { kind: 'edit'; pick: number; line: number }
  | { kind: 'add'; month: number; line: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'resave'; pick: number }
  | { kind: 'retitle'; pick: number }
  | { kind: 'hide'; pick: number }
  | { kind: 'merge'; pick: number; into: number }
  | { kind: 'split'; pick: number }
  | { kind: 'focus'; month: number }
  | { kind: 'forget' };

const pick = fc.nat(1000);
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit' as const), pick, line: fc.nat(LINES.length - 1) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('add' as const), month: fc.nat(3), line: fc.nat(LINES.length - 1) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resave' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retitle' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hide' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), pick, into: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('split' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('focus' as const), month: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('forget' as const) }) },
);

/** A timeline of twelve articles over four months, built in four volumes (volumes of 3 for this test). */
interface Timeline {
  p: IngestProject;
  /** Each source's month and extra sentences, by file name (what its file holds). */
  sources: Map<string, { n: number; month: number; extra: string[] }>;
  curation: Record<string, CurationEntry>;
  next: number;
}

function timeline(): Timeline {
  const p = ingestProject({
    prefix: 'ingest-sequences-',
    count: 12,
    article: (i) => article(i, i % 4),
    name: (i) => `s-${String(i).padStart(2, '0')}.txt`,
  });
  p.options.curationPath = join(p.dir, 'curation.yaml');
  p.options.timelinePath = join(p.dir, 'timeline.yaml');
  const sources = new Map(
    Array.from({ length: 12 }, (_, i) => [`s-${String(i).padStart(2, '0')}.txt`, { n: i, month: i % 4, extra: [] }]),
  );
  return { p, sources, curation: {}, next: 12 };
}

function writeSource(t: Timeline, name: string): void {
  const s = t.sources.get(name);
  if (s !== undefined) writeFileSync(join(t.p.options.sourcesDir, name), article(s.n, s.month, s.extra));
}

/** The `i`th (mod count) of a sorted list; undefined when it is empty. */
function nth<T>(list: readonly T[], i: number): T | undefined {
  return list.length === 0 ? undefined : list[i % list.length];
}

function eventIds(t: Timeline): string[] {
  const dir = t.p.options.outDir;
  return existsSync(dir)
    ? readdirSync(dir)
        .map((n) => n.replace(/\.md$/, ''))
        .sort()
    : [];
}

/** Apply an editor's action to the project's files. */
function act(t: Timeline, a: Action): void {
  const names = [...t.sources.keys()].sort();
  const { options } = t.p;
  switch (a.kind) {
    case 'edit': {
      const name = nth(names, a.pick);
      if (name === undefined) return;
      t.sources.get(name)?.extra.push(LINES[a.line] as string);
      writeSource(t, name);
      return;
    }
    case 'add': {
      const name = `s-${String(t.next).padStart(2, '0')}.txt`;
      t.sources.set(name, { n: t.next, month: a.month, extra: [LINES[a.line] as string] });
      t.next++;
      writeSource(t, name);
      return;
    }
    case 'delete': {
      // At least one source stays: an empty folder is the editor's mistake, tested elsewhere.
      const name = names.length > 1 ? nth(names, a.pick) : undefined;
      if (name === undefined) return;
      t.sources.delete(name);
      rmSync(join(options.sourcesDir, name));
      return;
    }
    case 'resave': {
      const name = nth(names, a.pick);
      if (name !== undefined) writeSource(t, name);
      return;
    }
    case 'retitle':
    case 'hide': {
      const id = nth(eventIds(t), a.pick);
      if (id === undefined) return;
      t.curation[id] = { ...t.curation[id], ...(a.kind === 'hide' ? { hide: true } : { title: `Curated ${id}` }) };
      break;
    }
    case 'merge': {
      const ids = eventIds(t);
      const from = nth(ids, a.pick);
      const into = nth(ids, a.into);
      if (from === undefined || into === undefined || from === into) return;
      // No chains or cycles of merges (the curation tests cover those); anything else an editor may write.
      const targets = new Set(Object.values(t.curation).map((e) => e.mergeInto));
      if (t.curation[into]?.mergeInto !== undefined || targets.has(from)) return;
      t.curation[from] = { mergeInto: into };
      break;
    }
    case 'split': {
      // The last citation of an event (its only one, maybe) moves out into an event of its own.
      const id = nth(eventIds(t), a.pick);
      if (id === undefined || t.curation[id] !== undefined) return;
      const front = parseEventFile(readFileSync(join(options.outDir, `${id}.md`), 'utf8'));
      const cited = (front?.['sources'] ?? []) as Array<{ source: string; sentence: number }>;
      const last = cited.at(-1);
      if (last === undefined) return;
      t.curation[id] = { split: [{ id: `${id}-part`, citations: [`${last.source}#${last.sentence}`] }] };
      break;
    }
    case 'focus':
      writeFileSync(options.timelinePath, `focusFrom: 2025-${String(9 + a.month).padStart(2, '0')}-15\n`);
      return;
    case 'forget':
      forgetRuns(options);
      return;
  }
  writeFileSync(options.curationPath, YAML.stringify({ events: t.curation }));
}

/** The sources folder's files and their texts. */
function sourceTexts(t: Timeline): Map<string, string> {
  const dir = t.p.options.sourcesDir;
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

/** The names whose text differs between two snapshots (added and removed ones included). */
function changedNames(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): Set<string> {
  const out = new Set<string>();
  for (const [name, text] of after) if (before.get(name) !== text) out.add(name);
  for (const name of before.keys()) if (!after.has(name)) out.add(name);
  return out;
}

/** What a run reports that does not depend on the cache. */
function outcome(s: IngestSummary) {
  const { cache: _c, keys: _k, files: _f, timings: _t, skipped: _s, volumes: _v, ...rest } = s;
  return rest;
}

/** A run's summary, or the one line of the editor's mistake it stopped at. */
async function attempt(run: () => IngestSummary | Promise<IngestSummary>): Promise<IngestSummary | string> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InputError) return error.toLine();
    throw error;
  }
}

/**
 * The cached run (on worker threads when `threads`; with what a resident ingest keeps between runs when given a
 * `memo`) and an uncached one from a copy of the same previous output.
 */
async function checkStep(
  t: Timeline,
  step: number,
  threads: boolean,
  memo: IngestMemo | undefined,
  news?: FileNews,
): Promise<void> {
  const { p } = t;
  // What the watch would tell the run: the sources changed since the last run, and no event file (nothing but the
  // runs touches the events folder here).
  if (memo !== undefined && news !== undefined) memo.news = news;
  const plainOut = join(p.dir, `plain-${step}`);
  if (existsSync(p.options.outDir)) cpSync(p.options.outDir, plainOut, { recursive: true });
  const { cacheDir: _none, onParse: _p, ...uncached } = p.options;
  const options = memo === undefined ? p.options : { ...p.options, memo };
  const cached = await attempt(() => (threads ? runIngestAsync({ ...options, workers: 2 }) : runIngest(options)));
  // As the watch does: a run that found nothing to do fills the memo from the cache for the next one.
  if (memo !== undefined && typeof cached !== 'string' && cached.skipped === true) warmMemo(options);
  const plain = await attempt(() => runIngest({ ...uncached, outDir: plainOut }));
  expect(folderFiles(p.options.outDir), `step ${step}`).toEqual(folderFiles(plainOut));
  expect(typeof cached === 'string' ? cached : outcome(cached), `step ${step}`).toEqual(
    typeof plain === 'string' ? plain : outcome(plain),
  );
  rmSync(plainOut, { recursive: true });
}

describe('incremental ingest against sequences of editors’ actions', () => {
  it('writes and reports, after every action, what an uncached run does from the same previous output', async () => {
    const min = VOLUME.minSources;
    VOLUME.minSources = 3;
    onTestFinished(() => {
      VOLUME.minSources = min;
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(action, fc.boolean()), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        async (steps, resident) => {
          const t = timeline();
          // A resident ingest (--watch) runs every step in one process, keeping its memo.
          const memo = resident ? newMemo() : undefined;
          await checkStep(t, 0, false, memo);
          for (const [i, [a, threads]] of steps.entries()) {
            const before = sourceTexts(t);
            act(t, a);
            const news = { sources: changedNames(before, sourceTexts(t)), events: new Set<string>() };
            await checkStep(t, i + 1, threads, memo, news);
          }
        },
      ),
      { numRuns: 12, seed: 20261205 },
    );
  }, 120_000);
});
