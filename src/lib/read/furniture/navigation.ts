/**
 * Navigation: link labels ("Read More", "Continue reading"), ad slugs ("Advertisement"), "see also"
 * link lists, "Original article contains additional links …" notes, and "Related" headings
 * (which, like the end of an article, start the page's tail).
 */
import { allMatches } from '../../dates/regex.ts';
import { splitSentences } from '../sentences.ts';
import { addMark, type Block, consumeLine, markArticleEnd, type Page } from '../page.ts';

const LINK_LINE =
  /^(?:read more|continue reading|read the full (?:story|article)|full story|click here(?: to read more)?|more »|subscribe(?: now)?|sign up(?: for [\w ]{1,40})?|listen to (?:this|the) (?:article|story)(?:\s*\d+ min)?)\W*$/i;
const AD_LINE =
  /^(?:advertisement|sponsored(?: content)?|story continues below(?: advertisement)?|ad|skip advertisement|scroll to continue(?: with content)?)$/i;
const RELATED_LINE =
  /^(?:related(?: (?:articles|stories|coverage|news))?|more (?:from|on) [\w ]{1,40}|recommended(?: for you)?|read next|you (?:may|might) also like|more stories|most popular|trending(?: now)?|latest news|top stories)\s*:?$/i;
const ORIGINAL =
  /\b(?:The\s+|This\s+)?orig\s?inal\s+(?:article|story|version|post)\s+(?:contains|includes|has)\b[^.\n]{0,100}?\s?\./gi;
const SEE_ALSO = /\b[Ss]ee also\b:?/g;

/** Consume link-label, ad and "Related" lines; a "Related" heading starts the tail. */
export function removeNavigationLines(page: Page): void {
  page.lines.forEach((line, i) => {
    if (page.consumed.has(i)) return;
    const t = line.text.trim();
    if (t === '') return;
    if (LINK_LINE.test(t)) {
      consumeLine(page, i, 'link-label');
      if (/^read more|^continue/i.test(t)) markArticleEnd(page, line.start);
    } else if (AD_LINE.test(t)) consumeLine(page, i, 'navigation');
    else if (RELATED_LINE.test(t)) {
      consumeLine(page, i, 'navigation');
      markArticleEnd(page, line.start);
    }
  });
}

/**
 * Remove inline navigation: "Original article contains …" notes and "see also" labels. A "see also"
 * followed by a link list ("see also A , Title, Outlet , March 18; and also") loses the whole list up
 * to its semicolon when that semicolon falls inside the same sentence; otherwise just the label goes.
 */
export function removeInlineNavigation(block: Block): void {
  for (const m of allMatches(ORIGINAL, block.text))
    addMark(block, block.start + m.index, block.start + m.index + m[0].length, 'navigation');
  for (const m of allMatches(SEE_ALSO, block.text)) {
    const labelEnd = m.index + m[0].length;
    const window = block.text.slice(labelEnd, labelEnd + 600);
    const first = splitSentences(window)[0];
    const semi = first ? window.slice(0, first.end).indexOf(';') : -1;
    let end = labelEnd;
    if (semi !== -1) {
      end = labelEnd + semi + 1;
      const andAlso = /^\s*and also\b:?/.exec(block.text.slice(end));
      if (andAlso) end += andAlso[0].length;
    }
    addMark(block, block.start + m.index, block.start + end, 'navigation');
  }
}
