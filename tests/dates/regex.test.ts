import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allMatches } from '../../src/lib/dates/regex.ts';

/** Matches as comparable values: index, text and groups. */
const shape = (ms: Iterable<RegExpExecArray>) =>
  [...ms].map((m) => ({ index: m.index, all: [...m], groups: m.groups }));

describe('allMatches', () => {
  const patterns = [
    /\b(?=\d)/g, // empty matches only
    /x*/gu, // empty and non-empty, by code point
    /x*/g, // empty and non-empty, by code unit
    /(?<word>\p{L}+)|(?<digit>\d)/gu,
    /(?<![\p{L}\p{N}])(?:last|next)\s+week(?![\p{L}\p{N}])/giu,
  ];
  it('gives what matchAll gives, empty matches and astral characters included', () => {
    const text = fc.string({ unit: fc.constantFrom('x', 'a', '1', ' ', '😀', 'é', 'last week', 'Next  Week', '\n') });
    fc.assert(
      fc.property(text, fc.constantFrom(...patterns), (t, re) => {
        expect(shape(allMatches(re, t))).toEqual(shape(t.matchAll(re)));
      }),
    );
  });
  it('starts from the beginning whatever lastIndex was, and leaves it at 0', () => {
    const re = /a/g;
    re.lastIndex = 2;
    expect(allMatches(re, 'aaa').map((m) => m.index)).toEqual([0, 1, 2]);
    expect(re.lastIndex).toBe(0);
    expect(allMatches(re, 'bab').map((m) => m.index)).toEqual([1]);
  });
  it('refuses a regex without the g flag, as matchAll does', () => {
    expect(() => allMatches(/a/, 'a')).toThrow(TypeError);
  });
});
