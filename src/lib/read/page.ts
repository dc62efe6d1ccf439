/**
 * The working state of the reader: the body cut into lines and blocks, and what the furniture
 * rules have found so far (removed spans, segment regions, datelines). Rules add to it in order.
 */
import type { FurnitureReason, IsoDate, SegmentKind } from '../model.ts';

/** A physical line: `[start, end)` in the body, without its newline. */
export interface Line {
  start: number;
  end: number;
  text: string;
}

/** A span removed from the prose, and why. */
export interface Mark {
  start: number;
  end: number;
  reason: FurnitureReason;
}

/** A part of a block that belongs to its own segment (a caption, a summary box, a post, a teaser). */
export interface Region {
  start: number;
  end: number;
  kind: Exclude<SegmentKind, 'article'>;
  outlet?: string;
  author?: string;
  /** Own reference date (a teaser's or post's date); captions and summaries inherit their host's. */
  referenceDate?: IsoDate;
  referenceRule?: string;
  dateline?: string;
}

/** A run of kept lines read as one paragraph of the page (lines wrapped by hand are joined). */
export interface Block {
  start: number;
  end: number;
  text: string;
  /** Spans removed inside this block, in the order rules found them. */
  marks: Mark[];
  regions: Region[];
}

/** A date the page prints about itself, kept for the check against `published`. */
export interface FoundDateline {
  text: string;
  date: IsoDate;
  /** `dateline` (printed as the page's date) or `caption` (a date printed in a photo caption). */
  where: 'dateline' | 'caption';
}

export interface Page {
  body: string;
  lines: Line[];
  /** Marks on whole lines (or covering all of a line's text), found before blocks exist. */
  lineMarks: Mark[];
  /** Indexes of lines fully taken by furniture. */
  consumed: Set<number>;
  blocks: Block[];
  headline?: string;
  /** Offset where the article ends ("Write to …", a signature, a copyright line); the tail follows. */
  articleEnd: number;
  datelines: FoundDateline[];
  warnings: string[];
}

/** Cut the body into lines with offsets. */
export function splitLines(body: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= body.length) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    lines.push({ start, end, text: body.slice(start, end) });
    start = end + 1;
  }
  return lines;
}

/** A new page for `body`, with lines and no findings yet. */
export function newPage(body: string): Page {
  return {
    body,
    lines: splitLines(body),
    lineMarks: [],
    consumed: new Set(),
    blocks: [],
    articleEnd: body.length,
    datelines: [],
    warnings: [],
  };
}

/** Remove a whole line (its text without surrounding whitespace) for `reason`. */
export function consumeLine(page: Page, index: number, reason: FurnitureReason): void {
  const line = page.lines[index];
  if (!line || page.consumed.has(index)) return;
  const lead = line.text.length - line.text.trimStart().length;
  const trail = line.text.length - line.text.trimEnd().length;
  if (line.text.trim() !== '') page.lineMarks.push({ start: line.start + lead, end: line.end - trail, reason });
  page.consumed.add(index);
}

/** Remove a line as several spans with their own reasons; the spans must cover its text. */
export function consumeLineSpans(page: Page, index: number, spans: Mark[]): void {
  if (page.consumed.has(index)) return;
  for (const s of spans) if (s.end > s.start) page.lineMarks.push(s);
  page.consumed.add(index);
}

/** Whether a line reads as prose: several words ending with sentence punctuation. */
export function isProse(text: string): boolean {
  const t = text.trim();
  return /[.!?…]["”’)\]]*$/u.test(t) && t.split(/\s+/).length >= 6;
}

/** Note that the article ends at `offset` (the earliest such point wins). */
export function markArticleEnd(page: Page, offset: number): void {
  if (offset < page.articleEnd) page.articleEnd = offset;
}

/** Add a mark inside a block unless it overlaps one already there; returns whether it was added. */
export function addMark(block: Block, from: number, to: number, reason: FurnitureReason): boolean {
  // Marks hold text, never the spaces around it.
  const text = block.text.slice(from - block.start, to - block.start);
  const start = from + (text.length - text.trimStart().length);
  const end = to - (text.length - text.trimEnd().length);
  if (end <= start) return false;
  if (block.marks.some((m) => m.start < end && start < m.end)) return false;
  block.marks.push({ start, end, reason });
  return true;
}

/** Body offset of the end of the last mark in `block` at or before `pos` (or the block start). */
export function keptFrom(block: Block, pos: number): number {
  let from = block.start;
  for (const m of block.marks) if (m.end <= pos && m.end > from) from = m.end;
  return from;
}

/** Whether `[start, end)` touches no mark of the block. */
export function isFree(block: Block, start: number, end: number): boolean {
  return !block.marks.some((m) => m.start < end && start < m.end);
}

/** The lines of the page not yet consumed, with their indexes. */
export function openLines(page: Page): Array<[number, Line]> {
  const out: Array<[number, Line]> = [];
  page.lines.forEach((l, i) => {
    if (!page.consumed.has(i) && l.text.trim() !== '') out.push([i, l]);
  });
  return out;
}
