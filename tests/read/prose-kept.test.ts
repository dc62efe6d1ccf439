import { describe, expect, it } from 'vitest';
import { parseSourceFile, readDocument } from '../../src/lib/read/index.ts';
import { expectWellFormed, texts } from './invariants.ts';

function read(body: string) {
  const doc = readDocument(
    parseSourceFile('inline.txt', new TextEncoder().encode(`---\npublished: '2025-11-30'\n---\n${body}`)),
  );
  expectWellFormed(doc);
  return doc;
}

describe('rules never take prose that only looks like furniture', () => {
  it('keeps a sentence starting with "By" and words that are also share buttons', () => {
    const doc = read('By Sunday, the talks had stalled.\n\nThe X factor was Russia. Email traffic rose.\n');
    expect(doc.removed).toEqual([]);
    expect(texts(doc)).toEqual([
      'By Sunday, the talks had stalled.',
      'The X factor was Russia.',
      'Email traffic rose.',
    ]);
  });
  it('keeps a prose mention of another outlet and date before the article ends', () => {
    const doc = read('The New York Times , March 18 reported the swap first. Officials confirmed it.\n');
    expect(doc.segments.map((s) => s.kind)).toEqual(['article']);
    expect(texts(doc)).toHaveLength(2);
  });
  it('keeps "U.S.–Ukraine" at a paragraph start (not a place dateline)', () => {
    const doc = read('U.S.–Ukraine talks resumed on Monday in Geneva.\n');
    expect(doc.removed).toEqual([]);
  });
  it('does not join lines that end sentences, and keeps a repeated short line', () => {
    const doc = read('Yes.\nYes.\n');
    expect(texts(doc)).toEqual(['Yes.', 'Yes.']);
  });
});
