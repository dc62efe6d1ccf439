/**
 * Sentence splitting: Intl.Segmenter proposes boundaries, then an abbreviation-aware pass
 * removes the wrong ones ("U.S. Treasury", "Vladimir V. Putin", "Nov. 30", "Mr. Smith").
 */
import { ALWAYS_JOIN, MONTH_ABBREVIATIONS, SENTENCE_STARTERS, STATES, SUFFIXES, TITLES } from './abbreviations.ts';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** A span of a sentence: `[start, end)` offsets into the text given to the splitter. */
export interface Span {
  start: number;
  end: number;
}

/** Sentences of `text` as trimmed spans; together they cover every non-whitespace character. */
export function splitSentences(text: string): Span[] {
  const raw: Span[] = [];
  // ICU always breaks at a line feed; a hand-wrapped line is not a sentence end, so read it as a space.
  for (const s of segmenter.segment(text.includes('\n') ? text.replaceAll('\n', ' ') : text))
    raw.push({ start: s.index, end: s.index + s.segment.length });
  const merged: Span[] = [];
  for (const span of raw) {
    const prev = merged[merged.length - 1];
    // Only the words around the boundary matter; bounded slices keep long paragraphs linear.
    if (
      prev &&
      !isBoundary(
        text.slice(Math.max(prev.start, prev.end - 80), prev.end),
        text.slice(span.start, Math.min(span.end, span.start + 80)),
      )
    ) {
      prev.end = span.end;
    } else merged.push({ ...span });
  }
  const out: Span[] = [];
  for (const s of merged) {
    const t = trim(text, s.start, s.end);
    if (t) out.push(t);
  }
  return out;
}

function trim(text: string, start: number, end: number): Span | undefined {
  let a = start;
  let b = end;
  while (a < b && /\s/.test(text[a] ?? '')) a++;
  while (b > a && /\s/.test(text[b - 1] ?? '')) b--;
  return a < b ? { start: a, end: b } : undefined;
}

/** Whether a boundary proposed between `before` and `after` really ends a sentence. */
export function isBoundary(before: string, after: string): boolean {
  const left = before.trimEnd();
  const right = after.trimStart();
  if (left === '' || right === '') return true;
  // The last word before the boundary, without opening brackets or quotes.
  const lastWord = (/[^\s]+$/.exec(left)?.[0] ?? '').replace(/^[([{“‘"']+/, '');
  if (!lastWord.endsWith('.')) return true;
  const stem = lastWord.slice(0, -1);
  const nextWord = /^[^\s]+/.exec(right)?.[0] ?? '';
  const nextBare = nextWord.replace(/[^\p{L}\p{N}.]+$/u, '');
  const nextCapital = /^\p{Lu}/u.test(nextWord);
  const nextDigit = /^\d/.test(nextWord);
  const starter = /^[“‘"'(]/.test(nextWord) || SENTENCE_STARTERS.has(nextBare.replace(/\.$/, ''));

  if (TITLES.has(stem)) return false;
  if (ALWAYS_JOIN.has(stem)) return false;
  if (MONTH_ABBREVIATIONS.has(stem)) return !nextDigit;
  if (STATES.has(stem)) return nextCapital;
  // A single capital initial ("Vladimir V. Putin") joins the name that follows.
  if (/^\p{Lu}$/u.test(stem)) return starter || !nextCapital;
  // Dotted acronyms and times: U.S., U.K., a.m., p.m., D.C.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(stem) || SUFFIXES.has(stem)) return starter;
  return true;
}
