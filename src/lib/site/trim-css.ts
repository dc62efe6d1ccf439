/**
 * Pagefind's Component UI stylesheet styles every component it ships; the site uses only the modal, its input,
 * summary, results and keyboard hints. Dropping the rules of the others (and comments) makes the first search
 * several KB lighter. A rule is dropped only when every one of its selectors names an unused component.
 */
import postcss from 'postcss';
import type { Root } from 'postcss';

/** Class-name prefixes of the Component UI parts this site never renders. */
export const UNUSED_COMPONENT_CLASSES = ['pf-filter', 'pf-dropdown', 'pf-searchbox', 'pf-checkbox', 'pf-trigger'];
/** Element names of the same parts. */
export const UNUSED_COMPONENT_ELEMENTS = [
  'pagefind-filter-pane',
  'pagefind-filter-dropdown',
  'pagefind-searchbox',
  'pagefind-modal-trigger',
];

function selectorIsUnused(selector: string): boolean {
  const classes = [...selector.matchAll(/\.(pf-[\w-]+)/g)].map((m) => m[1] ?? '');
  const elements = [...selector.matchAll(/(?<![\w.#-])(pagefind-[\w-]+)/g)].map((m) => m[1] ?? '');
  const named = [...classes, ...elements];
  if (named.length === 0) return false;
  // Unused when any part it names belongs to a component the site does not render.
  return (
    classes.some((c) => UNUSED_COMPONENT_CLASSES.some((p) => c === p || c.startsWith(`${p}-`))) ||
    elements.some((e) => UNUSED_COMPONENT_ELEMENTS.includes(e))
  );
}

/** The stylesheet without comments and without the rules of unused components. */
export function trimComponentCss(css: string): string {
  const root: Root = postcss.parse(css);
  root.walkComments((c) => {
    c.remove();
  });
  root.walkRules((rule) => {
    const kept = rule.selectors.filter((s) => !selectorIsUnused(s));
    if (kept.length === 0) rule.remove();
    else if (kept.length < rule.selectors.length) rule.selectors = kept;
  });
  root.walkAtRules((at) => {
    if (at.nodes !== undefined && at.nodes.length === 0) at.remove();
  });
  return root.toString();
}
