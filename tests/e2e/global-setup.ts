/**
 * Build the site once (ingest + astro build + pagefind) into a temp folder and serve it on loopback
 * for every browser test. E2E_DIST=path skips the build and serves an existing dist.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../scripts/lib/static-server.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let dist = process.env['E2E_DIST'];
  let tmp: string | undefined;
  if (dist === undefined) {
    tmp = mkdtempSync(join(tmpdir(), 'timeline-e2e-'));
    dist = join(tmp, 'dist');
    execFileSync('npx', ['astro', 'build', '--outDir', dist], { stdio: 'inherit' });
  }
  const { server, url } = await serveStatic(dist);
  project.provide('baseUrl', url);
  project.provide('distDir', dist);
  return async () => {
    await new Promise((r) => server.close(r));
    if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
  }
}
