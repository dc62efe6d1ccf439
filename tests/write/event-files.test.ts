/**
 * The write step of a resident ingest walks the last run's events beside this run's and decides only the events
 * that are not the very same objects (or whose files a watcher saw change): the folder and the manifest entries it
 * leaves must be those the whole step leaves, whatever changed between two runs.
 */
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/lib/model.ts';
import { writeEventFiles } from '../../src/lib/write/event-files.ts';
import type { WriteMemo, Written } from '../../src/lib/write/event-files.ts';
import { readManifest, renderVersion, scanEventFiles } from '../../src/lib/write/output-manifest.ts';
import type { OutputManifest } from '../../src/lib/write/output-manifest.ts';
import { timelineEvent } from '../fixtures/events/build.ts';
import { folderFiles } from '../fixtures/ingest/project.ts';
import { tempDir } from '../support/temp.ts';

const DAYS = ['2025-11-28', '2025-11-29', '2025-11-30'];
const WORDS = ['talks', 'strike', 'summit', 'visit', 'deal', 'call'];

/** Events in the assembly's order (date, then id), with an identity that fixes each one's content. */
function ordered(events: TimelineEvent[]): { events: TimelineEvent[]; identities: Map<string, string> } {
  const sorted = [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  return { events: sorted, identities: new Map(sorted.map((e) => [e.id, `made:${e.title}|${e.id}`])) };
}

function made(day: number, word: number, title = 'First'): TimelineEvent {
  const date = DAYS[day] as string;
  return timelineEvent({ id: `${date}-${WORDS[word]}`, date, title });
}

/** What changes between two runs. */
const change = fc.record({
  retitle: fc.array(fc.nat(5), { maxLength: 2 }),
  drop: fc.array(fc.nat(5), { maxLength: 2 }),
  add: fc.array(fc.tuple(fc.nat(2), fc.nat(5)), { maxLength: 2 }),
  handEdit: fc.array(fc.nat(5), { maxLength: 1 }),
  stray: fc.boolean(),
});

/** The entries as the next run reads them, without the fingerprints (they differ from folder to folder). */
const plainEntries = (w: Written) =>
  Object.fromEntries(Object.entries(w.entries).map(([name, { fp: _fp, ...rest }]) => [name, rest]));

describe('writeEventFiles, resident', () => {
  it('leaves the folder and the manifest entries the whole step leaves, run after run', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.nat(2), fc.nat(5)), {
          minLength: 1,
          maxLength: 8,
          selector: ([d, w]) => `${d}-${w}`,
        }),
        fc.array(change, { minLength: 1, maxLength: 4 }),
        (start, changes) => {
          const dir = tempDir('write-resident-');
          const target = { outDir: join(dir, 'events'), cacheDir: join(dir, 'cache') };
          const memo: { write?: WriteMemo } = {};
          let manifest: OutputManifest | undefined;
          let current = start.map(([d, w]) => made(d, w));
          const run = (step: number, changed: ReadonlySet<string> | undefined) => {
            const { events, identities } = ordered(current);
            const onDisk = scanEventFiles(target.outDir);
            const resident = { memo, context: 'same', changed };
            const written = writeEventFiles(target, events, onDisk, manifest, identities, resident);
            manifest = { render: renderVersion(), files: written.entries };
            // The manifest stored (only the shards of changed names, for a resident run) reads back whole.
            written.saveManifest();
            expect(readManifest(target.cacheDir, target.outDir)?.files, `step ${step}`).toEqual(written.entries);
            // The whole step, into an empty folder.
            const plainDir = join(dir, `plain-${step}`);
            const plainTarget = { outDir: plainDir, cacheDir: join(dir, `plain-cache-${step}`) };
            const plain = writeEventFiles(plainTarget, events, new Map(), undefined, identities);
            expect(folderFiles(target.outDir), `step ${step}`).toEqual(folderFiles(plainDir));
            expect(plainEntries(written), `step ${step}`).toEqual(plainEntries(plain));
            return written;
          };
          run(0, undefined);
          changes.forEach((c, k) => {
            const changed = new Set<string>();
            for (const i of c.retitle) {
              const e = current[i % current.length] as TimelineEvent;
              current = current.map((x) => (x === e ? { ...e, title: `Retitled ${k}` } : x));
            }
            for (const i of c.drop)
              if (current.length > 1) current = current.filter((_, j) => j !== i % current.length);
            for (const [d, w] of c.add)
              if (!current.some((e) => e.id === made(d, w).id)) current = [...current, made(d, w, `Added ${k}`)];
            for (const i of c.handEdit) {
              const name = `${(current[i % current.length] as TimelineEvent).id}.md`;
              if (existsSync(join(target.outDir, name))) {
                appendFileSync(join(target.outDir, name), '\nA hand-made line.\n');
                changed.add(name);
              }
            }
            if (c.stray) {
              mkdirSync(target.outDir, { recursive: true });
              writeFileSync(join(target.outDir, '2025-11-27-stray.md'), 'not an event\n');
              changed.add('2025-11-27-stray.md');
            }
            const written = run(k + 1, changed);
            // Only what changed was decided: the unchanged events were walked past.
            expect(written.counts.rendered).toBeLessThanOrEqual(c.retitle.length + c.add.length + c.handEdit.length);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
