/**
 * Embedded social posts: a paragraph ending "— Name / Other name (@handle) Month D, YYYY" is a
 * `post` segment by "Name (@handle)" dated that day; the sign-off goes as `signature` and picture
 * links ("pic.twitter.com/…", "https://t.co/…") as `link-label`. The post's words stay as prose.
 */
import { allMatches } from '../../dates/regex.ts';
import { dateAt, isoOf } from '../datelines.ts';
import { addMark, type Block } from '../page.ts';

const SIGNATURE = /[—–-]{1,2}\s*([^—–\n()]{1,120}?)\s*\((@\w{1,30})\)\s+(\S[^\n]{4,30}?)\s*$/u;
const LINK = /(?:https?:\/\/)?(?:pic\.twitter\.com|t\.co|pic\.x\.com)\/\w+/g;

/** Mark a block as a post when it ends with a post signature; returns whether it did. */
export function readPost(block: Block): boolean {
  const text = block.text.trimEnd();
  const m = SIGNATURE.exec(text);
  if (!m) return false;
  const dateText = m[3] ?? '';
  const date = dateAt(dateText, 0);
  if (!date || date.end !== dateText.length) return false;
  const iso = isoOf(date);
  if (!iso) return false;
  // Keep every form of the name the signature gives ("Volodymyr Zelenskyy / Володимир Зеленський"): the
  // segment label is the only place the page shows it, and readers search for either script.
  const name = (m[1] ?? '').trim();
  const start = block.start + m.index;
  addMark(block, start, block.start + text.length, 'signature');
  for (const l of allMatches(LINK, block.text))
    addMark(block, block.start + l.index, block.start + l.index + l[0].length, 'link-label');
  block.regions.push({
    start: block.start,
    end: block.end,
    kind: 'post',
    author: name === '' ? (m[2] ?? '') : `${name} (${m[2] ?? ''})`,
    referenceDate: iso,
    referenceRule: 'post-date',
    dateline: dateText,
  });
  return true;
}
