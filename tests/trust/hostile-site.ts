/**
 * The site built with the hostile article (tests/fixtures/hostile/sources) added to the real sources:
 * a project copy, the real ingest (in process, no cache), then `astro build`. Shared by the trust and e2e tests.
 */
import { cpSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runIngest } from '../../src/lib/ingest/run.ts';
import { buildOrThrow, copyProject, ROOT } from './project.ts';

export const HOSTILE_SOURCES = join(ROOT, 'tests/fixtures/hostile/sources');

/** The hostile fixture's source ids (file names without `.txt`). */
export function hostileIds(): string[] {
  return readdirSync(HOSTILE_SOURCES)
    .filter((n) => n.endsWith('.txt'))
    .map((n) => n.slice(0, -4));
}

/** Build the site with the hostile sources; returns the project copy and its dist. */
export function buildHostileSite(): { dir: string; dist: string } {
  const dir = copyProject('hostile');
  cpSync(HOSTILE_SOURCES, join(dir, 'content/sources'), { recursive: true });
  const content = join(dir, 'content');
  runIngest({
    sourcesDir: join(content, 'sources'),
    outDir: join(content, 'events'),
    gazetteerDir: join(content, 'gazetteer'),
    curationPath: join(content, 'curation.yaml'),
    timelinePath: join(content, 'timeline.yaml'),
  });
  const dist = join(dirname(dir), 'dist');
  buildOrThrow(dir, dist);
  return { dir, dist };
}
