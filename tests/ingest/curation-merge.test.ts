/**
 * A curation merge is kept across re-ingests. Ids are sticky: an event keeps an old id when its title (its natural
 * id) changes, so a merged event's natural id is often not the id the curation names. With the merged event gone
 * from the files, its draft used to get its natural id on the next ingest: the merge no longer applied and the event
 * came back. Here the events to merge carry ids their drafts would not get by nature, as a kept old id looks.
 */
import { cpSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datePrefix } from '../../src/lib/events/ids.ts';
import { defaultIngestOptions, runIngest } from '../../src/lib/ingest/run.ts';
import type { Precision } from '../../src/lib/model.ts';
import { parseEventFile } from '../../src/lib/write/front-matter.ts';
import { folderFiles } from '../fixtures/ingest/project.ts';
import { tempDir } from '../support/temp.ts';

const ROOT = process.cwd();

interface OnDisk {
  id: string;
  prefix: string;
  mergedFrom: string[];
}

function eventsIn(dir: string): OnDisk[] {
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const fm = parseEventFile(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
      const sources = fm['sources'] as Array<{ mergedFrom?: string }>;
      return {
        id: String(fm['id']),
        prefix: datePrefix(String(fm['date']), fm['precision'] as Precision),
        mergedFrom: sources.flatMap((c) => (c.mergedFrom === undefined ? [] : [c.mergedFrom])),
      };
    });
}

/** Give an event file another id with the same date part, as an id kept from an earlier title would be. */
function keepOldId(dir: string, event: OnDisk, words: string): string {
  const id = `${event.prefix}-${words}`;
  const text = readFileSync(join(dir, `${event.id}.md`), 'utf8');
  expect(text.startsWith(`---\nid: ${event.id}\n`)).toBe(true);
  writeFileSync(join(dir, `${event.id}.md`), text.replace(`id: ${event.id}\n`, `id: ${id}\n`));
  renameSync(join(dir, `${event.id}.md`), join(dir, `${id}.md`));
  return id;
}

describe('curation merges across re-ingests', () => {
  const dir = tempDir('curation-merge-');
  const { cacheDir: _c, reportPath: _r, ...base } = defaultIngestOptions(ROOT);
  const plain = join(dir, 'plain');
  runIngest({ ...base, outDir: plain });
  const seeds = eventsIn(plain);

  /** The seeds' events with the first ones under kept old ids; returns the folder's options and the renamed ids. */
  function project(name: string, renamed: number) {
    const outDir = join(dir, name);
    cpSync(plain, outDir, { recursive: true });
    const ids = seeds.slice(0, renamed).map((e, i) => keepOldId(outDir, e, `kept-earlier-title-${'abc'[i]}`));
    const curationPath = join(dir, `${name}.yaml`);
    // Before any curation, the ingest keeps the old ids: this is the folder an editor would curate.
    const settled = runIngest({ ...base, outDir, curationPath });
    expect(settled.files).toMatchObject({ written: 0, removed: 0 });
    return { options: { ...base, outDir, curationPath }, ids, before: folderFiles(outDir) };
  }

  it('keeps a merge whose event had kept an old id, and undoes it when the entry goes', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(3);
    const { options, ids, before } = project('one', 1);
    const [x] = ids as [string];
    const into = seeds[2]?.id as string;
    writeFileSync(options.curationPath, `events:\n  ${x}:\n    mergeInto: ${into}\n`);
    const first = runIngest(options);
    expect(first.report.unusedCuration).toEqual([]);
    const files = folderFiles(options.outDir);
    expect(Object.keys(files)).not.toContain(`${x}.md`);
    const target = eventsIn(options.outDir).find((e) => e.id === into);
    expect(new Set(target?.mergedFrom)).toEqual(new Set([x]));
    for (const round of [1, 2]) {
      const again = runIngest(options);
      expect(again.report.unusedCuration, `round ${round}`).toEqual([]);
      expect(again.files).toMatchObject({ written: 0, removed: 0 });
      expect(folderFiles(options.outDir)).toEqual(files);
    }
    // Without the entry, the merged event comes back under its own id, and the folder is as it was.
    rmSync(options.curationPath);
    runIngest(options);
    expect(folderFiles(options.outDir)).toEqual(before);
  });

  it('keeps a chain of merges (X into Y, Y into B), each citation naming the event it came from', () => {
    const { options, ids } = project('chain', 2);
    const [y, x] = ids as [string, string];
    const into = seeds[2]?.id as string;
    // Against the order of the ids: y sorts first, so it is merged into B before x is merged into it.
    expect(y < x).toBe(true);
    writeFileSync(options.curationPath, `events:\n  ${x}: { mergeInto: ${y} }\n  ${y}: { mergeInto: ${into} }\n`);
    const first = runIngest(options);
    expect(first.report.unusedCuration).toEqual([]);
    const files = folderFiles(options.outDir);
    expect(Object.keys(files)).not.toContain(`${x}.md`);
    expect(Object.keys(files)).not.toContain(`${y}.md`);
    const target = eventsIn(options.outDir).find((e) => e.id === into);
    expect(new Set(target?.mergedFrom)).toEqual(new Set([x, y]));
    const again = runIngest(options);
    expect(again.report.unusedCuration).toEqual([]);
    expect(again.files).toMatchObject({ written: 0, removed: 0 });
    expect(folderFiles(options.outDir)).toEqual(files);
  });
});
