/**
 * Ingest stage 2: the temporal resolver. Finds every time expression in a sentence and resolves it
 * TIMEX3-style against the segment's reference date. Pipeline: recognisers → keep the longest of
 * overlapping spans → read each one's tense → resolve → anchor "the day before <expression>".
 */
import type { IsoDate, TimeExpression } from '../model.ts';
import { isIsoDate } from './calendar.ts';
import { keepLongest } from './overlap.ts';
import { RECOGNISERS } from './recognisers/index.ts';
import { type Resolved, resolve, resolveAgainst } from './resolve.ts';
import { tenseAt, tokenize } from './tense.ts';
import type { Candidate } from './types.ts';

export interface ResolveOptions {
  /** Reference date of the segment the sentence is in (publication date, or a teaser's / post's own date). */
  referenceDate: IsoDate;
}

/** Every time expression in one sentence, resolved; offsets are within `sentence`. Sorted by start. */
export function findTimeExpressions(sentence: string, options: ResolveOptions): TimeExpression[] {
  const ref = options.referenceDate;
  if (!isIsoDate(ref)) throw new RangeError(`referenceDate is not a calendar date: ${ref}`);
  // Case-insensitive patterns match the long s ("laſt week") but it lower-cases to itself: read it as "s".
  // One character for one, so offsets (and the verbatim `text`, sliced from `sentence`) are unchanged.
  const folded = sentence.includes('ſ') ? sentence.replace(/ſ/g, 's') : sentence;
  const kept = keepLongest(RECOGNISERS.flatMap((r) => r.find(folded))).filter((c) => c.mention.kind !== 'void');
  if (kept.length === 0) return []; // most sentences: no need to read their tense
  const tokens = tokenize(folded);
  const out: TimeExpression[] = kept.map((c) => {
    let tense = tenseAt(tokens, c.start, c.end);
    // "Sunday's talks" names an event: a present verb elsewhere in the clause does not make it upcoming.
    if (c.mention.kind === 'weekday' && c.mention.possessive && tense === 'present') tense = 'none';
    return build(sentence, c, tense, resolve(c, tense, ref));
  });
  kept.forEach((c, i) => {
    const target = anchorTarget(kept, out, i);
    const current = out[i];
    if (target === undefined || !current || c.mention.kind !== 'relative') return;
    const date = out[target]?.startDate ?? ref;
    const anchored = resolveAgainst(c.mention.days, c.mention.unit, date, target);
    out[i] = build(sentence, { ...c, rule: 'relative-to-expression' }, current.tense, anchored);
  });
  return out;
}

/** Index of a day-precision expression inside the event a relative candidate names, if any. */
function anchorTarget(kept: readonly Candidate[], out: readonly TimeExpression[], i: number): number | undefined {
  const m = kept[i]?.mention;
  if (m?.kind !== 'relative' || m.mentionEnd <= m.mentionStart) return undefined;
  for (let j = i + 1; j < kept.length; j++) {
    const other = kept[j];
    const expr = out[j];
    if (!other || !expr || other.start >= m.mentionEnd) break;
    if (other.start >= m.mentionStart && expr.precision === 'day' && expr.value !== '') return j;
  }
  return undefined;
}

function build(sentence: string, c: Candidate, tense: TimeExpression['tense'], r: Resolved): TimeExpression {
  const base: TimeExpression = {
    text: sentence.slice(c.start, c.end),
    start: c.start,
    end: c.end,
    value: r.value,
    startDate: r.startDate,
    endDate: r.endDate,
    precision: r.precision,
    tense,
    rule: c.rule,
    anchor: r.anchor,
  };
  if (c.modifier !== undefined) base.modifier = c.modifier;
  return base;
}
