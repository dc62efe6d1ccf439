/**
 * Search is the only script, and it loads when used: this stub (a few hundred bytes) listens for the header's
 * Search link, "/" and Ctrl/Cmd+K, and only then loads Pagefind's Component UI and opens its modal.
 * It also loads Pagefind's highlighter on pages reached from a search result (?pagefind-highlight=…).
 */
const base = document.documentElement.dataset['base'] ?? '/';
const bundle = `${base}pagefind/`;
let loading: Promise<HTMLElement> | undefined;

interface ModalElement extends HTMLElement {
  open(): void;
}

function loadModal(): Promise<HTMLElement> {
  loading ??= (async () => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    // Pagefind's Component UI styles, trimmed to the modal's parts at build time (src/integrations/pagefind.ts).
    css.href = `${bundle}pagefind-modal.css`;
    document.head.append(css);
    const config = document.createElement('pagefind-config');
    config.setAttribute('bundle-path', bundle);
    config.setAttribute('highlight-param', 'pagefind-highlight');
    // Start loading the index as the modal opens, so the first query only waits for the search itself;
    // no worker: for an index this size it saves a 12 KB download and costs nothing noticeable.
    config.setAttribute('preload', '');
    config.setAttribute('no-worker', '');
    const modal = document.createElement('pagefind-modal');
    modal.setAttribute('reset-on-close', 'false');
    // The modal's own parts, so the input searches as it is typed in (its default waits 300 ms; Pagefind drops stale searches).
    modal.innerHTML =
      '<pagefind-modal-header><pagefind-input debounce="1"></pagefind-input></pagefind-modal-header>' +
      '<pagefind-modal-body><pagefind-summary></pagefind-summary><pagefind-results></pagefind-results></pagefind-modal-body>' +
      '<pagefind-modal-footer><pagefind-keyboard-hints></pagefind-keyboard-hints></pagefind-modal-footer>';
    document.body.append(config, modal);
    await import(/* @vite-ignore */ `${bundle}pagefind-component-ui.js`);
    await customElements.whenDefined('pagefind-modal');
    return modal;
  })();
  return loading;
}

async function openSearch(): Promise<void> {
  const modal = (await loadModal()) as ModalElement;
  modal.open();
}

function typingInField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

document.querySelector('#search-open')?.addEventListener('click', (event) => {
  const e = event as MouseEvent;
  if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return; // let "open in new tab" work
  e.preventDefault();
  void openSearch();
});

document.addEventListener('keydown', (e) => {
  if (e.defaultPrevented || typingInField(e.target)) return;
  const k = e.key.toLowerCase();
  if ((k === '/' && !e.ctrlKey && !e.metaKey && !e.altKey) || (k === 'k' && (e.ctrlKey || e.metaKey))) {
    e.preventDefault();
    void openSearch();
  }
});

const highlight = new URLSearchParams(location.search).get('pagefind-highlight');
if (highlight) {
  void (async () => {
    const mod = (await import(/* @vite-ignore */ `${bundle}pagefind-highlight.js`)) as {
      default?: new (o: Record<string, unknown>) => unknown;
    };
    const Highlight =
      mod.default ??
      (window as unknown as { PagefindHighlight?: new (o: Record<string, unknown>) => unknown }).PagefindHighlight;
    if (Highlight) new Highlight({ highlightParam: 'pagefind-highlight', markContext: '#main', addStyles: false });
  })();
}
