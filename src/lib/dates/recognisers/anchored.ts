/**
 * Dates relative to another event: "a day before the delegations met", "the day before Sunday's
 * talks", "two weeks after the invasion", "the next day", "a day later", "earlier in the day",
 * "that day", "the same day". The named event (the mention) runs to the end of its clause.
 * Groups: n, unit, dir; w (previous/next/following/same); tod.
 * Watch out for: "days before the vote" without a count (vague), "the day before yesterday"
 * (relative-day.ts wins as the longer match), "that day will come" (rare; accepted), a mention that
 * is itself a dated expression (index.ts then anchors to that expression).
 */
import { allMatches } from '../regex.ts';
import type { DateModifier } from '../../model.ts';
import type { Candidate, Mention } from '../types.ts';
import { B, COUNT, E, candidate, countValue, modifierOf, pattern } from './patterns.ts';

const BEFORE_AFTER = pattern(
  `${B}(?<n>${COUNT})\\s+(?<unit>days?|weeks?|nights?)\\s+(?<dir>before|after|prior\\s+to|ahead\\s+of|earlier\\s+than|later\\s+than)${E}`,
);
const EARLIER_LATER = pattern(
  `${B}(?<n>${COUNT})\\s+(?<unit>days?|weeks?)\\s+(?<dir>earlier|later|previously|before)${E}(?!\\s+than${E})`,
);
const NEXT_PREVIOUS = pattern(
  `${B}the\\s+(?<w>previous|next|following|same)\\s+(?<unit>day|morning|afternoon|evening|night|week)${E}`,
);
const SAME_DAY = pattern(
  `${B}(?:(?<dir>earlier|later)\\s+(?:in\\s+the|that)\\s+day|that\\s+(?<tod>day|morning|afternoon|evening|night))${E}`,
);

/** Clause punctuation that ends a mention; a period only when it ends a sentence (not "U.S." or "Fla."). */
const CLAUSE_END =
  /[,;:!?—–()“”"]|(?<!(?:^|[\s.])\p{Lu}|\b(?:Fla|Gen|Sen|Rep|Gov|Mr|Mrs|Ms|Dr|St|Sec|Jr|Sr|Inc|Co|No|Lt|Col|Sgt|Pres))\.(?=\s|$)/u;
const MAX_MENTION = 200;

/** The named event after a "before"/"after": the rest of the clause, trimmed. */
function mentionAfter(sentence: string, from: number): { text: string; start: number; end: number } {
  const rest = sentence.slice(from, from + MAX_MENTION);
  const stop = rest.search(CLAUSE_END);
  const raw = stop < 0 ? rest : rest.slice(0, stop);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  return { text, start: from + lead, end: from + lead + text.length };
}

/** Build the relative mention. */
function relative(days: number, unit: 'day' | 'week', mention: string, start: number, end: number): Mention {
  return { kind: 'relative', days, unit, mention, mentionStart: start, mentionEnd: end };
}

/** Every pattern here contains one of these words (same flags, so the same case folding): without one, skip them all. */
const CUE = /day|week|night|morning|afternoon|evening/iu;

/** Find expressions anchored to another event. */
export function findAnchored(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  if (!CUE.test(sentence)) return out;
  for (const m of allMatches(BEFORE_AFTER, sentence)) {
    const g = m.groups ?? {};
    const nWord = (g['n'] ?? '').toLowerCase();
    const unitWord = (g['unit'] ?? '').toLowerCase();
    // "the days before" is vague; "the day before" is one day.
    if (nWord === 'the' && unitWord.endsWith('s')) continue;
    const week = unitWord.startsWith('week');
    const sign = /^(?:before|prior|ahead|earlier)/i.test(g['dir'] ?? '') ? -1 : 1;
    const days = sign * countValue(nWord) * (week ? 7 : 1);
    const end = m.index + m[0].length;
    const named = mentionAfter(sentence, end);
    const modifier: DateModifier | undefined = unitWord.startsWith('night') ? 'night' : undefined;
    out.push(
      candidate(
        m.index,
        end,
        'relative-to-event',
        relative(days, week ? 'week' : 'day', named.text, named.start, named.end),
        modifier,
      ),
    );
  }
  for (const m of allMatches(EARLIER_LATER, sentence)) {
    const g = m.groups ?? {};
    const week = (g['unit'] ?? '').toLowerCase().startsWith('week');
    const sign = (g['dir'] ?? '').toLowerCase() === 'later' ? 1 : -1;
    const days = sign * countValue(g['n'] ?? '1') * (week ? 7 : 1);
    const end = m.index + m[0].length;
    out.push(candidate(m.index, end, 'relative-to-context', relative(days, week ? 'week' : 'day', '', end, end)));
  }
  for (const m of allMatches(NEXT_PREVIOUS, sentence)) {
    const g = m.groups ?? {};
    const w = (g['w'] ?? '').toLowerCase();
    const unitWord = (g['unit'] ?? '').toLowerCase();
    const week = unitWord === 'week';
    // "in the next week" usually means the coming days, not a week after a narrated event.
    if (week && w === 'next') continue;
    const sign = w === 'previous' ? -1 : w === 'same' ? 0 : 1;
    const end = m.index + m[0].length;
    out.push(
      candidate(
        m.index,
        end,
        'relative-to-context',
        relative(sign * (week ? 7 : 1), week ? 'week' : 'day', '', end, end),
        modifierOf(unitWord),
      ),
    );
  }
  for (const m of allMatches(SAME_DAY, sentence)) {
    const g = m.groups ?? {};
    const end = m.index + m[0].length;
    out.push(candidate(m.index, end, 'relative-to-context', relative(0, 'day', '', end, end), modifierOf(g['tod'])));
  }
  return out;
}
