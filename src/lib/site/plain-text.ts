/** Markdown summary → plain text (for feeds, exports, meta descriptions): escapes undone, no markup. */
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
