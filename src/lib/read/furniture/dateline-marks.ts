/**
 * Datelines as furniture: a line that is only a dateline ("Updated Nov. 30, 2025 6:19 pm ET"),
 * a labelled dateline opening a paragraph ("date 2025-12-01 American negotiators…") and a place
 * dateline ("HALLANDALE BEACH, Fla.—", "KYIV, Ukraine (Reuters) —"). Each is recorded for the
 * check against `published`.
 */
import { datelineAt, findDates, inferYear, isoOf, wholeLineDateline } from '../datelines.ts';
import type { IsoDate } from '../../model.ts';
import { addMark, type Block, consumeLine, type Page } from '../page.ts';

const PLACE =
  /^(?=[^,—–\n]*\p{Lu}{3})\p{Lu}[\p{Lu} .'’-]{2,40}(?:,\s*[\p{L}\d. ]{2,30}?)?(?:\s*\([\p{L} ]{2,24}\))?\s*(?:—|–|--|\s-\s)\s*(?=[\p{Lu}“"‘'\d])/u;

/** Consume lines that are only a dateline. */
export function removeDatelineLines(page: Page, published: IsoDate): void {
  page.lines.forEach((line, i) => {
    if (page.consumed.has(i) || line.text.trim() === '') return;
    const d = wholeLineDateline(line.text);
    if (!d) return;
    consumeLine(page, i, 'dateline');
    const iso = isoOf(d) ?? inferYear(d.month, d.day, published)?.date;
    if (iso) page.datelines.push({ text: d.text, date: iso, where: 'dateline' });
  });
}

/** Remove a labelled or place dateline at the start of a block. */
export function removeLeadingDateline(page: Page, block: Block, published: IsoDate): void {
  const d = datelineAt(block.text, 0);
  if (d?.labelled && d.year !== undefined && block.text.slice(d.end).trim() !== '') {
    if (addMark(block, block.start + d.start, block.start + d.end, 'dateline')) {
      const iso = isoOf(d);
      if (iso) page.datelines.push({ text: d.text, date: iso, where: 'dateline' });
    }
    return;
  }
  const lead = block.text.length - block.text.trimStart().length;
  const place = PLACE.exec(block.text.slice(lead));
  if (!place) return;
  const text = place[0].trimEnd();
  if (!addMark(block, block.start + lead, block.start + lead + text.length, 'dateline')) return;
  const date = findDates(text)[0];
  if (date) {
    const iso = isoOf(date) ?? inferYear(date.month, date.day, published)?.date;
    if (iso) page.datelines.push({ text, date: iso, where: 'dateline' });
  }
}
