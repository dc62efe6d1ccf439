import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/lib/model.ts';
import { parseSourceFile, readDocument } from '../../src/lib/read/index.ts';
import { expectWellFormed, texts } from './invariants.ts';

function read(id: string): Document {
  const path = `content/sources/${id}.txt`;
  return readDocument(parseSourceFile(path, readFileSync(path)));
}

const SEEDS = [
  'wsj-2025-11-30',
  'zerohedge-2025-11-30',
  'bloomberg-2025-12-22',
  'envoys-head-to-russia-2025-12-01',
  'review-2025-12-01',
];
const SHARE_WORDS = ['Get link', 'Facebook', 'X', 'Pinterest', 'Email', 'Other Apps'];
const FURNITURE = [
  'Post a Comment',
  'Disqus',
  'Write to',
  '©',
  'Read More',
  'pic.twitter.com',
  'CHANDAN KHANNA',
  'Getty Images',
  'Quick Summary',
];

describe('seed articles', () => {
  for (const id of SEEDS) {
    it(`${id}: well formed, verbatim, no furniture left`, () => {
      const doc = read(id);
      expectWellFormed(doc);
      for (const s of doc.sentences) {
        for (const f of FURNITURE) expect(s.text, f).not.toContain(f);
        expect(s.text).not.toMatch(/^T1$/);
        for (const line of s.text.split('\n')) expect(SHARE_WORDS).not.toContain(line.trim());
        expect(s.text).not.toBe('Comments');
      }
      expect(doc.warnings).toEqual([]);
    });
  }

  it('wsj: article, captions, summary and three dated teasers', () => {
    const doc = read('wsj-2025-11-30');
    expect(doc.publishedDate).toBe('2025-11-30');
    expect(doc.headline).toBe(
      'After ‘Productive’ Meeting With Ukrainian Negotiators in Florida, U.S. Officials Head to Russia',
    );
    const teasers = doc.segments.filter((s) => s.kind === 'teaser');
    expect(teasers.map((t) => [t.outlet, t.referenceDate])).toEqual([
      ['The Washington Post', '2024-08-14'],
      ['The New York Times', '2025-09-11'],
      ['CNN', '2025-03-18'],
    ]);
    expect(teasers[2]?.referenceRule).toBe('dateline-no-year+weekday');
    const article = doc.segments.filter((s) => s.kind === 'article');
    expect(article).toHaveLength(1);
    expect(article[0]?.referenceDate).toBe('2025-11-30');
    expect(doc.segments.filter((s) => s.kind === 'summary')).toHaveLength(1);
    const kinds = doc.segments.map((s) => s.kind);
    expect(kinds.filter((k) => k === 'caption')).toHaveLength(4);
    const captionText = (k: number) =>
      doc.segments
        .filter((s) => s.kind === 'caption')
        [k]?.paragraphs.flatMap((p) => doc.paragraphs[p]?.sentences ?? [])
        .map((i) => doc.sentences[i]?.text);
    expect(captionText(0)?.[0]).toMatch(/^From left, .* in South Florida\.$/);
    expect(captionText(1)).toEqual(['Rustem Umerov, the chief Ukrainian negotiator, speaks with the U.S. delegation.']);
    // The NYT teaser's caption speaks on the teaser's date, not the host's.
    expect(doc.segments.filter((s) => s.kind === 'caption')[3]?.referenceDate).toBe('2025-09-11');
    const all = texts(doc);
    expect(all).toContain(
      'The three worked together to edit the proposal over multiple days in October at Witkoff’s waterfront home in Miami Beach, Fla.',
    );
    expect(all).toContain(
      'Trump has renewed his drive to end the war after months of failed negotiations and escalating Russian attacks on Ukrainian energy infrastructure and civilian targets.',
    );
    expect(all.some((t) => t.startsWith('U.S. and Ukrainian negotiators said Sunday’s meeting'))).toBe(true);
    expect(all).toContain(
      'Key issues remain unresolved, such as U.S. and Western security guarantees for Ukraine and Russia’s demand for recognition of seized territories.',
    );
    expect(all).toContain(
      'Ukrainian and European officials say President Vladimir V. Putin has become emboldened by a lack of Western pushback.',
    );
    expect(all.join(' ')).not.toMatch(
      /Column by|Analysis by|Orig inal|See also|see also|Credit\.\.\.|HALLANDALE BEACH/,
    );
    const reasons = new Set(doc.removed.map((r) => r.reason));
    for (const r of ['share-bar', 'headline', 'byline', 'dateline', 'credit', 'contact', 'navigation', 'comments'])
      expect(reasons).toContain(r);
  });

  it('zerohedge: signature, dateline and link label removed; stray token recorded', () => {
    const doc = read('zerohedge-2025-11-30');
    expect(doc.segments.map((s) => s.kind)).toEqual(['article']);
    expect(doc.segments[0]?.referenceDate).toBe('2025-11-30');
    const removed = doc.removed.map((r) => [r.reason, r.text]);
    expect(removed).toContainEqual(['signature', 'Tyler Durden']);
    expect(removed).toContainEqual(['dateline', 'Sun, 11/30/2025 – 10:30']);
    expect(removed).toContainEqual(['link-label', 'Read More']);
    expect(removed).toContainEqual(['stray', 'T1']);
    expect(texts(doc).at(-1)).toBe(
      'He added: “In the coming days it is feasible to flesh out the steps to determine how to bring the war to a dignified end.”',
    );
  });

  it('bloomberg: syndication header and footer removed, one article dated by front matter', () => {
    const doc = read('bloomberg-2025-12-22');
    expect(doc.segments.map((s) => [s.kind, s.referenceDate])).toEqual([['article', '2025-12-22']]);
    expect(doc.headline).toBe("US and Ukraine held 'constructive' talks in Florida, Witkoff says");
    const removed = doc.removed.map((r) => [r.reason, r.text]);
    expect(removed).toContainEqual(['syndication', 'Published in News & Features']);
    expect(removed).toContainEqual(['byline', 'Se Young Lee, Bloomberg News on']);
    expect(removed).toContainEqual(['byline', '(With assistance from Maxim Edwards.)']);
    expect(removed.filter(([r]) => r === 'copyright')).toHaveLength(1);
    expect(texts(doc)[0]).toMatch(/^U\.S\. special envoy Steve Witkoff said/);
  });

  it('envoys: two embedded posts dated by their own date, with authors', () => {
    const doc = read('envoys-head-to-russia-2025-12-01');
    const posts = doc.segments.filter((s) => s.kind === 'post');
    expect(posts.map((p) => [p.author, p.referenceDate])).toEqual([
      ['Volodymyr Zelenskyy / Володимир Зеленський (@ZelenskyyUa)', '2025-11-30'],
      ['Eric Daugherty (@EricLDaugh)', '2025-11-30'],
    ]);
    const all = texts(doc);
    expect(all.some((t) => t.includes('🚨 BREAKING: Sec. Marco Rubio just finished'))).toBe(true);
    expect(all.some((t) => t.includes('🇺🇸'))).toBe(true);
    expect(all[0]).toBe(
      'American negotiators Steve Witkoff and Jared Kushner head to Russia on Monday in an attempt to build upon Sunday’s talks with Ukraine to end the Russia-Ukraine war.',
    );
    expect(doc.removed.map((r) => [r.reason, r.text])).toContainEqual(['dateline', 'date 2025-12-01']);
  });

  it('review: each caption once, its duplicate recorded', () => {
    const doc = read('review-2025-12-01');
    const captions = doc.segments.filter((s) => s.kind === 'caption');
    expect(captions).toHaveLength(2);
    expect(doc.removed.filter((r) => r.reason === 'duplicate')).toHaveLength(2);
    expect(doc.removed.filter((r) => r.reason === 'credit')).toHaveLength(2);
    expect(texts(doc)[0]).toBe(
      'U.S.–Ukraine peace negotiations signal cautious progress as discussions expand to elections, land swaps and long-term security guarantees.',
    );
  });
});
