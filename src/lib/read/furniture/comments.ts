/** Comment widgets: "Comments", "Post a Comment", "blog comments powered by Disqus", "Leave a Reply" … */
import { consumeLine, type Page } from '../page.ts';

const COMMENT_LINE = new RegExp(
  [
    String.raw`(?:\d+\s+)?comments?(?:\s*\(\d+\))?`,
    String.raw`(?:post|add|leave|write|view|show|load|see|read)\s+(?:a|all|the|your|\d+)?\s*(?:comments?|reply|replies)`,
    String.raw`(?:blog\s+)?comments?\s+(?:are\s+)?powered\s+by\s+\S+(?:\s+\S+)?`,
    String.raw`join\s+the\s+(?:conversation|discussion)`,
    String.raw`(?:you\s+must\s+be\s+)?log(?:ged)?\s+in\s+to\s+(?:post\s+a\s+)?comment`,
    String.raw`comments?\s+(?:are\s+)?closed`,
    String.raw`(?:newer|older)\s+posts?`,
    String.raw`no\s+comments?(?:\s+yet)?`,
    'reply',
  ]
    .map((p) => `(?:${p})`)
    .join('|'),
  'i',
);
const WHOLE = new RegExp(`^(?:${COMMENT_LINE.source})$`, 'i');

/** Consume lines that are a comment widget's labels. */
export function removeCommentWidgets(page: Page): void {
  page.lines.forEach((line, i) => {
    const t = line.text.trim().replace(/[.:!]$/, '');
    if (t !== '' && WHOLE.test(t)) consumeLine(page, i, 'comments');
  });
}
