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

/** What the header searches, from its entry module (modalEntry in src/integrations/pagefind.ts); null: everything. */
interface Scope {
  label: string;
}

/**
 * On a site too large for the header to load its whole index, it searches the latest months only, and says so
 * in one line, with a link that runs the same query on /search/ (which searches everything).
 */
function scopeNotice(modal: HTMLElement, scope: Scope): void {
  const line = document.createElement('p');
  line.id = 'search-scope';
  line.className = 'pf-summary search-scope';
  const link = document.createElement('a');
  link.textContent = 'Search the whole archive →';
  const follow = (q: string) => {
    link.href = `${base}search/${q.trim() ? `?${new URLSearchParams({ q: q.trim() })}` : ''}`;
  };
  follow('');
  line.append(`Searching ${scope.label} · `, link);
  modal.querySelector('pagefind-modal-body')?.prepend(line);
  const input = modal.querySelector<HTMLInputElement>('pagefind-input input');
  modal.addEventListener('input', () => follow(input?.value ?? ''));
  link.addEventListener('click', () => follow(input?.value ?? '')); // also after "Clear", which fires no input event
  // Read with the search field, so a screen reader hears the scope where the query is typed.
  const hints = input?.getAttribute('aria-describedby');
  input?.setAttribute('aria-describedby', hints ? `${hints} ${line.id}` : line.id);
}

function loadModal(): Promise<HTMLElement> {
  loading ??= (async () => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    // Pagefind's Component UI styles, trimmed to the modal's parts at build time (src/integrations/pagefind.ts).
    css.href = `${bundle}pagefind-modal.css`;
    document.head.append(css);
    const config = document.createElement('pagefind-config');
    // Pagefind's API minus the filter indexes the modal never shows, from the recent bundle on a large site
    // (modalEntry in src/integrations/pagefind.ts).
    config.setAttribute('bundle-path', `${bundle}modal/`);
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
    // The Component UI imports the same entry module (one fetch, one instance); the scope is read from it here.
    const [entry] = await Promise.all([
      import(/* @vite-ignore */ `${bundle}modal/pagefind.js`) as Promise<{ scope?: Scope | null }>,
      import(/* @vite-ignore */ `${bundle}pagefind-component-ui.js`),
    ]);
    await customElements.whenDefined('pagefind-modal');
    if (entry.scope) scopeNotice(modal, entry.scope);
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
