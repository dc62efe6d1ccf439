import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/lib/model.ts';
import { InputError } from '../../src/lib/errors.ts';
import { parseSourceFile, readDocument } from '../../src/lib/read/index.ts';
import { expectWellFormed, texts } from './invariants.ts';

const DIR = 'tests/fixtures/read';

function read(name: string): Document {
  const path = `${DIR}/${name}.txt`;
  const doc = readDocument(parseSourceFile(path, readFileSync(path)));
  expectWellFormed(doc);
  return doc;
}
const removed = (doc: Document) => doc.removed.map((r) => [r.reason, r.text]);

describe('reader on written fixtures', () => {
  it('an article with no furniture keeps everything', () => {
    const doc = read('no-furniture');
    expect(doc.removed).toEqual([]);
    expect(doc.headline).toBeUndefined();
    expect(doc.paragraphs).toHaveLength(3);
    expect(texts(doc)).toEqual([
      'The city council approved the new budget on Monday after a long debate.',
      'Council members said the plan adds money for schools.',
      'Dr. Ana Ruiz, who chairs the finance committee, called it "a fair compromise."',
      'The vote was 7 to 2.',
      'The mayor is expected to sign it this week.',
    ]);
  });

  it('other share bars and comment systems', () => {
    const doc = read('share-and-comments');
    expect(doc.headline).toBe('Harbor Bridge Reopens After Two-Year Repair');
    expect(doc.publishedDate).toBe('2024-03-15');
    expect(removed(doc)).toEqual([
      ['syndication', 'Home'],
      ['headline', 'Harbor Bridge Reopens After Two-Year Repair'],
      ['share-bar', 'Share | Tweet | WhatsApp | Print'],
      ['byline', 'By Marie Curie, Le Petit Journal'],
      ['share-bar', 'Share'],
      ['share-bar', 'Facebook'],
      ['share-bar', 'LinkedIn'],
      ['comments', '12 Comments'],
      ['comments', 'Leave a Reply'],
      ['comments', 'Join the conversation'],
      ['comments', 'Comments are closed.'],
    ]);
    expect(texts(doc)).toHaveLength(3);
  });

  it('missing published: the dateline is used, with a warning', () => {
    const doc = read('missing-published');
    expect(doc.source.published).toBe('2025-11-30');
    expect(doc.publishedDate).toBe('2025-11-30');
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]).toContain('published');
    expect(removed(doc)).toContainEqual(['dateline', 'Published: 30 November 2025 14:05 GMT']);
  });

  it('a dateline that disagrees with published by more than a day is a warning', () => {
    const doc = read('dateline-disagrees');
    expect(doc.publishedDate).toBe('2025-01-01');
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]).toContain('2024-03-03');
  });

  it('teasers after the article end: outlet, dateline, year inference, truncation', () => {
    const doc = read('teasers');
    const teasers = doc.segments.filter((s) => s.kind === 'teaser');
    expect(teasers.map((t) => [t.outlet, t.referenceDate, t.referenceRule])).toEqual([
      ['Reuters', '2024-01-05', 'dateline'],
      ['The Guardian', '2024-05-31', 'dateline-no-year+weekday'],
      [undefined, '2024-06-14', 'published'],
    ]);
    expect(removed(doc)).toContainEqual(['contact', 'Write to Sam Lee at sam.lee@example.com']);
    expect(removed(doc)).toContainEqual(['byline', 'By Ana Gomez']);
    expect(removed(doc)).toContainEqual(['byline', 'Opinion by Tom Brown ,']);
    expect(texts(doc)).toContain('On Friday, union leaders met in London.');
    // The article's own paragraphs stay in the article.
    expect(doc.segments[0]?.kind).toBe('article');
    expect(doc.segments[0]?.paragraphs).toHaveLength(2);
  });

  it('a pasted post: author, date, links and signature removed, emoji kept', () => {
    const doc = read('pasted-post');
    const posts = doc.segments.filter((s) => s.kind === 'post');
    expect(posts.map((p) => [p.author, p.referenceDate])).toEqual([
      ['Jane Doe (@janedoe)', '2024-03-03'],
      ['Local News Desk (@localdesk)', '2024-03-03'],
    ]);
    expect(texts(doc)).toContain('Proud to announce our new riverside park 🌳🎉 Opening this spring for everyone!');
    expect(removed(doc)).toContainEqual(['link-label', 'pic.twitter.com/AbC123xyz']);
    expect(removed(doc)).toContainEqual(['link-label', 'https://t.co/XyZ987']);
  });

  it('captions with bracketed, glued and labelled credits', () => {
    const doc = read('captions');
    expect(removed(doc)).toEqual([
      ['credit', '(Ivan Petrenko/AP)'],
      ['credit', 'EPA-EFE/SERGEY KOZLOV'],
      ['credit', 'Photograph: Olena Shevchenko/Reuters'],
    ]);
    const captions = doc.segments.filter((s) => s.kind === 'caption');
    expect(captions).toHaveLength(3);
    expect(captions.every((c) => c.referenceDate === '2025-02-10')).toBe(true);
    expect(texts(doc)).toContain('The regional governor said repairs would begin on Monday.');
    // The caption's printed date is a dateline for the check, a day off: no warning.
    expect(doc.warnings).toEqual([]);
  });

  it('a place dateline, byline, agency credit line and copyright', () => {
    const doc = read('place-dateline');
    expect(removed(doc)).toEqual([
      ['headline', 'Leaders Meet in Rome on Reconstruction'],
      ['byline', 'By Jane Roe'],
      ['dateline', 'ROME, July 8 (Reuters) —'],
      ['byline', 'Reporting by Jane Roe; Editing by John Smith'],
      ['copyright', 'Copyright 2025 Example News Agency. All rights reserved.'],
    ]);
    expect(texts(doc)[0]).toBe('European leaders met in Rome on Tuesday to discuss rebuilding Ukraine.');
    expect(texts(doc)).toContain('The U.S. delegation was led by Sec. Maria Lopez.');
  });

  it('a summary box, a signature with dateline and a link label', () => {
    const doc = read('summary-box');
    const summary = doc.segments.find((s) => s.kind === 'summary');
    expect(
      summary?.paragraphs.flatMap((p) => doc.paragraphs[p]?.sentences ?? []).map((i) => doc.sentences[i]?.text),
    ).toEqual(['The council approved 12 new routes.', 'Fares will stay the same.', 'Service starts in March.']);
    expect(removed(doc)).toContainEqual(['signature', 'Jane Roe']);
    expect(removed(doc)).toContainEqual(['dateline', 'Mon, 12/01/2025 - 09:15']);
    expect(removed(doc)).toContainEqual(['link-label', 'Continue reading']);
  });

  it('hand-wrapped lines join into paragraphs and sentences', () => {
    const doc = read('hard-wrapped');
    expect(doc.headline).toBeUndefined();
    expect(doc.paragraphs).toHaveLength(2);
    expect(texts(doc)[0]).toBe(
      'The committee met for six hours on Friday and agreed on a draft text that\nwould set new limits on fishing in the northern waters, according to two\npeople familiar with the talks.',
    );
    expect(texts(doc)).toHaveLength(3);
  });

  it('abbreviation hard cases in running text', () => {
    expect(texts(read('abbreviations'))).toEqual([
      'Officials met in Hallandale Beach, Fla.',
      'U.S. officials said the talks went well.',
      'The meeting lasted until 6 p.m.',
      'The next round is set for Dec. 4 in Geneva.',
      'Mr. Smith and Gen. Jones spoke with President Vladimir V. Putin by phone.',
      'Thomas L. Friedman wrote about it.',
      'The call was at 9 a.m. on Nov. 30.',
      'The envoy flew from Miami Beach, Fla.',
      'Trump later praised the result.',
      'Delegates arrived in Tampa, Fla., on Sunday and left Orlando, Fla.—U.S. and Ukrainian teams stayed behind.',
    ]);
  });

  it('right-to-left text and zero-width characters survive', () => {
    const all = texts(read('rtl-zero-width')).join(' ');
    expect(all).toContain('"שלום"');
    expect(all).toContain('"سلام"');
    expect(all).toContain('co\u200Coperate');
    expect(all).toContain('zero\u200Bwidth');
  });

  it('CRLF line ends and a byte-order mark are normalised; offsets point into the normalised body', () => {
    const doc = read('crlf-bom');
    expect(doc.body.includes('\r')).toBe(false);
    expect(doc.body.charCodeAt(0)).not.toBe(0xfeff);
    expect(texts(doc)).toEqual([
      'The river flooded the lower town on Tuesday.',
      'Water reached the second floor of some houses.',
      'Residents were evacuated.',
    ]);
  });

  it('a file of only furniture fails with an error naming the file', () => {
    const path = `${DIR}/only-furniture.txt`;
    const source = parseSourceFile(path, readFileSync(path));
    expect(() => readDocument(source)).toThrow(InputError);
    try {
      readDocument(source);
    } catch (e) {
      expect((e as InputError).toLine()).toMatch(/^tests\/fixtures\/read\/only-furniture\.txt:4: no prose left/);
    }
  });
});
