/**
 * Who a clause is about when the clause does not say it: the noun phrase a relative clause or a
 * participle phrase hangs on ("Moscow’s invasion, which began …"), and the speaker and content of
 * a reported saying ("Trump said on Sunday that …").
 */
import type { Gazetteer } from '../model.ts';
import { findMentions, possessiveAt, surnameOf } from './tagger.ts';
import { tokenize } from './text.ts';

const DETERMINER = /^(?:the|a|an|its|his|her|their|our|this|that|these|those|some|several|many)$/i;
/** Words a noun phrase cannot run back across. */
const NP_STOP =
  /^(?:to|in|on|at|for|from|by|with|into|onto|over|under|about|after|before|during|since|against|toward|towards|upon|via|amid|and|or|but|as|than|said|says|told|is|are|was|were|be|been|has|have|had|will|would|can|could|end|ending)$/i;

/** Words that take a "that" complement ("said that …", "expects that …"), not a relative clause. */
const COMPLEMENT_VERB =
  /^(?:said|says|say|told|tell|tells|announced|announces|stated|wrote|writes|added|adds|warned|insisted|claimed|declared|confirmed|confirms|believes?|believed|thinks?|thought|hopes?|hoped|expects?|expected|anticipates?|anticipated|knows?|knew|argued|argues|noted|notes|reported|reports|suggested|suggests|fears?|feared|showed|shows|means?|meant|signal(?:ed|s)?|agreed|agrees|acknowledged)$/i;

/** The noun phrase that ends right before `at` (a comma before `at` is skipped), or `''`. */
export function nounPhraseBefore(text: string, at: number): string {
  const end = text.slice(0, at).replace(/[\s,]+$/, '').length;
  const words = tokenize(text.slice(0, end));
  const taken: typeof words = [];
  for (let i = words.length - 1; i >= 0 && taken.length < 9; i--) {
    const w = words[i];
    if (w === undefined) break;
    const gap = text.slice(w.end, taken[0]?.start ?? end);
    if (/[,;:—–()“”"]/.test(gap) && taken.length > 0) break;
    // "of" joins two nouns ("the volley of drones"); other prepositions end the phrase.
    if (NP_STOP.test(w.text)) break;
    taken.unshift(w);
  }
  if (taken.length === 0) return '';
  // The phrase starts at its first determiner, possessive or capitalised word.
  let first = taken.findIndex((w) => DETERMINER.test(w.text) || /['’]s$/.test(w.text) || /^\p{Lu}/u.test(w.text));
  if (first < 0) first = 0;
  const from = taken[first];
  if (from === undefined) return '';
  if (/^of$/i.test(from.text)) return '';
  return text.slice(from.start, end);
}

/** The clause opens with a relative pronoun that hangs on the noun before it. */
export function isRelativeOpening(text: string, clauseStart: number): boolean {
  const rest = text.slice(clauseStart).trimStart();
  const m = /^(which|who|that)\b/i.exec(rest);
  if (m === null) return false;
  if ((m[1] ?? '').toLowerCase() !== 'that') return true;
  const prev = tokenize(text.slice(0, clauseStart)).at(-1);
  if (prev === undefined) return false;
  // "said that", "on Saturday that": a complement, not a relative clause.
  if (
    COMPLEMENT_VERB.test(prev.text) ||
    /^(?:day|week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)$/i.test(
      prev.text,
    )
  )
    return false;
  return !/ed$/i.test(prev.text);
}

/** A participle phrase set off by commas after a noun ("the proposal, leaked in mid-November, …"): its span. */
export function participlePhrase(text: string, at: number): { start: number; end: number } | undefined {
  const open = text.lastIndexOf(',', at);
  if (open < 0) return undefined;
  const phrase = text.slice(open + 1);
  const first = tokenize(phrase)[0];
  if (first === undefined || !/^\p{Ll}[\p{L}]*(?:ed|en)$/u.test(first.text)) return undefined;
  if (text.slice(open + 1, open + 1 + first.start).trim() !== '') return undefined;
  const close = text.indexOf(',', at);
  return { start: open + 1 + first.start, end: close < 0 ? text.length : close };
}

/** A saying: who spoke and what was said (the complement, or the quotation the sentence opens with). */
export interface Saying {
  speaker: string;
  speakerSlug?: string;
  content: string;
}

const REPORT_VERB = /\b(?:said|says|told|tells|telling|wrote|writes|added|adds|announced|declared|stated)\b/;

/** Speaker and content of a reported saying in `text` whose date sits at `exprStart..exprEnd`. */
export function sayingOf(text: string, exprStart: number, exprEnd: number, gazetteer: Gazetteer): Saying | undefined {
  const verbs = [...text.matchAll(new RegExp(REPORT_VERB.source, 'g'))];
  if (verbs.length === 0) return undefined;
  // The reporting verb nearest the date.
  const verb = verbs.sort((a, b) => Math.abs(a.index - exprStart) - Math.abs(b.index - exprStart))[0];
  if (verb === undefined) return undefined;
  const people = findMentions(text, gazetteer).filter((m) => m.kind === 'person' && !possessiveAt(text, m.end));
  const before = people.filter((m) => m.end <= verb.index);
  const after = people.filter(
    (m) => m.start >= verb.index + verb[0].length && m.start <= verb.index + verb[0].length + 2,
  );
  const who = before.at(-1) ?? after[0];
  let speaker = who === undefined ? '' : text.slice(who.start, who.end);
  if (who === undefined) {
    // "U.S. and Ukrainian negotiators said …": the words before the verb.
    let lead = text.slice(0, verb.index).replace(/[\s,]+$/, '');
    if (exprEnd <= verb.index && lead.endsWith(text.slice(exprStart, exprEnd)))
      lead = lead.slice(0, lead.length - (exprEnd - exprStart)).trim();
    if (lead.length > 0 && lead.length < 60 && !/[“”",]/.test(lead)) speaker = lead;
  }
  if (speaker === '') return undefined;
  // Content: a quotation the sentence opens with, else what follows the verb and the date.
  const quote = /^\s*[“"]([^”"]+)[”"]/.exec(text);
  let content = '';
  const close = text.lastIndexOf('”', verb.index);
  if (quote !== null && (quote.index ?? 0) + quote[0].length <= verb.index + 1) {
    content = `“${(quote[1] ?? '').replace(/[,.]\s*$/, '')}”`;
  } else if (close > 0 && !text.slice(0, close).includes('“')) {
    // The last sentence of a quotation opened earlier: "… priorities,” Zelensky said."
    content = `“${text.slice(0, close).replace(/[,.]\s*$/, '')}”`;
  } else {
    const from = Math.max(verb.index + verb[0].length, exprEnd);
    content = text
      .slice(from)
      .replace(/^\s*(?:to\s+reporters|reporters|in\s+a\s+post\s+on\s+\S+|on\s+\S+)?\s*/i, '')
      .replace(/^(?:that)\s+/i, '')
      .replace(/^[\s,:]+/, '');
  }
  // A description ("the Russian leader") gives way to the person's surname in a headline.
  const surname = who === undefined ? undefined : surnameOf(gazetteer, who.slug);
  if (surname !== undefined && /\p{Ll}/u.test(speaker.replace(/^\p{L}/u, '')) && /\s/.test(speaker)) speaker = surname;
  const out: Saying = { speaker, content: content.replace(/\s*[.]\s*$/, '') };
  if (who !== undefined) out.speakerSlug = who.slug;
  return out;
}

const VERBISH =
  /^(?:\p{Ll}+ed|has|have|had|was|were|is|are|will|would|began|struck|hit|fired|sent|launched|attacked|says|said)$/u;

/** The one country a subject names (a country, or a place of one), if exactly one. */
export function subjectCountry(subject: string, gazetteer: Gazetteer): string | undefined {
  const head = tokenize(subject).slice(0, 3);
  const end = head.at(-1)?.start ?? 0;
  for (const m of findMentions(subject.slice(0, end), gazetteer)) {
    if (m.kind !== 'place') continue;
    // The country is the subject only when a verb (or an aside's comma) follows it: "Russia bombarded", "Ukraine, meanwhile,".
    const next = /^\s*(,|[\p{L}]+)/u.exec(subject.slice(m.end))?.[1] ?? '';
    if (next !== ',' && !VERBISH.test(next)) continue;
    const place = gazetteer.places.find((p) => p.slug === m.slug);
    return place?.country ?? m.slug;
  }
  return undefined;
}

/** People a text names as actors: not as possessors ("Trump’s team"). */
export function actorsOf(text: string, gazetteer: Gazetteer): Set<string> {
  const out = new Set<string>();
  for (const m of findMentions(text, gazetteer)) if (m.kind === 'person' && !possessiveAt(text, m.end)) out.add(m.slug);
  return out;
}
