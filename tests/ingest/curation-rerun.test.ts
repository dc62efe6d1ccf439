/**
 * Curation is kept across re-ingests: a second ingest over its own output, with the same curation, writes the
 * same files. A split whose part takes most of an event's citations used to lose the event's id to the part on
 * the second run (ids are matched by citations), and the split no longer applied.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderFiles } from '../fixtures/ingest/project.ts';
import { defaultIngestOptions, runIngest } from '../../src/lib/ingest/run.ts';
import { tempDir } from '../support/temp.ts';

const ROOT = process.cwd();

/** The event of the seeds with the most citations, and the `source#sentence` keys of its citations. */
function largestEvent(dir: string): { id: string; keys: string[] } {
  let best = { id: '', keys: [] as string[] };
  for (const name of readdirSync(dir)) {
    const text = readFileSync(join(dir, name), 'utf8');
    const keys = [...text.matchAll(/- source: (\S+)\n(?:\s+\w+: .*\n)*?\s+sentence: (\d+)/g)].map(
      (m) => `${m[1]}#${m[2]}`,
    );
    if (keys.length > best.keys.length) best = { id: name.replace(/\.md$/, ''), keys };
  }
  return best;
}

describe('curation across re-ingests', () => {
  it('keeps a split that moves most of an event’s citations', () => {
    const dir = tempDir('curation-rerun-');
    const { cacheDir: _c, reportPath: _r, ...base } = defaultIngestOptions(ROOT);
    const plain = join(dir, 'plain');
    runIngest({ ...base, outDir: plain });
    const { id, keys } = largestEvent(plain);
    expect(keys.length).toBeGreaterThanOrEqual(4);
    const moved = keys.slice(0, Math.ceil(keys.length * 0.75));
    const curationPath = join(dir, 'curation.yaml');
    writeFileSync(
      curationPath,
      `events:\n  ${id}:\n    split:\n      - id: ${id}-part\n        citations: [${moved.join(', ')}]\n`,
    );
    const options = { ...base, outDir: join(dir, 'events'), curationPath };
    const first = runIngest(options);
    expect(first.report.unusedCuration).toEqual([]);
    const files = folderFiles(options.outDir);
    expect(Object.keys(files)).toEqual(expect.arrayContaining([`${id}.md`, `${id}-part.md`]));
    const second = runIngest(options);
    expect(second.report.unusedCuration).toEqual([]);
    expect(second.files).toMatchObject({ written: 0, removed: 0 });
    expect(folderFiles(options.outDir)).toEqual(files);
  });
});
