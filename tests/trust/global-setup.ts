/**
 * Build the real site once for every trust test (link check, nothing lost, determinism): a project copy
 * snapshots content/ so the build and the tests read the same files while others edit the working tree.
 * TRUST_PROJECT=<copy> with TRUST_DIST=<dist> reuses an earlier build.
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildOrThrow, copyProject } from './project.ts';

export default function setup(project: TestProject): () => void {
  let dir = process.env['TRUST_PROJECT'];
  let dist = process.env['TRUST_DIST'];
  let made: string | undefined;
  if (dir === undefined || dist === undefined) {
    dir = copyProject('site');
    made = dirname(dir);
    dist = join(made, 'dist');
    buildOrThrow(dir, dist);
  }
  project.provide('trustProject', dir);
  project.provide('trustDist', dist);
  return () => {
    if (made !== undefined) rmSync(made, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    trustProject: string;
    trustDist: string;
  }
}
