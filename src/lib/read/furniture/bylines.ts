/**
 * Bylines, contact lines and signatures: "By A and B, The Wall Street Journal,", "Se Young Lee,
 * Bloomberg News on", "(With assistance from …)", "Write to A at a@x.com", "Tyler Durden" + dateline.
 */
import { allMatches } from '../../dates/regex.ts';
import { datelineAt, isoOf } from '../datelines.ts';
import {
  addMark,
  type Block,
  consumeLine,
  consumeLineSpans,
  isProse,
  markArticleEnd,
  type Mark,
  type Page,
} from '../page.ts';

const WORD = String.raw`\p{Lu}[\p{L}'’.\-]*`;
const PARTICLE = '(?:de|da|del|der|van|von|al|bin|la|le|di|du)';
/** A capitalised name or outlet: "Robbie Gramer", "The Wall Street Journal", "Bloomberg News". */
export const NAME = String.raw`${WORD}(?:\s+(?:${WORD}|${PARTICLE}|&))*`;
const NAME_ONLY = new RegExp(`^${NAME}$`, 'u');
const BARE_NAME = new RegExp(String.raw`^${WORD}(?:\s+(?:${WORD}|${PARTICLE})){1,3}$`, 'u');
const ASSISTANCE =
  /^\(?\s*(?:with\s+)?(?:additional\s+)?(?:assistance|reporting|writing|editing|research)\s+(?:from|by)\b[^()]*\)?\s*[.)]*$/i;
const CONTACT =
  /\b(?:Write to|Contact|Email|E-mail|Reach)\s+(?:the\s+(?:author|writer|reporter)s?\s*(?:at|:)\s*|[^\n@]{1,80}?\s+at\s+)\S+@\S+\.\w+(?:\s*(?:,|and)\s+[^\n@]{1,80}?\s+at\s+\S+@\S+\.\w+)*/g;
const LINK_LABEL_END =
  /(?:Read More|Read more|Continue Reading|Continue reading|Full Story|More »|Read the full (?:story|article))\s*$/;

function words(t: string): number {
  return t.split(/\s+/).filter(Boolean).length;
}

/** Parts of a byline: the text after "By", split at commas and "and", each a capitalised name. */
function isNameList(text: string): boolean {
  const parts = text
    .replace(/[,|]?\s*(?:on|for)?\s*$/, '')
    .split(/\s*(?:,|\band\b|\|)\s*/)
    .filter((p) => p !== '');
  return parts.length > 0 && parts.every((p) => NAME_ONLY.test(p));
}

/** Consume byline lines: "By …" name lists, "Name, Outlet on", lines naming a listed author, assistance credits. */
export function removeBylineLines(page: Page, authors: readonly string[]): void {
  page.lines.forEach((line, i) => {
    if (!page.consumed.has(i) && isBylineLine(line.text.trim(), authors)) consumeLine(page, i, 'byline');
  });
}

function isBylineLine(t: string, authors: readonly string[]): boolean {
  if (t === '' || words(t) > 25) return false;
  if (ASSISTANCE.test(t)) return true;
  if (/[.!?]["”’]?$/.test(t) && !/\b[A-Z]\.$/.test(t)) return false;
  const by = /^By:?\s+(.*)$/i.exec(t);
  if (by && isNameList(by[1] ?? '')) return true;
  if (words(t) > 12 || !isNameList(t)) return false;
  return t.includes(',') || authors.some((a) => t.startsWith(a));
}

/**
 * Consume signatures: a line that opens with a dateline and runs on into a short sign-off
 * ("Sun, 11/30/2025 – 10:30ZeroHedge NewsRead More"), and a bare name just before a dateline line
 * when no prose follows. Both end the article.
 */
export function removeSignatures(page: Page): void {
  const open = page.lines
    .map((l, i) => [i, l] as const)
    .filter(([i, l]) => !page.consumed.has(i) && l.text.trim() !== '');
  let lastProse = -1;
  for (const [i, l] of open) if (isProse(l.text)) lastProse = i;
  open.forEach(([i, line], k) => {
    const d = datelineAt(line.text, 0);
    if (!d?.labelled || d.year === undefined) return;
    const rest = line.text.slice(d.end);
    const restTrim = rest.trim();
    const wholeLine = restTrim === '';
    const runOn = !wholeLine && words(restTrim) <= 8 && !/[.!?]$/.test(restTrim);
    if (!wholeLine && !runOn) return;
    const prev = open[k - 1];
    const prevIsName = prev !== undefined && BARE_NAME.test(prev[1].text.trim());
    const afterProse = i > lastProse;
    if (!runOn && !(prevIsName && afterProse)) return;
    const spans: Mark[] = [{ start: line.start + d.start, end: line.start + d.end, reason: 'dateline' }];
    const iso = isoOf(d);
    if (iso) page.datelines.push({ text: d.text, date: iso, where: 'dateline' });
    if (runOn) {
      const restStart = line.start + d.end + (rest.length - rest.trimStart().length);
      const restEnd = line.start + line.text.trimEnd().length;
      const label = LINK_LABEL_END.exec(line.text.slice(0, line.text.trimEnd().length));
      const labelStart = label ? line.start + label.index : restEnd;
      spans.push({ start: restStart, end: labelStart, reason: 'signature' });
      if (label) spans.push({ start: labelStart, end: restEnd, reason: 'link-label' });
    }
    consumeLineSpans(page, i, spans);
    if (prevIsName && afterProse && prev) {
      consumeLine(page, prev[0], 'signature');
      markArticleEnd(page, prev[1].start);
    } else if (afterProse) {
      markArticleEnd(page, line.start);
    }
  });
}

/** Remove contact lines inside a block ("Write to A at a@x.com and B at b@x.com"); they end the article. */
export function removeContacts(page: Page, block: Block): void {
  for (const m of allMatches(CONTACT, block.text)) {
    const start = block.start + m.index;
    if (addMark(block, start, start + m[0].length, 'contact')) markArticleEnd(page, start);
  }
}
