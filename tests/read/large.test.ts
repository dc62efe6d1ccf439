import { describe, expect, it } from 'vitest';
import { parseSourceFile, readDocument } from '../../src/lib/read/index.ts';
import { expectCovered } from './invariants.ts';

describe('a 5 MB article', () => {
  it('is read completely and correctly', () => {
    const paragraphs: string[] = [];
    let size = 0;
    for (let i = 0; size < 5_000_000; i++) {
      const p =
        `Paragraph ${i} opens here. Officials met in Hallandale Beach, Fla. U.S. officials said round ${i} went well. ` +
        `Mr. Smith spoke with President Vladimir V. Putin on Nov. 30 at 6 p.m. The U.S. Treasury joined, and the envoy said “talks will go on.”`;
      paragraphs.push(p);
      size += p.length + 2;
    }
    const text = `---\npublished: '2025-11-30'\n---\nA Headline For The Big Test\n\n${paragraphs.join('\n\n')}\n\nComments\n`;
    const doc = readDocument(parseSourceFile('big.txt', new TextEncoder().encode(text)));
    expect(doc.body.length).toBeGreaterThan(5_000_000);
    expect(doc.paragraphs).toHaveLength(paragraphs.length);
    expect(doc.sentences).toHaveLength(paragraphs.length * 5);
    expect(doc.sentences[1]?.text).toBe('Officials met in Hallandale Beach, Fla.');
    expect(doc.sentences[2]?.text).toBe('U.S. officials said round 0 went well.');
    expect(doc.sentences.at(-1)?.text).toBe('The U.S. Treasury joined, and the envoy said “talks will go on.”');
    for (const s of doc.sentences)
      if (s.text !== doc.body.slice(s.start, s.end)) throw new Error(`not verbatim at ${s.start}`);
    expect(doc.removed.map((r) => r.reason)).toEqual(['headline', 'comments']);
    expectCovered(doc);
  });
});
