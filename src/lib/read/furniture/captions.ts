/**
 * Photo captions and credits. A credit is an agency line ("AFP/Getty Images", "CHANDAN KHANNA/AFP/
 * GETTY IMAGES", "(Viacheslav Ratynskyi/Reuters)", "Photo by …", "Credit… …"); the sentence just
 * before it is the caption, its own segment. A caption printed twice loses its second copy.
 */
import { allMatches } from '../../dates/regex.ts';
import { findDates, inferYear, isoOf } from '../datelines.ts';
import type { IsoDate } from '../../model.ts';
import { splitSentences } from '../sentences.ts';
import { addMark, type Block, consumeLine, isFree, keptFrom, type Page } from '../page.ts';

const AGENCIES = [
  'AFP',
  'Getty Images',
  'Getty',
  'Reuters',
  'AP',
  'AP Photo',
  'Associated Press',
  'EPA',
  'EPA-EFE',
  'EFE',
  'Agence France-Presse',
  'Shutterstock',
  'Bloomberg',
  'Sipa',
  'Sipa USA',
  'Anadolu',
  'Anadolu Agency',
  'NurPhoto',
  'Xinhua',
  'TASS',
  'Sputnik',
  'Pool',
  'UPI',
  'ZUMA',
  'ZUMA Press',
  'Zuma Wire',
  'Alamy',
  'Redux',
  'Polaris',
  'dpa',
  'picture alliance',
  'Abaca',
  'SOPA Images',
  'LightRocket',
  'Imagn',
  'Kremlin',
  'Handout',
  'Ukrinform',
  'Bloomberg via Getty Images',
];

/** Case-insensitive alternation of the agency names (captions print them in capitals too). */
const AGENCY = `(?:${AGENCIES.sort((a, b) => b.length - a.length)
  .map((a) =>
    [...a]
      .map((c) =>
        /\p{L}/u.test(c)
          ? `[${c.toUpperCase()}${c.toLowerCase()}]`
          : c.replace(/[.\s]/g, (x) => (x === ' ' ? '\\s+' : '\\.')),
      )
      .join(''),
  )
  .join('|')})(?![\\p{L}])`;
// A name word, but not a word that opens the next sentence ("…KOZLOV The governor said").
const NAME_WORD = String.raw`(?!(?:The|A|An|He|She|It|They|We|I|In|On|At|But|And|This|That|His|Her|Their)\b)\p{Lu}[\p{L}'’.\-]*`;
const PERSON = String.raw`${NAME_WORD}(?:\s+${NAME_WORD}){0,3}`;
const SEP = String.raw`\s*(?:/|—|–|\||via)\s*`;
/** Person(s) and agencies joined by slashes or dashes, ending with an agency. */
const CREDIT = `(?:(?:${PERSON})${SEP})*${AGENCY}(?:${SEP}(?:${AGENCY}|${PERSON}))*`;

/** Credit glued to the end of a caption: "…South Florida.CHANDAN KHANNA/AFP/GETTY IMAGES". */
const GLUED = new RegExp(String.raw`(?<=[.!?]["”’)]?)${CREDIT}(?=\s|$)`, 'gu');
/** Labelled credit: "Photo by …", "Photo: …", "Credit… …", "Photograph: …", "Image: …". */
const LABELLED = new RegExp(
  String.raw`(?:\bPhoto(?:graph)?s?\s*(?:by|:|credit:?)|\bCredit(?:s)?\s*(?:\.{3}|…|:)|\bImage\s*(?::|by)|\bPicture\s*:)\s*(?:${CREDIT}|${PERSON})`,
  'gu',
);
/** Credit in brackets: "(Viacheslav Ratynskyi/Reuters)". */
const BRACKETED = new RegExp(String.raw`\((?:${CREDIT})\)`, 'gu');

/** Consume the second of two identical lines next to each other (a caption printed twice). */
export function removeDuplicateLines(page: Page): void {
  let prev: string | undefined;
  page.lines.forEach((line, i) => {
    const t = line.text.trim();
    if (t === '') return;
    if (page.consumed.has(i)) {
      prev = undefined;
      return;
    }
    if (prev !== undefined && t === prev && t.length >= 20) consumeLine(page, i, 'duplicate');
    else prev = t;
  });
}

/** Remove credits in a block and turn the sentence before each into a caption region. */
export function removeCredits(page: Page, block: Block, hostDate: IsoDate): void {
  const found: Array<{ start: number; end: number }> = [];
  for (const re of [GLUED, LABELLED, BRACKETED]) {
    for (const m of allMatches(re, block.text)) {
      const start = block.start + m.index;
      const end = start + m[0].length;
      if (isFree(block, start, end) && !found.some((f) => f.start < end && start < f.end)) found.push({ start, end });
    }
  }
  found.sort((a, b) => a.start - b.start);
  for (const credit of found) {
    addMark(block, credit.start, credit.end, 'credit');
    const from = keptFrom(block, credit.start);
    const before = page.body.slice(from, credit.start);
    const sentences = splitSentences(before);
    const last = sentences[sentences.length - 1];
    // A caption ends with sentence punctuation or a date; otherwise the credit stands alone.
    if (!last) continue;
    const start = from + last.start;
    const end = from + last.end;
    block.regions.push({ start, end, kind: 'caption' });
    // Only the page's own captions date the page; a teaser's captions belong to another article.
    if (block.regions.some((r) => r.kind === 'teaser' || r.kind === 'post')) continue;
    for (const d of findDates(page.body.slice(start, end))) {
      const iso = isoOf(d) ?? inferYear(d.month, d.day, hostDate)?.date;
      if (iso && d.year !== undefined) page.datelines.push({ text: d.text, date: iso, where: 'caption' });
    }
  }
}
