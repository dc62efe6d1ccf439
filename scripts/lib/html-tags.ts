/**
 * A small HTML tokenizer for checking built pages (links, ids, scripts, attributes) without a DOM:
 * start tags with decoded attributes, and the page's text. Comments, doctype and CDATA are skipped;
 * the contents of script/style are raw text and textarea/title are text, so markup inside them is not a tag.
 */

export interface HtmlTag {
  /** Lower-case element name. */
  name: string;
  /** Attribute name (lower-case) → decoded value ('' for a bare attribute). */
  attrs: Map<string, string>;
  /** For script, style, textarea and title: the element's raw contents. */
  raw?: string;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decode character references (numeric, and the few named ones Astro and Pagefind write). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[ref.toLowerCase()] ?? m;
  });
}

const RAW = new Set(['script', 'style', 'textarea', 'title']);
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/y;

/** Every start tag of `html`, in order, and its text content (entities decoded, raw-text elements left out). */
export function scanHtml(html: string): { tags: HtmlTag[]; text: string } {
  const tags: HtmlTag[] = [];
  let text = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      text += decodeEntities(html.slice(i));
      break;
    }
    text += decodeEntities(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith('<!', lt) || html.startsWith('<?', lt) || html.startsWith('</', lt)) {
      const end = html.indexOf('>', lt);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    const nameMatch = /^<([a-zA-Z][^\s/>]*)/.exec(html.slice(lt, lt + 64));
    if (!nameMatch?.[1]) {
      text += '<'; // a lone "<" is text
      i = lt + 1;
      continue;
    }
    const tag: HtmlTag = { name: nameMatch[1].toLowerCase(), attrs: new Map() };
    let j = lt + nameMatch[0].length;
    for (;;) {
      while (j < html.length && /[\s/]/.test(html[j] ?? '')) j++;
      if (j >= html.length || html[j] === '>') break;
      ATTR.lastIndex = j;
      const a = ATTR.exec(html);
      if (!a?.[1]) {
        j++;
        continue;
      }
      const name = a[1].toLowerCase();
      if (!tag.attrs.has(name)) tag.attrs.set(name, decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
      j = ATTR.lastIndex;
    }
    i = j + 1;
    if (RAW.has(tag.name)) {
      const close = new RegExp(`</${tag.name}`, 'ig');
      close.lastIndex = i;
      const end = close.exec(html)?.index ?? html.length;
      tag.raw = html.slice(i, end);
      if (tag.name === 'textarea' || tag.name === 'title') text += decodeEntities(tag.raw);
      i = end;
    }
    tags.push(tag);
  }
  return { tags, text };
}
