/** Share-button rows: "Get link / Facebook / X / Pinterest / Email / Other Apps", on one line or one per line. */
import { consumeLine, type Page } from '../page.ts';

const SHARE_WORDS = new Set([
  'share',
  'share this',
  'share this article',
  'share this story',
  'share article',
  'get link',
  'copy link',
  'copy url',
  'link copied',
  'facebook',
  'x',
  'twitter',
  'tweet',
  'pinterest',
  'email',
  'e-mail',
  'mail',
  'print',
  'other apps',
  'whatsapp',
  'linkedin',
  'reddit',
  'telegram',
  'messenger',
  'flipboard',
  'threads',
  'bluesky',
  'mastodon',
  'tumblr',
  'pocket',
  'sms',
  'gift article',
  'gift this article',
  'save',
  'save article',
  'comment',
  'more',
  'vk',
  'line',
  'share on facebook',
  'share on x',
  'share on twitter',
  'share on linkedin',
  'share via email',
  'opens in new window',
]);
// Words that are share buttons only when they stand with others ("X", "More", "Save" alone may be text).
const WEAK = new Set(['x', 'more', 'save', 'line', 'mail', 'comment', 'print', 'pocket', 'threads', 'sms']);

// No share word holds a digit, a quote or sentence punctuation: a line with one is no share bar (no need to split it).
const NOT_SHARE = /[\d.'’"“”:;!?()]/;

function shareItems(text: string): string[] | undefined {
  if (NOT_SHARE.test(text)) return undefined;
  const items = text
    .split(/\s*[|/·•,]\s*|\s{2,}|\t/)
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  return items.length > 0 && items.every((s) => SHARE_WORDS.has(s)) ? items : undefined;
}

/** Consume share bars: a line of several share words, or a run of two or more lines of them. */
export function removeShareBars(page: Page): void {
  const lines = page.lines;
  let i = 0;
  while (i < lines.length) {
    const run: number[] = [];
    let strong = false;
    let j = i;
    for (; j < lines.length; j++) {
      const text = lines[j]?.text.trim() ?? '';
      if (text === '') continue;
      if (page.consumed.has(j)) break;
      const items = shareItems(text);
      if (!items) break;
      run.push(j);
      if (items.length > 1 || items.some((s) => !WEAK.has(s))) strong = true;
    }
    const several =
      run.length >= 2 || (run.length === 1 && (shareItems(lines[run[0] ?? 0]?.text ?? '')?.length ?? 0) >= 2);
    if (run.length > 0 && strong && several) for (const k of run) consumeLine(page, k, 'share-bar');
    i = Math.max(j, i + 1);
  }
}
