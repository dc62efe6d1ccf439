import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/lib/read/sentences.ts';

const split = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe('splitSentences: abbreviation-aware pass', () => {
  it('ends a sentence after a state abbreviation before a capitalised word', () => {
    expect(split('They met in Hallandale Beach, Fla. U.S. officials said it went well.')).toEqual([
      'They met in Hallandale Beach, Fla.',
      'U.S. officials said it went well.',
    ]);
    expect(split('at his home in Miami Beach, Fla. Trump has renewed his drive.')).toEqual([
      'at his home in Miami Beach, Fla.',
      'Trump has renewed his drive.',
    ]);
  });
  it('does not break a state abbreviation before a dash or comma', () => {
    expect(split('HALLANDALE BEACH, Fla.—U.S. and Ukrainian negotiators met.')).toHaveLength(1);
    expect(split('They landed in Tampa, Fla., on Sunday.')).toHaveLength(1);
  });
  it('keeps titles with the name that follows', () => {
    expect(split('Mr. Smith met Sec. Marco Rubio and Gen. Jones. Dr. Ruiz left.')).toEqual([
      'Mr. Smith met Sec. Marco Rubio and Gen. Jones.',
      'Dr. Ruiz left.',
    ]);
  });
  it('keeps initials inside names', () => {
    expect(split('President Vladimir V. Putin spoke. Thomas L. Friedman wrote.')).toEqual([
      'President Vladimir V. Putin spoke.',
      'Thomas L. Friedman wrote.',
    ]);
  });
  it('keeps a month abbreviation with its day', () => {
    expect(split('Talks resume on Nov. 30 in Geneva. Then Sept. 11 comes.')).toEqual([
      'Talks resume on Nov. 30 in Geneva.',
      'Then Sept. 11 comes.',
    ]);
  });
  it('ends "U.S." and "p.m." sentences only before a typical sentence starter', () => {
    expect(split('They met the U.S. Treasury team. It went well.')).toEqual([
      'They met the U.S. Treasury team.',
      'It went well.',
    ]);
    expect(split('The talks ended with the U.S. The next round is in May.')).toEqual([
      'The talks ended with the U.S.',
      'The next round is in May.',
    ]);
    expect(split('The call ended at 6 p.m. The leaders then left.')).toEqual([
      'The call ended at 6 p.m.',
      'The leaders then left.',
    ]);
    expect(split('At 9 a.m. Moscow time the call began.')).toHaveLength(1);
  });
  it('does not break at a hand-wrapped line end', () => {
    expect(split('The draft would set new\nlimits on fishing. It passed.')).toEqual([
      'The draft would set new\nlimits on fishing.',
      'It passed.',
    ]);
  });
  it('keeps zero-width characters and right-to-left text inside sentences', () => {
    const t = 'The sign read "שלום" and "سلام". A zero\u200Bwidth space and co\u200Coperate stay.';
    expect(split(t)).toEqual(['The sign read "שלום" and "سلام".', 'A zero\u200Bwidth space and co\u200Coperate stay.']);
  });
  it('covers every non-whitespace character with trimmed sentences (property)', () => {
    const word = fc.constantFrom(
      'U.S.',
      'Fla.',
      'Mr.',
      'Nov.',
      '30',
      'p.m.',
      'The',
      'talks',
      'V.',
      'ended.',
      '“Yes,”',
      'he',
      'said.',
      '—',
      '\n',
      'שלום',
      '🎉',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), (words) => {
        const text = words.join(' ');
        const spans = splitSentences(text);
        let covered = '';
        let last = 0;
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          const piece = text.slice(s.start, s.end);
          expect(piece).toBe(piece.trim());
          covered += piece;
          last = s.end;
        }
        expect(covered.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
    );
  });
});
