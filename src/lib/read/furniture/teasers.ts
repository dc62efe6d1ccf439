/**
 * Teasers: after the article's end, a paragraph with its own outlet and dateline ("Column by X The
 * Washington Post , August 14, 2024 at 12:00 a.m. EDT;") or a truncated ending ("…") is a teaser
 * of another article. Its byline and dateline go as furniture; its date becomes its reference
 * (a dateline without a year takes the latest fitting year, checked against weekdays it names).
 */
import { allMatches } from '../../dates/regex.ts';
import { findDates, inferYear, isoOf, TIME, weekdaysNamed } from '../datelines.ts';
import type { IsoDate } from '../../model.ts';
import { addMark, type Block, type Region } from '../page.ts';

const CAP = String.raw`\p{Lu}[\p{L}&.'’\-]*`;
const BEFORE_DATE = new RegExp(
  String.raw`(${CAP}(?:\s+(?:${CAP}|of|on|the|and|&))*)(\s*,?\s*(?:(?:Updated|Published|Posted)\s+(?:${TIME}\s*,?\s*)?)?)$`,
  'u',
);
const AFTER_DATE = new RegExp(
  String.raw`(?:\s*(?:,|at)?\s*${TIME})?(?:\s*(?:Updated|Published)\s+${TIME})?\s*[;]?`,
  'y',
);
const BYLINE =
  /(?:\b(?:Column|Analysis|Opinion|Commentary|Review|Perspective|Story|Words|Photos?)\s+by|\bBy)\s+(?=\p{Lu})/gu;

/** The outlet named just before a date, from a run of capitalised words. */
function outletOf(run: string, preceding: string): string | undefined {
  const the = run.lastIndexOf('The ');
  if (the !== -1) return run.slice(the).trim();
  const words = run.trim().split(/\s+/);
  // "By Ana Gomez Reuters": a byline name, then a one-word outlet.
  if (words[0] === 'By') return words.length >= 4 ? words[words.length - 1] : undefined;
  if (/\bby\s*$/i.test(preceding)) return undefined;
  return run.split(/\s+/).length <= 4 ? run.trim() : undefined;
}

/** Read a tail block as a teaser when it has its own outlet + dateline or ends truncated. */
export function readTeaser(block: Block, hostDate: IsoDate): boolean {
  const text = block.text;
  const truncated = /(?:\.\.\.|…)\s*$/.test(text);
  for (const d of findDates(text)) {
    const head = text.slice(Math.max(0, d.start - 160), d.start);
    const m = BEFORE_DATE.exec(head);
    if (!m) continue;
    const run = m[1] ?? '';
    const runStart = d.start - head.length + m.index;
    const outlet = outletOf(run, text.slice(Math.max(0, runStart - 10), runStart));
    if (outlet === undefined) continue;
    const outletStart = runStart + run.length - outlet.length;
    AFTER_DATE.lastIndex = d.end;
    const after = AFTER_DATE.exec(text);
    const end = d.end + (after?.[0].length ?? 0);
    // The byline: "Column by …", "By …" shortly before the outlet.
    let bylineStart = outletStart;
    for (const b of allMatches(BYLINE, text.slice(Math.max(0, outletStart - 160), outletStart))) {
      const at = Math.max(0, outletStart - 160) + b.index;
      // A byline holds no sentence end (initials such as "E." aside).
      const span = text.slice(at, outletStart).replace(/\b\p{Lu}\.\s/gu, '');
      if (!/[.!?]["”’]?\s+\p{Lu}/u.test(span)) {
        bylineStart = at;
        break;
      }
    }
    if (bylineStart < outletStart) addMark(block, block.start + bylineStart, block.start + outletStart, 'byline');
    addMark(block, block.start + outletStart, block.start + end, 'dateline');
    const iso = isoOf(d);
    const inferred = iso ? undefined : inferYear(d.month, d.day, hostDate, weekdaysNamed(text));
    const region: Region = {
      start: block.start,
      end: block.end,
      kind: 'teaser',
      outlet,
      referenceDate: iso ?? inferred?.date ?? hostDate,
      referenceRule: iso ? 'dateline' : inferred?.weekdayChecked ? 'dateline-no-year+weekday' : 'dateline-no-year',
      dateline: text.slice(outletStart, end).replace(/[;\s]+$/, ''),
    };
    block.regions.push(region);
    return true;
  }
  if (!truncated) return false;
  block.regions.push({
    start: block.start,
    end: block.end,
    kind: 'teaser',
    referenceDate: hostDate,
    referenceRule: 'published',
  });
  return true;
}
