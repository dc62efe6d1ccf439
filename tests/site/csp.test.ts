import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cspHeader, cspMeta } from '../../src/lib/site/csp.ts';

describe('content security policy', () => {
  it('lets Pagefind run (WebAssembly, workers) and nothing from other origins', () => {
    const tokens = cspMeta().split(/[;\s]+/);
    expect(cspMeta()).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(cspMeta()).toContain("worker-src 'self' blob:");
    expect(tokens).not.toContain("'unsafe-eval'");
    expect(tokens.filter((t) => t === '*' || /^https?:/.test(t))).toEqual([]);
    expect(cspMeta()).not.toContain('frame-ancestors');
    expect(cspHeader()).toContain("frame-ancestors 'self'");
  });
  it('is the same policy in the headers file for hosts that read one', () => {
    expect(readFileSync('public/_headers', 'utf8')).toContain(`Content-Security-Policy: ${cspHeader()}\n`);
  });
});
