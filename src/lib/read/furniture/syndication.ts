/** Syndication labels and copyright lines ("Published in News & Features", "©2025 Bloomberg L.P. …"). */
import { consumeLine, markArticleEnd, type Page } from '../page.ts';

const COPYRIGHT = /^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b/i;
const SYNDICATION = new RegExp(
  [
    String.raw`^(?:published|posted|filed)\s+(?:in|under)\s+[^.!?]{1,60}$`,
    String.raw`^(?:distributed|syndicated)\s+by\b[^.!?]{0,80}\.?$`,
    String.raw`^(?:this\s+(?:article|story)\s+(?:was\s+)?(?:originally|first)\s+(?:published|appeared)|originally\s+published)\b.{0,160}$`,
    String.raw`^(?:republished|reprinted)\s+with\s+permission\b.{0,120}$`,
  ].join('|'),
  'i',
);

/** Consume copyright lines (they end the article) and syndication labels. */
export function removeSyndication(page: Page): void {
  page.lines.forEach((line, i) => {
    if (page.consumed.has(i)) return;
    const t = line.text.trim();
    if (t === '') return;
    if (COPYRIGHT.test(t) && t.split(/\s+/).length <= 40) {
      consumeLine(page, i, 'copyright');
      markArticleEnd(page, line.start);
    } else if (SYNDICATION.test(t)) {
      consumeLine(page, i, 'syndication');
    }
  });
}
