import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleFile } from '../../src/integrations/pagefind.ts';

describe('serving the last built index in astro dev', () => {
  const bundle = join(mkdtempSync(join(tmpdir(), 'pf-')), 'pagefind');
  mkdirSync(join(bundle, 'index'), { recursive: true });
  writeFileSync(join(bundle, 'pagefind.js'), '//');
  writeFileSync(join(bundle, 'index', 'en_1.pf_index'), 'x');
  it('maps /pagefind/ requests to files of the bundle', () => {
    expect(bundleFile(bundle, '/pagefind/pagefind.js?ts=1')).toBe(join(bundle, 'pagefind.js'));
    expect(bundleFile(bundle, '/pagefind/index/en_1.pf_index')).toBe(join(bundle, 'index', 'en_1.pf_index'));
  });
  it('never leaves the bundle, and passes on what it does not have', () => {
    expect(bundleFile(bundle, '/pagefind/../../etc/passwd')).toBeUndefined();
    expect(bundleFile(bundle, '/pagefind/%2e%2e/secret')).toBeUndefined();
    expect(bundleFile(bundle, '/pagefind/missing.js')).toBeUndefined();
    expect(bundleFile(bundle, '/pagefind/index')).toBeUndefined();
  });
});
