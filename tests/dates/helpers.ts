/** Test helpers for the temporal resolver. */
import { expect } from 'vitest';
import { findTimeExpressions } from '../../src/lib/dates/index.ts';
import type { TimeExpression } from '../../src/lib/model.ts';

/** All expressions of `sentence` read on `ref`. */
export function all(sentence: string, ref: string): TimeExpression[] {
  return findTimeExpressions(sentence, { referenceDate: ref });
}

/** The one expression whose text is `text` (or the only one when `text` is omitted); fails otherwise. */
export function one(sentence: string, ref: string, text?: string): TimeExpression {
  const found = all(sentence, ref);
  const hits = text === undefined ? found : found.filter((x) => x.text === text);
  expect(
    hits.map((x) => x.text),
    `expressions in: ${sentence}`,
  ).toHaveLength(1);
  const hit = hits[0];
  if (!hit) throw new Error('unreachable');
  return hit;
}

/** Compact "value start..end precision [modifier]" for table assertions. */
export function brief(x: TimeExpression): string {
  return `${x.value} ${x.startDate}..${x.endDate} ${x.precision}${x.modifier ? ` ${x.modifier}` : ''}`;
}
