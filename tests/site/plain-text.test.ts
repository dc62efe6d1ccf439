import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import { htmlText, plainText } from '../../src/lib/site/plain-text.ts';
import { eventToMarkdown } from '../../src/lib/write/front-matter.ts';
import { timelineEvent } from '../fixtures/events/build.ts';

describe('htmlText', () => {
  it('drops tags, joins blocks with a space and decodes character references', () => {
    expect(htmlText('<p>A &lt;b&gt; &amp; <em>x</em>y &#x26; &#38; &quot;q&quot;</p>\n<p>Second.</p>\n')).toBe(
      'A <b> & xy & & "q" Second.',
    );
  });
  it('leaves what is not a reference as written', () => {
    expect(htmlText('<p>&unknown; &#0; & a;</p>')).toBe('&unknown; &#0; & a;');
  });

  it('matches the site: astro.config.mjs renders event Markdown as CommonMark (no GFM, no smart punctuation)', () => {
    const processor = config.markdown?.processor as { options?: unknown } | undefined;
    expect(processor?.options).toMatchObject({ features: { gfm: false, smartPunctuation: false } });
  });

  // Astro renders the events' Markdown with Sätteri, configured as in astro.config.mjs (CommonMark: no GFM, no
  // smart punctuation): the text of that HTML must be the text of the Markdown the ingest wrote. Quotes are
  // sentences, so no line breaks inside a paragraph. With GFM on, `~a~` would be struck through and a `|` line a table.
  it('property: gives the text plainText gives for the Markdown the ingest writes', async () => {
    const renderer = await createSatteriMarkdownProcessor({ features: { gfm: false, smartPunctuation: false } });
    const body = (summary: string) =>
      eventToMarkdown(timelineEvent({ id: 'e', title: 't', sources: [], summary })).replace(
        /^---\n[\s\S]*?\n---\n/,
        '',
      );
    const text = fc.string({ unit: fc.constantFrom(...'ab &<>"\'*_`#[]()!\\-.:1\t;x/|=+~'.split('')) });
    const summary = fc.oneof(
      text,
      fc.string({ unit: 'grapheme', maxLength: 40 }).filter((t) => !/[\n\r]/.test(t)),
      fc.constant('Reuters: “Talks & <b>x</b>”'),
      fc.constant('He said ~maybe~ and ~~no~~ -- see www.example.com or https://example.org/a_b_c | a | b |'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(summary, { minLength: 1, maxLength: 3 }), async (paragraphs) => {
        const md = body(paragraphs.join('\n\n'));
        const { code } = await renderer.render(md, {});
        expect(htmlText(code)).toBe(plainText(md));
      }),
      { numRuns: 500 },
    );
  });
});
