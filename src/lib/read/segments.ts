/**
 * Assembly: the kept text of each block, cut at removed spans and at region edges, becomes
 * paragraphs of segments (article, teaser, post, caption, summary) and sentences with offsets.
 */
import type { IsoDate, Paragraph, RemovedSpan, Segment, Sentence } from '../model.ts';
import type { Mark, Page, Region } from './page.ts';
import { splitSentences } from './sentences.ts';

export interface Assembled {
  segments: Segment[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  removed: RemovedSpan[];
}

interface Piece {
  start: number;
  end: number;
  key: string;
  region: Region | undefined;
}

// Kept text needs a letter, a digit or a pictograph; bare punctuation left between removed spans is stray.
const HAS_CONTENT = /[\p{L}\p{N}\p{Extended_Pictographic}]/u;

/** Build segments, paragraphs, sentences and the removed list from a read page. */
export function assemble(page: Page, publishedDate: IsoDate, articleDateline: string | undefined): Assembled {
  const body = page.body;
  const segments: Segment[] = [];
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const removed: Mark[] = [...page.lineMarks];
  const byKey = new Map<string, Segment>();

  const segmentFor = (key: string, region: Region | undefined, host: Region | undefined): Segment => {
    const existing = byKey.get(key);
    if (existing) return existing;
    const seg: Segment = {
      index: segments.length,
      kind: region?.kind ?? 'article',
      referenceDate: publishedDate,
      referenceRule: 'published',
      paragraphs: [],
    };
    if (region && (region.kind === 'teaser' || region.kind === 'post')) {
      seg.referenceDate = region.referenceDate ?? publishedDate;
      seg.referenceRule = region.referenceRule ?? 'published';
    } else if (region) {
      // Captions and summaries speak on their host's date: the article's, or the teaser's they sit in.
      seg.referenceDate = host?.referenceDate ?? publishedDate;
      seg.referenceRule = `host:${host?.referenceRule ?? 'published'}`;
    }
    if (region?.outlet !== undefined) seg.outlet = region.outlet;
    if (region?.author !== undefined) seg.author = region.author;
    if (region?.dateline !== undefined) seg.dateline = region.dateline;
    if (!region && articleDateline !== undefined) seg.dateline = articleDateline;
    segments.push(seg);
    byKey.set(key, seg);
    return seg;
  };

  for (const block of page.blocks) {
    const host = block.regions.find(
      (r) => (r.kind === 'teaser' || r.kind === 'post') && r.start <= block.start && r.end >= block.end,
    );
    const hostKey = host ? `${host.kind}@${host.start}` : 'article';
    const inner = block.regions.filter((r) => r !== host).sort((a, b) => a.start - b.start);
    const marks = [...block.marks].sort((a, b) => a.start - b.start);
    removed.push(...marks);
    const pieces: Piece[] = [];
    const pushPiece = (start: number, end: number) => {
      // Cut at inner region edges so each piece belongs to exactly one segment.
      let pos = start;
      for (const r of inner) {
        if (r.end <= pos || r.start >= end) continue;
        if (r.start > pos) pieces.push({ start: pos, end: r.start, key: hostKey, region: host });
        const a = Math.max(pos, r.start);
        const b = Math.min(end, r.end);
        pieces.push({ start: a, end: b, key: `${r.kind}@${r.start}`, region: r });
        pos = b;
      }
      if (pos < end) pieces.push({ start: pos, end, key: hostKey, region: host });
    };
    let pos = block.start;
    for (const m of marks) {
      if (m.start > pos) pushPiece(pos, m.start);
      pos = Math.max(pos, m.end);
    }
    if (pos < block.end) pushPiece(pos, block.end);

    let current: Paragraph | undefined;
    let currentKey = '';
    for (const piece of pieces) {
      const text = body.slice(piece.start, piece.end);
      if (text.trim() === '') continue;
      if (!HAS_CONTENT.test(text)) {
        const lead = text.length - text.trimStart().length;
        removed.push({ start: piece.start + lead, end: piece.start + text.trimEnd().length, reason: 'stray' });
        continue;
      }
      const seg = segmentFor(piece.key, piece.region, host);
      if (!current || currentKey !== piece.key) {
        current = { index: paragraphs.length, segment: seg.index, start: piece.start, end: piece.end, sentences: [] };
        paragraphs.push(current);
        seg.paragraphs.push(current.index);
        currentKey = piece.key;
      }
      for (const s of splitSentences(text)) {
        const start = piece.start + s.start;
        const end = piece.start + s.end;
        const sentence: Sentence = {
          index: sentences.length,
          paragraph: current.index,
          start,
          end,
          text: body.slice(start, end),
        };
        sentences.push(sentence);
        current.sentences.push(sentence.index);
        if (current.sentences.length === 1) current.start = start;
        current.end = end;
      }
    }
  }

  removed.sort((a, b) => a.start - b.start);
  return {
    segments,
    paragraphs,
    sentences,
    removed: removed.map((m) => ({ start: m.start, end: m.end, text: body.slice(m.start, m.end), reason: m.reason })),
  };
}
