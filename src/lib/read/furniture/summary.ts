/**
 * Summary boxes: "Quick Summary -- point one. -- point two." The label goes as `navigation`, the
 * separators as `rule`; the points are prose of a `summary` segment.
 */
import { allMatches } from '../../dates/regex.ts';
import { addMark, type Block, isFree } from '../page.ts';

const LABEL =
  /(?<![\p{L}])(?:Quick Summary|Summary|Key Points|Key Takeaways|Highlights|In Brief|At a Glance|What to Know|TL;DR)\s*(?:--|—|–|:|•)\s*/gu;
const SEPARATOR = /\s(?:--|•|·|\|)\s/g;

/** Find a summary box in a block: it runs from its label to the end of the block. */
export function readSummary(block: Block): void {
  for (const m of allMatches(LABEL, block.text)) {
    const start = block.start + m.index;
    const labelEnd = start + m[0].length;
    if (!isFree(block, start, labelEnd)) continue;
    // Points run to the end of the block or to the next removed span.
    let end = block.end;
    for (const mark of block.marks) if (mark.start >= labelEnd && mark.start < end) end = mark.start;
    const label = block.text.slice(m.index, m.index + m[0].length).trimEnd();
    addMark(block, start, start + label.length, 'navigation');
    const inner = block.text.slice(labelEnd - block.start, end - block.start);
    for (const s of allMatches(SEPARATOR, inner)) {
      const a = labelEnd + s.index + 1;
      addMark(block, a, a + s[0].length - 2, 'rule');
    }
    block.regions.push({ start: labelEnd, end, kind: 'summary' });
    return;
  }
}
