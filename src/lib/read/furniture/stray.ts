/** Stray tokens and rules: lines of only symbols ("/", "_____", "* * *"), invisible spaces, or an orphan code ("T1"). */
import { consumeLine, type Page } from '../page.ts';

const RULE_LINE = /^[\s/\\|_\-–—=*~·•#+.<>]+$/u;
// A lone layout code: one or two capitals and a number ("T1", "A12"), or a single non-word character.
const STRAY_TOKEN = /^(?:\p{Lu}{1,2}\d{1,3}|[^\p{L}\p{N}\s])$/u;

/** Consume rule lines, stray tokens and lines of only invisible spaces. */
export function removeStrayLines(page: Page): void {
  page.lines.forEach((line, i) => {
    const t = line.text.replace(/[\s\u200B-\u200D\u2060\uFEFF]+/gu, ' ').trim();
    if (t === '' && /[^ \t]/.test(line.text)) {
      // Only invisible spaces (no-break, zero-width): recorded, since a reader sees nothing there.
      page.lineMarks.push({ start: line.start, end: line.end, reason: 'stray' });
      page.consumed.add(i);
    } else if (t === '') return;
    else if (RULE_LINE.test(t)) consumeLine(page, i, 'rule');
    else if (STRAY_TOKEN.test(t)) consumeLine(page, i, 'stray');
  });
}
