/** A malformed event file fails `astro build`, and the output names the file. */
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject, copyProject } from './project.ts';

describe('astro build on a schema error', () => {
  it('exits non-zero naming the bad event file', () => {
    const dir = copyProject('schema');
    const bad = 'zz-broken-event.md';
    writeFileSync(
      join(dir, 'content/events', bad),
      "---\nid: zz-broken-event\ntitle: A broken event\ndate: '2025-13-45'\nprecision: day\nstatus: happened\nactors: []\nplaces: []\ntopics: []\nsources: []\n---\n\nText.\n",
    );
    const r = buildProject(dir, join(dirname(dir), 'dist'));
    rmSync(dirname(dir), { recursive: true, force: true });
    expect(r.code).not.toBe(0);
    expect(r.output).toContain(bad);
    expect(r.output).toMatch(/date|sources/);
  });
});
