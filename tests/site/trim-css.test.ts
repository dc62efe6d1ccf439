import { describe, expect, it } from 'vitest';
import { trimComponentCss } from '../../src/lib/site/trim-css.ts';

const css = `/* a comment */
:root { --pf-text: #111; }
.pf-modal { border: 0; }
.pf-filter-group, .pf-results { gap: 1px; }
.pf-dropdown-option:hover { color: red; }
pagefind-filter-pane { display: block; }
@media (max-width: 640px) { .pf-searchbox-input { width: 1px; } }
@media (forced-colors: active) { .pf-modal { outline: 1px solid; } .pf-trigger-btn { outline: 0; } }
`;

describe('trimComponentCss', () => {
  const out = trimComponentCss(css);
  it('keeps the rules of the components the site renders, and the variables', () => {
    expect(out).toContain(':root { --pf-text: #111; }');
    expect(out).toContain('.pf-modal { border: 0; }');
    expect(out).toContain('.pf-results { gap: 1px; }');
    expect(out).toContain('@media (forced-colors: active) { .pf-modal { outline: 1px solid; }');
  });
  it('drops unused components, comments and emptied media blocks', () => {
    for (const gone of [
      'comment',
      'pf-filter-group',
      'pf-dropdown',
      'pagefind-filter-pane',
      'max-width: 640px',
      'pf-trigger',
    ])
      expect(out).not.toContain(gone);
  });
});
