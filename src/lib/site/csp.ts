/**
 * The Content Security Policy: scripts only from this site (Pagefind needs WebAssembly compilation),
 * nothing from elsewhere. Styles may be inline because Astro inlines the page's small stylesheet.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['worker-src', "'self' blob:"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['font-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

/** The policy for a <meta http-equiv> tag (which cannot carry frame-ancestors). */
export function cspMeta(): string {
  return CSP_DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');
}

/** The policy for an HTTP header, where frame-ancestors also applies. */
export function cspHeader(): string {
  return `${cspMeta()}; frame-ancestors 'self'`;
}
