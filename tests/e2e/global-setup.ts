/**
 * Build the site once (astro build + pagefind, from the committed content/events) into a temp folder and serve
 * it on loopback for every browser test. E2E_DIST=path skips the build and serves an existing dist.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSiteInto } from '../../scripts/lib/build-site.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let dist = process.env['E2E_DIST'];
  const built = dist === undefined;
  if (dist === undefined) dist = buildSiteInto(process.cwd(), 'e2e');
  const { server, url } = await serveStatic(dist);
  project.provide('baseUrl', url);
  project.provide('distDir', dist);
  return async () => {
    await new Promise((r) => server.close(r));
    if (built) rmSync(dirname(dist), { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
  }
}
