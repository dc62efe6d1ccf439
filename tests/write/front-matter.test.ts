import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/lib/model.ts';
import { eventToMarkdown, parseEventFile } from '../../src/lib/write/front-matter.ts';

const base: TimelineEvent = {
  id: '2025-11-30-talks',
  title: 'Talks in Florida',
  date: '2025-11-30',
  precision: 'day',
  status: 'happened',
  actors: ['marco-rubio'],
  places: [],
  topics: ['peace-plan'],
  sources: [
    { source: 'a', quote: 'They met on Sunday.', paragraph: 2, sentence: 7, expression: 'on Sunday', rule: 'weekday' },
  ],
  summary: 'They met on Sunday, A reported.',
};

describe('event files', () => {
  it('round-trips the front matter', () => {
    const md = eventToMarkdown(base);
    expect(md.startsWith('---\nid: 2025-11-30-talks\n')).toBe(true);
    const fm = parseEventFile(md);
    expect(fm?.['date']).toBe('2025-11-30');
    expect(fm?.['sources']).toEqual([
      {
        source: 'a',
        paragraph: 2,
        sentence: 7,
        expression: 'on Sunday',
        rule: 'weekday',
        quote: 'They met on Sunday.',
      },
    ]);
  });

  it('writes a citation’s mergedFrom only when curation merged it', () => {
    const merged = { ...base.sources[0]!, sentence: 8, mergedFrom: '2025-11-29-old-talks-id' };
    const md = eventToMarkdown({ ...base, sources: [base.sources[0]!, merged] });
    expect(md.match(/mergedFrom/g)).toHaveLength(1);
    expect(md).toContain('    rule: weekday\n    mergedFrom: 2025-11-29-old-talks-id\n    quote:');
    expect(parseEventFile(md)?.['sources']).toEqual([base.sources[0], merged]);
  });

  it('keeps YAML-breaking and markup text inert', () => {
    const hostile = 'He said: "---" &anchor *alias </script><script>alert(1)</script> # not a heading';
    const md = eventToMarkdown({
      ...base,
      title: hostile,
      sources: [{ ...base.sources[0]!, quote: hostile }],
      summary: `*${hostile}*\n\n---`,
    });
    const fm = parseEventFile(md);
    expect(fm?.['title']).toBe(hostile);
    const sources = fm?.['sources'] as Array<{ quote: string }>;
    expect(sources[0]?.quote).toBe(hostile);
    // The body is escaped Markdown: no emphasis, no thematic break, no raw HTML survive as markup.
    const body = md.slice(md.indexOf('\n---\n', 4) + 5);
    expect(body).not.toMatch(/^---$/m);
    expect(body).toContain('\\*');
    const tree = unified().use(remarkParse).parse(body);
    const types = new Set<string>();
    visit(tree, (node) => {
      types.add(node.type);
    });
    expect([...types].sort()).toEqual(['paragraph', 'root', 'text']);
  });

  it('omits optional fields that are absent and writes the end of a range', () => {
    const md = eventToMarkdown({ ...base, date: '2025-11-24', end: '2025-11-30', precision: 'week' });
    const fm = parseEventFile(md);
    expect(fm?.['end']).toBe('2025-11-30');
    expect(fm).not.toHaveProperty('modifier');
    expect(fm).not.toHaveProperty('background');
  });

  it('is deterministic', () => {
    expect(eventToMarkdown(base)).toBe(eventToMarkdown(structuredClone(base)));
  });
});

describe('dates in front matter', () => {
  it('are quoted, so YAML 1.1 readers keep them as strings', () => {
    const md = eventToMarkdown({ ...base, date: '2025-11-24', end: '2025-11-30', precision: 'week' });
    expect(md).toContain("date: '2025-11-24'");
    expect(md).toContain("end: '2025-11-30'");
  });
});
