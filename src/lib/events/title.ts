/**
 * Titles in the event's own words: the clause around the date, without connectives, attribution or
 * the date itself; cut only at a phrase boundary, never after a function word, at most 90 characters.
 */
import type { Gazetteer } from '../model.ts';
import { asides } from './clauses.ts';
import { findMentions } from './tagger.ts';
import { capitalise, isFunctionWord, tokenize } from './text.ts';
import type { Candidate } from './types.ts';

export const MAX_TITLE = 90;

const LEADING = [
  /^(?:and|but|so|yet|or|meanwhile|however|nevertheless|nonetheless|still|also|then|now|thus|instead|indeed|that|which|when|while|as|after|although|though|because|where|whereas|including|following|referring to|saying|adding)\b[,:]?\s*/i,
  /^as [^,]{1,60}? reports?(?: for [^,]+)?,\s*/i,
  /^according to [^,]+,\s*/i,
  /^in comments [^,]*,\s*/i,
];

const TRAILING = [
  /,?\s*according to .*$/i,
  /,\s*(?:he|she|they|it|[\p{Lu}][\p{L}.’'\- ]{0,40}?)\s+(?:said|says|added|wrote|told [^,]{1,40})\W*$/u,
  /,\s*(?:he|she|they)\s+said\s*$/i,
];

/** Text of the clause with its time expressions taken out ("Sunday’s meeting" → "the meeting"). */
export function withoutDates(text: string, spans: ReadonlyArray<{ start: number; end: number; text: string }>): string {
  let out = text;
  for (const s of [...spans].sort((a, b) => b.start - a.start)) {
    if (s.start < 0 || s.end > out.length) continue;
    const before = out.slice(0, s.start);
    const after = out.slice(s.end);
    if (/['’]s$/.test(s.text)) {
      out = `${before}the${after}`;
      continue;
    }
    const poss = /^['’]s\b/.exec(after);
    if (poss !== null) {
      out = `${before}the${after.slice(poss[0].length)}`;
      continue;
    }
    out = `${before.replace(/\b(?:on|in|at|during|by|this|since|from|of|until|sometime|some time)\s*$/i, '')}${after}`;
  }
  return out;
}

/** Drop asides, connectives, attribution and dangling punctuation. */
export function cleanClause(text: string): string {
  let t = text;
  for (const a of asides(t).sort((x, y) => y.start - x.start)) t = `${t.slice(0, a.start)} ${t.slice(a.end)}`;
  t = t.replace(/,\s*(?:meanwhile|however|though|nevertheless|too|also|then),/gi, '');
  t = t.replace(/\s+/g, ' ').trim();
  for (let again = true; again; ) {
    again = false;
    t = t.replace(/^[\s,;:.—–-]+/, '');
    for (const re of LEADING) {
      const next = t.replace(re, '');
      if (next !== t) {
        t = next;
        again = true;
      }
    }
  }
  for (const re of TRAILING) t = t.replace(re, '');
  t = t.replace(/\s+([,.;:])/g, '$1').replace(/[\s,;:—–-]+$/, '').replace(/\.$/, '');
  // A quotation opened and not closed inside the title reads as broken: drop the stray mark.
  if ((t.match(/“/g)?.length ?? 0) !== (t.match(/”/g)?.length ?? 0)) t = t.replace(/[“”]/g, '');
  return t.replace(/\s+/g, ' ').trim();
}

/** Cut `text` to at most `max` characters at a phrase boundary, never ending on a function word. */
export function shorten(text: string, max = MAX_TITLE): { text: string; cut: boolean } {
  const trimEnd = (s: string) => {
    let words = tokenize(s);
    let end = s.length;
    while (words.length > 0 && isFunctionWord((words[words.length - 1] as { lower: string }).lower)) {
      words = words.slice(0, -1);
      end = words.length === 0 ? 0 : (words[words.length - 1] as { end: number }).end;
    }
    return s.slice(0, end).replace(/[\s,;:—–(“-]+$/, '');
  };
  if (text.length <= max) {
    const t = trimEnd(text);
    return { text: t, cut: t !== text };
  }
  const cuts: number[] = [];
  for (const m of text.matchAll(/,\s|\s[—–]\s?|\s(?=(?:which|who|that|where|while|including|according|as|after|before|to|for|with|from|in|on|at|amid|following|over|into|against|by|and|but)\s)/gi)) {
    if (m.index > 0 && m.index <= max) cuts.push(m.index);
  }
  for (const at of cuts.sort((a, b) => b - a)) {
    const t = trimEnd(text.slice(0, at));
    if (tokenize(t).length >= 4) return { text: t, cut: true };
  }
  const space = text.lastIndexOf(' ', max);
  return { text: trimEnd(text.slice(0, space > 0 ? space : max)), cut: true };
}

/** Replace an opening relative pronoun with the person it refers to ("…, who sat at the table" → "Kyslytsya sat …"). */
function recoverSubject(clause: string, c: Candidate, gazetteer: Gazetteer): string {
  if (!/^\s*who\b/i.test(clause)) return clause;
  const people = findMentions(c.info.text.slice(0, c.clauseStart), gazetteer).filter((m) => m.kind === 'person');
  const last = people[people.length - 1];
  if (last === undefined) return clause;
  return clause.replace(/^\s*who\b/i, c.info.text.slice(last.start, last.end));
}

/** Title from one candidate's clause (antecedent sentence when the clause only points back). */
export function candidateTitle(c: Candidate, sentenceExpressions: ReadonlyArray<{ start: number; end: number; text: string }>, gazetteer: Gazetteer): { text: string; cut: boolean } {
  const inClause = sentenceExpressions
    .filter((e) => e.start >= c.clauseStart && e.end <= c.clauseEnd)
    .map((e) => ({ start: e.start - c.clauseStart, end: e.end - c.clauseStart, text: e.text }));
  // The event an anchor names ("a day before [the delegations met]") is not this event's news.
  const anchor = c.expression.anchor;
  if (anchor.kind === 'unresolved' && anchor.mention !== '') {
    const at = c.clause.indexOf(anchor.mention);
    if (at >= 0) inClause.push({ start: at, end: at + anchor.mention.length, text: anchor.mention });
  }
  let text = cleanClause(recoverSubject(withoutDates(c.clause, inClause), c, gazetteer));
  // A fragment ("Began", "Trump said", a lone date) reads worse than the whole sentence.
  if (tokenize(text).length < 5 || /^\p{Ll}/u.test(text) || /\b(?:said|says|told)$/.test(text)) {
    const all = sentenceExpressions.map((e) => ({ start: e.start, end: e.end, text: e.text }));
    const whole = cleanClause(withoutDates(c.info.text, all));
    if (tokenize(whole).length >= tokenize(text).length) text = whole;
  }
  const antecedent = c.attached.find((a) => a.core);
  if (antecedent !== undefined && (c.anaphor || tokenize(text).length < 5)) {
    const own = cleanClause(antecedent.sentence.text);
    if (tokenize(own).length >= 4) text = own;
  }
  return shorten(capitalise(text));
}

/** How good a title reads: whole clause, names in it, article prose, sensible length. */
export function titleScore(title: { text: string; cut: boolean }, c: Candidate, gazetteer: Gazetteer): number {
  const words = tokenize(title.text);
  let score = 0;
  if (words.length < 4) score -= 6;
  if (title.cut) score -= 2;
  if (/^(?:he|she|they|it|his|her|their|its|this|that|these|those)\b/i.test(title.text)) score -= 3;
  if (c.info.segmentKind === 'article') score += 2;
  else if (c.info.segmentKind === 'post' || c.info.segmentKind === 'summary') score += 1;
  const names = new Set(findMentions(title.text, gazetteer).filter((m) => m.kind !== 'topic').map((m) => m.slug));
  score += Math.min(names.size, 3);
  if (/[“”"]/.test(title.text)) score -= 1;
  if (c.statement) score -= 1;
  return score;
}
