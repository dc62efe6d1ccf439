/**
 * A summary as plain text (for feeds, exports, meta descriptions): escapes undone, no markup. From the Markdown
 * (`plainText`), or from the HTML Astro rendered it to when the collection is loaded (`htmlText`): the event
 * collection keeps only that HTML (`retainBody: false`), so pages need no Markdown parser.
 */
import { toString as mdastText } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse);

/** The text a reader sees, paragraphs joined by a space. */
export function plainText(markdown: string): string {
  const tree = parser.parse(markdown);
  return tree.children
    .map((node) => mdastText(node))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** One character reference, decoded (unknown names stay as written). */
function decodeReference(ref: string, body: string): string {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ref;
  }
  return NAMED[body] ?? ref;
}

/**
 * The text of rendered Markdown, as `plainText` gives it for the Markdown itself: tags dropped (blocks are
 * separated by the renderer's newlines), character references decoded, white space collapsed.
 */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);/g, decodeReference)
    .replace(/\s+/g, ' ')
    .trim();
}
