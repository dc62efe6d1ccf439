/**
 * Blocks: the kept lines grouped into paragraphs. Each line is a paragraph, except that a line
 * wrapped by hand (no final punctuation, then a line going on in lower case, or lines of typical
 * wrap width) joins the next one.
 */
import type { Block, Page } from './page.ts';

const ENDS_SENTENCE = /[.!?…:;"”’)\]]\s*$/u;

/** Whether `next` continues the paragraph of `prev` (a hard-wrapped line). */
export function continues(prev: string, next: string): boolean {
  if (ENDS_SENTENCE.test(prev)) return false;
  const n = next.trimStart();
  if (/^[•*\-–—]/.test(n)) return false;
  if (/^\p{Ll}/u.test(n)) return true;
  const len = prev.trimEnd().length;
  return len >= 40 && len <= 100 && next.trim().length > 0;
}

/** Group the page's kept lines into blocks. */
export function buildBlocks(page: Page): Block[] {
  const blocks: Block[] = [];
  let cur: { start: number; end: number; last: string } | undefined;
  const flush = () => {
    if (cur)
      blocks.push({
        start: cur.start,
        end: cur.end,
        text: page.body.slice(cur.start, cur.end),
        marks: [],
        regions: [],
      });
    cur = undefined;
  };
  page.lines.forEach((line, i) => {
    const text = line.text;
    if (page.consumed.has(i) || text.trim() === '') {
      flush();
      return;
    }
    const lead = text.length - text.trimStart().length;
    const start = line.start + lead;
    const end = line.start + text.trimEnd().length;
    if (cur && continues(cur.last, text)) {
      cur.end = end;
      cur.last = text;
    } else {
      flush();
      cur = { start, end, last: text };
    }
  });
  flush();
  return blocks;
}
