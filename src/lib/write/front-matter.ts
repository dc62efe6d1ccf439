/**
 * The event file format: YAML front matter (the contract in src/content.config.ts) and a Markdown summary.
 * Written through remark and the `yaml` library, never by string concatenation, so any text an article
 * contains ("---", ": ", "*alias", "<script>") stays inert data.
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import YAML from 'yaml';
import type { Root } from 'mdast';
import type { Citation, TimelineEvent } from '../model.ts';

/** The front matter of one event file, in the order fields are written. */
export function eventFrontMatter(event: TimelineEvent): Record<string, unknown> {
  const fm: Record<string, unknown> = { id: event.id, title: event.title, date: event.date };
  if (event.end !== undefined && event.end !== event.date) fm['end'] = event.end;
  fm['precision'] = event.precision;
  if (event.modifier !== undefined) fm['modifier'] = event.modifier;
  fm['status'] = event.status;
  if (event.background === true) fm['background'] = true;
  fm['actors'] = event.actors;
  fm['places'] = event.places;
  fm['topics'] = event.topics;
  fm['sources'] = event.sources.map(citationFrontMatter);
  return fm;
}

function citationFrontMatter(c: Citation): Record<string, unknown> {
  const out: Record<string, unknown> = { source: c.source, paragraph: c.paragraph, sentence: c.sentence };
  if (c.expression !== undefined) out['expression'] = c.expression;
  out['rule'] = c.rule;
  if (c.mergedFrom !== undefined) out['mergedFrom'] = c.mergedFrom;
  out['quote'] = c.quote;
  return out;
}

const processor = unified().use(remarkStringify, { bullet: '-', emphasis: '_' }).use(remarkFrontmatter, ['yaml']);

/** Serialise an event to its Markdown file: YAML front matter, then the summary as plain paragraphs. */
export function eventToMarkdown(event: TimelineEvent): string {
  const doc = new YAML.Document(eventFrontMatter(event));
  // Quote date-like strings: YAML 1.1 readers (Astro's among them) would otherwise turn them into timestamps.
  YAML.visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return;
      if (/^\d{4}-\d{2}(-\d{2})?$/.test(node.value)) node.type = 'QUOTE_SINGLE';
      // Leading or trailing white space (NEL and line separators included) survives only inside double quotes.
      else if (/^[\s\u0085]|[\s\u0085]$/u.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  // No block scalars: a kept trailing newline ("|+") at the end of the front matter would not survive the fence.
  const yaml = doc.toString({ lineWidth: 0, blockQuote: false }).trimEnd();
  const paragraphs = event.summary
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  // Text nodes, not parsed Markdown: remark-stringify escapes what would otherwise be markup.
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'yaml', value: yaml },
      ...paragraphs.map((p) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, value: p }] })),
    ],
  };
  return processor.stringify(tree);
}

const reader = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** Read the front matter of an event file back (for stable ids across re-ingests). */
export function parseEventFile(markdown: string): Record<string, unknown> | undefined {
  const tree = reader.parse(markdown);
  const node = tree.children[0];
  if (node?.type !== 'yaml') return undefined;
  const data: unknown = YAML.parse(node.value);
  return data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
}
