import { describe, expect, it } from 'vitest';
import { summarise } from '../../src/lib/events/summary.ts';
import type { Citation } from '../../src/lib/model.ts';

const cite = (source: string, quote: string, rule = 'weekday'): Citation => ({
  source,
  quote,
  paragraph: 0,
  sentence: 0,
  rule,
});
const names = new Map([
  ['a', 'Alpha'],
  ['b', 'Beta'],
]);

describe('summarise', () => {
  it('quotes one sentence per source, at most three, dating citations first by default', () => {
    const text = summarise(
      [cite('a', 'Context.', 'context:previous-sentence'), cite('a', 'Dated.'), cite('b', 'Other.')],
      names,
    );
    expect(text).toBe('Alpha: “Dated.”\n\nBeta: “Other.”');
  });
  it('follows a given preference, keeping the given order among equals', () => {
    const caption = cite('a', 'Caption.');
    const prose = cite('a', 'Prose.');
    const text = summarise([caption, prose, cite('b', 'Other.')], names, (c) => (c === caption ? 2 : 1));
    expect(text).toBe('Alpha: “Prose.”\n\nBeta: “Other.”');
  });
});
