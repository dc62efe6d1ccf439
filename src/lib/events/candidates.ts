/**
 * Step 1: sentences and their time expressions → candidate events, one per expression that dates a
 * clause. A "said on Sunday that X will … next week" sentence yields the planned X only: a saying is
 * the news only when what was said carries no date of its own.
 */
import { compareIso } from '../dates/calendar.ts';
import type { Gazetteer, TimeExpression } from '../model.ts';
import { clauseSpans } from './clauses.ts';
import { isRelativeOpening, nounPhraseBefore, participlePhrase, sayingOf } from './subjects.ts';
import type { Span } from './clauses.ts';
import { findMentions, possessiveAt, tagText } from './tagger.ts';
import { keyTerms, tokenize } from './text.ts';
import type { Candidate, DatedDocument, SentenceInfo } from './types.ts';

const REPORTING =
  /^(?:said|says|say|told|tells|tell|announced|announces|announcement|stated|wrote|writes|posted|post|added|adds|warned|insisted|claimed|declared|address|conference|interview|remarks|statement|readout|briefing|television|reporters|telling|comments)$/i;

const FUTURE =
  /\b(?:will|shall|’ll|'ll|plans? to|planned|set to|expected to|scheduled|due to|going to|to travel|upcoming|anticipates?)\b/i;

/** Per-sentence facts: tags, key terms, segment and its reference date. */
export function sentenceInfos(d: DatedDocument, docIndex: number, gazetteer: Gazetteer): SentenceInfo[] {
  const { doc } = d;
  return doc.sentences.map((s) => {
    const paragraph = doc.paragraphs[s.paragraph];
    const segment = paragraph === undefined ? undefined : doc.segments[paragraph.segment];
    const words = tokenize(s.text);
    return {
      doc: docIndex,
      source: doc.source.id,
      sentence: s.index,
      paragraph: s.paragraph,
      segment: paragraph?.segment ?? 0,
      segmentKind: segment?.kind ?? 'article',
      referenceDate: segment?.referenceDate ?? doc.publishedDate,
      text: s.text,
      terms: keyTerms(s.text),
      tags: tagText(s.text, gazetteer),
      furnitureLike: words.length < 4 || !words.some((w) => /\p{Ll}{2}/u.test(w.text)),
    };
  });
}

/** True when the expression is written as a possessive ("Sunday’s talks"): it names, it does not date a verb. */
function possessive(text: string, e: TimeExpression): boolean {
  return /['’]s$/.test(e.text) || /^['’]s\b/.test(text.slice(e.end));
}

/** The expression dates a saying: a reporting word just before it ("said on Sunday") or right after ("last week said"). */
export function datesSaying(text: string, clause: Span, e: TimeExpression): boolean {
  if (possessive(text, e)) return false;
  const before = tokenize(text.slice(clause.start, e.start)).slice(-6);
  const after = tokenize(text.slice(e.end, clause.end)).slice(0, 1);
  return before.some((t) => REPORTING.test(t.text)) || after.some((t) => REPORTING.test(t.text));
}

/** A named person is the subject of a reporting verb ("Umerov reported on the main parameters"): a report about events is its own event. */
export function reportsAbout(clause: string, gazetteer: Gazetteer): boolean {
  return findMentions(clause, gazetteer).some(
    (m) =>
      m.kind === 'person' &&
      /^\s+(?:\p{Ll}+ly\s+)?(?:reported|reports|briefed|briefs|announced|announces|informed|informs)\b/u.test(
        clause.slice(m.end),
      ),
  );
}

/** The clause opens with an anaphor that names an earlier sentence's event ("That attack", "The three"). */
export function opensWithAnaphor(clause: string): boolean {
  return /^(?:(?:that|this|these|those)\s+\p{L}+|the\s+(?:two|three|four|five|six)\b)/iu.test(clause.trimStart());
}

/** Expressions that date something: not nested in another, not the anchor of another, resolved or resolvable. */
function datingExpressions(list: readonly TimeExpression[]): number[] {
  const anchors = new Set<number>();
  for (const e of list) if (e.anchor.kind === 'expression') anchors.add(e.anchor.index);
  return list
    .map((_, i) => i)
    .filter((i) => {
      const e = list[i];
      if (e === undefined || anchors.has(i)) return false;
      if (list.some((o, j) => j !== i && o.start <= e.start && o.end >= e.end && o.end - o.start > e.end - e.start))
        return false;
      if (e.anchor.kind === 'unresolved') return true;
      return e.startDate !== '' && e.endDate !== '' && compareIso(e.startDate, e.endDate) <= 0;
    });
}

/** The clause of an expression that stands alone ("Today, following …, X reported …"): reach on to the main clause. */
function widen(text: string, span: Span, e: TimeExpression): Span {
  const rest = text.slice(span.start, span.end);
  const own = tokenize(rest).filter((t) => t.start + span.start < e.start || t.end + span.start > e.end);
  if (own.length >= 2 || span.start !== 0) return span;
  return { start: span.start, end: text.length };
}

/** Candidates of one document, numbered from `first`. */
export function extractCandidates(
  d: DatedDocument,
  infos: readonly SentenceInfo[],
  first: number,
  gazetteer: Gazetteer,
): Candidate[] {
  const out: Candidate[] = [];
  for (const info of infos) {
    const list = d.expressions[info.sentence] ?? [];
    if (info.furnitureLike) continue;
    const usable = datingExpressions(list);
    if (usable.length === 0) continue;
    const text = info.text;
    const exprs = usable.map((i) => list[i] as TimeExpression);
    const spans = clauseSpans(text, exprs);
    const made: Candidate[] = exprs.map((e, k) => {
      let span = widen(text, spans[k] ?? { start: 0, end: text.length }, e);
      let subject: string | undefined;
      let participle = false;
      const phrase = participlePhrase(text, e.start);
      if (phrase !== undefined && phrase.start >= span.start && phrase.end <= span.end && phrase.start < e.start) {
        // "The proposal, leaked in mid-November, alarmed …": the phrase is the event, the noun its subject.
        const np = nounPhraseBefore(text, phrase.start - 1);
        if (np !== '') {
          subject = np;
          participle = true;
          span = phrase;
        }
      } else if (isRelativeOpening(text, span.start) && !/^\s*who\b/i.test(text.slice(span.start))) {
        const np = nounPhraseBefore(text, span.start);
        if (np !== '') subject = np;
      }
      // "… when he met U.S. officials": the pronoun is the last person named before it.
      if (
        subject === undefined &&
        /^\s*(?:(?:when|as|after|while)\s+)?(?:he|she)\b/i.test(text.slice(span.start)) &&
        span.start > 0
      ) {
        const person = findMentions(text.slice(0, span.start), gazetteer)
          .filter((m) => m.kind === 'person' && !possessiveAt(text, m.end))
          .at(-1);
        if (person !== undefined) subject = text.slice(person.start, person.end);
      }
      // ", which leaked in mid-November, drew …": a relative clause set off by commas ends at the next one.
      if (/,\s*$/.test(text.slice(0, span.start)) && isRelativeOpening(text, span.start)) {
        const comma = text.indexOf(',', e.end);
        if (comma > 0 && comma < span.end) span = { start: span.start, end: comma };
      }
      const clause = text.slice(span.start, span.end);
      const briefing = !datesSaying(text, span, e) && reportsAbout(clause, gazetteer);
      const statement = briefing || datesSaying(text, span, e);
      const c: Candidate = {
        n: 0,
        info,
        expression: e,
        clauseStart: span.start,
        clauseEnd: span.end,
        clause,
        statement,
        mention: possessive(text, e),
        // Only a sentence's opening words point back to the sentence before, and never the date itself ("This past week").
        anaphor:
          span.start === 0 && opensWithAnaphor(clause) && !(e.start <= text.length - text.trimStart().length + 1),
        start: e.startDate,
        end: e.endDate,
        precision: e.precision,
        rule: e.rule,
        planned: false,
        attached: [],
      };
      if (subject !== undefined) c.subject = subject;
      if (participle) c.participle = true;
      if (briefing) c.briefing = true;
      if (statement) {
        const saying = sayingOf(text, e.start, e.end, gazetteer);
        if (saying !== undefined) c.saying = saying;
      }
      if (e.modifier !== undefined) c.modifier = e.modifier;
      c.planned = isPlanned(c);
      return c;
    });
    // A dated relative clause inside what someone said names another event in passing.
    const saidAt = made.filter((c) => c.statement).map((c) => c.expression.end);
    for (const c of made) {
      if (!c.statement && saidAt.some((at) => at <= c.clauseStart) && isRelativeOpening(text, c.clauseStart))
        c.mention = true;
    }
    // A saying whose content is dated by a later expression is not the news: the content is.
    const kept = made.filter((c, k) => {
      if (!c.statement) return true;
      const next = made[k + 1];
      if (next === undefined || next.statement || next.mention) return true;
      const between = text.slice(c.expression.end, next.clauseStart + 5);
      return !(/^that\b/i.test(next.clause) || next.clauseStart === c.expression.end || /\bthat\b/i.test(between));
    });
    for (const c of kept) {
      c.n = first + out.length;
      out.push(c);
    }
  }
  return out;
}

/** Still to come at the source's reference date: dated after it, or future-worded and not yet over. */
export function isPlanned(c: Pick<Candidate, 'start' | 'end' | 'clause' | 'info' | 'expression'>): boolean {
  if (c.start === '' || c.end === '') return c.expression.tense === 'future';
  const ref = c.info.referenceDate;
  if (compareIso(c.start, ref) > 0) return true;
  return (
    compareIso(c.end, ref) >= 0 &&
    (c.expression.tense === 'future' || FUTURE.test(c.clause)) &&
    compareIso(c.start, ref) >= 0
  );
}
