/**
 * Step 2: dates from context. An expression anchored on a named event ("a day before the delegations
 * met") takes that event's date; an anaphor ("That attack on Saturday") dates the sentence before it;
 * an undated sentence joins the event its context names (previous sentences of its segment).
 */
import { addDays } from '../dates/calendar.ts';
import type { Gazetteer } from '../model.ts';
import { isPlanned } from './candidates.ts';
import { corpusWeights, keyOf, overlap, sentenceBag, textBag } from './similarity.ts';
import type { Bag, Weights } from './similarity.ts';
import { possessiveAt, findMentions as tagMentions, tagText } from './tagger.ts';
import { keyTerms, termKey, tokenize } from './text.ts';
import type { Candidate, LeftOut, SentenceInfo } from './types.ts';
import { recalls } from './recollection.ts';
import { WORK_STATS } from './work-stats.ts';
import { bestByKeys, keyPostings } from './key-index.ts';
import type { KeyPostings } from './key-index.ts';

/** Tunable thresholds of the context rules (documented in docs/events.md). */
export const ANCHOR = {
  /** Least overlap for an undated sentence to join an event. */
  attach: 3,
  /** Bonus for the sentence right before in the same paragraph; none across a paragraph break (a new paragraph must name the event). */
  previous: 1.5,
  previousParagraph: 0,
  /** Least IDF of a shared key that may tie a sentence to an event across a paragraph break (df ≤ ~1/10 of sentences). */
  rareIdf: Math.log(11),
  /** Least overlap for an undated sentence anywhere to join an event naming exactly the same people. */
  sameActors: 12,
  /** …of which this much must come from words other than the people's names. */
  sameActorsWords: 10,
  /** How many sentences back the context reaches. */
  window: 3,
  /** Least overlap for a named event ("the delegations met") to anchor an expression. */
  mention: 2.5,
} as const;

const PRONOUN_OPENING =
  /^\W*(?:he|she|they|it|his|her|their|its|we|the (?:talks|meeting|negotiations|discussions|attack|strike|plan|proposal))\b/i;

const PAST_VERB =
  /^\s+(?:\p{Ll}+ly\s+)?(?:met|held|began|led|took|gave|made|went|flew|left|sent|won|lost|came|brought|struck|spoke|\p{Ll}{2,}ed)\b/u;

/** A named person does something in the past tense ("… and Jared Kushner met with …"): not a plan. */
export function namesPastAction(text: string, gazetteer: Gazetteer): boolean {
  return tagMentions(text, gazetteer).some((m) => m.kind === 'person' && PAST_VERB.test(text.slice(m.end)));
}

/** Clause bags already made, per gazetteer and candidate: three steps ask for most candidates' bags. */
const clauseBags = new WeakMap<Gazetteer, WeakMap<Candidate, { text: string; bag: Bag }>>();

/** Key bag of a candidate's clause (a new set: callers add to it). */
export function clauseBag(c: Candidate, gazetteer: Gazetteer): Set<string> {
  const text = c.subject === undefined ? c.clause : `${c.subject} ${c.clause}`;
  let made = clauseBags.get(gazetteer);
  if (made === undefined) {
    made = new WeakMap();
    clauseBags.set(gazetteer, made);
  }
  const hit = made.get(c);
  if (hit !== undefined && hit.text === text) return new Set(hit.bag);
  const tags = tagText(text, gazetteer);
  const bag = textBag(keyTerms(text), tags.actors, tags.places);
  made.set(c, { text, bag });
  return new Set(bag);
}

/** Date `c` as `from` moved by `days` ("a day before …"), at `from`'s precision; `how` names the anchoring in the rule. */
function dateFrom(c: Candidate, from: Candidate, days: number, how: 'context' | 'event'): void {
  c.start = addDays(from.start, days);
  c.end = addDays(from.end, days);
  c.precision = from.precision;
  c.rule = `${c.expression.rule}:${how}`;
  c.planned = isPlanned(c);
}

/**
 * Give `unresolved` anchors their dates from the event the mention names, best match first,
 * same document preferred. Returns the candidates that stay (resolved) and those left out.
 */
export function resolveMentions(
  candidates: readonly Candidate[],
  gazetteer: Gazetteer,
  w: Weights,
): { kept: Candidate[]; leftOut: Candidate[] } {
  const pending = candidates.filter((c) => c.expression.anchor.kind === 'unresolved');
  const resolved = new Set(candidates.filter((c) => c.expression.anchor.kind !== 'unresolved'));
  if (pending.length === 0) return { kept: [...candidates], leftOut: [] };
  // What each named event says (its mention's bag), worked out once for every pass.
  const asked = new Map<Candidate, Bag>();
  for (const c of pending) {
    const { mention } = c.expression.anchor as { mention: string };
    if (mention.trim() === '') continue;
    const tags = tagText(mention, gazetteer);
    asked.set(c, textBag(keyTerms(mention), tags.actors, tags.places));
  }
  const postings = mentionPostings(candidates, asked.values());
  let byDoc: Map<number, Candidate[]> | undefined;
  const sameDoc = (doc: number): readonly Candidate[] => {
    if (byDoc === undefined) {
      byDoc = new Map();
      for (const t of candidates) {
        const list = byDoc.get(t.info.doc);
        if (list === undefined) byDoc.set(t.info.doc, [t]);
        else list.push(t);
      }
    }
    return byDoc.get(doc) ?? [];
  };
  // Chains ("a week after the Geneva talks", which a day-before refers to) resolve over a few passes.
  for (let pass = 0; pass < 3 && pending.some((c) => !resolved.has(c)); pass++) {
    for (const c of pending) {
      if (resolved.has(c) || c.expression.anchor.kind !== 'unresolved') continue;
      const { days, mention } = c.expression.anchor;
      if (mention.trim() === '') {
        // "earlier in the day": the nearest dated event before it in the same document.
        let prior: Candidate | undefined;
        for (const t of sameDoc(c.info.doc)) {
          if (!resolved.has(t) || t.info.sentence >= c.info.sentence || t.start === '') continue;
          if (
            prior === undefined ||
            t.info.sentence > prior.info.sentence ||
            (t.info.sentence === prior.info.sentence && t.n < prior.n)
          )
            prior = t;
        }
        if (prior === undefined) continue;
        dateFrom(c, prior, days, 'context');
        resolved.add(c);
        continue;
      }
      const bag = asked.get(c) as Bag;
      // The best-matching sentence (one point more in the same document; ties → the earlier candidate).
      const best = bestByKeys(bag, postings, w, {
        floor: ANCHOR.mention,
        bonus: 1,
        score: (t) => {
          if (t === c || t.start === '' || !resolved.has(t)) return undefined;
          WORK_STATS.mentions += 1;
          return overlap(bag, sentenceBag(t.info), w) + (t.info.doc === c.info.doc ? 1 : 0);
        },
        before: (a, b) => a.n < b.n,
      });
      if (best === undefined) continue;
      dateFrom(c, best, days, 'event');
      resolved.add(c);
    }
  }
  return {
    kept: candidates.filter((c) => resolved.has(c)),
    leftOut: pending.filter((c) => !resolved.has(c)),
  };
}

/**
 * `keyPostings` of the candidates' sentence bags, for the keys the mentions ask about only (the same lists, in the
 * same order): most of a corpus's keys are never asked about, and its sentences' bags need not be built for them.
 */
function mentionPostings(candidates: readonly Candidate[], asked: Iterable<Bag>): KeyPostings<Candidate> {
  // Asked-about terms and tags by their bare text: a sentence's own are looked up without making its keys.
  const terms = new Set<string>();
  const actors = new Set<string>();
  const places = new Set<string>();
  for (const bag of asked)
    for (const k of bag) (k.startsWith('t:') ? terms : k.startsWith('a:') ? actors : places).add(k.slice(2));
  const byKey = new Map<string, Candidate[]>();
  const list = (key: string, t: Candidate) => {
    const items = byKey.get(key);
    if (items === undefined) byKey.set(key, [t]);
    else items.push(t);
  };
  for (const t of candidates) {
    for (const x of t.info.terms) if (terms.has(x)) list(keyOf('t', x), t);
    for (const x of t.info.tags.actors) if (actors.has(x)) list(keyOf('a', x), t);
    for (const x of t.info.tags.places) if (places.has(x)) list(keyOf('p', x), t);
  }
  return { byKey };
}

/** The noun of an anaphor ("That attack" → attack) appears in `s`, or a numeral anaphor finds several actors. */
function antecedentFits(c: Candidate, s: SentenceInfo): boolean {
  const words = tokenize(c.clause);
  const head = words[0]?.lower;
  const noun = words[1]?.lower;
  if (head === 'the') return s.tags.actors.length >= 2;
  return noun !== undefined && s.terms.includes(termKey(noun));
}

/** Attach to each anaphoric candidate the sentence before it in its segment (its antecedent). */
export function attachAntecedents(candidates: readonly Candidate[], sentences: readonly SentenceInfo[]): void {
  const dated = new Set(candidates.map((c) => c.info.sentence));
  for (const c of candidates) {
    if (!c.anaphor) continue;
    const prev = sentences[c.info.sentence - 1];
    if (prev === undefined || prev.segment !== c.info.segment || prev.furnitureLike) continue;
    // An undated sentence right before is the natural antecedent; a dated one must name the anaphor's noun.
    if (dated.has(prev.sentence) && !antecedentFits(c, prev)) continue;
    c.attached.push({ sentence: prev, rule: 'context:following-sentence', core: true });
  }
}

/** For each sentence inside a quotation left open at its end, the later sentence of its paragraph that closes it. */
export function quotationCloser(sentences: readonly SentenceInfo[]): Map<number, number> {
  const out = new Map<number, number>();
  let open: number[] = [];
  let paragraph = -1;
  for (const s of sentences) {
    if (s.paragraph !== paragraph) {
      open = [];
      paragraph = s.paragraph;
    }
    let inside = open.length > 0;
    // Most sentences hold no curly quotation mark: nothing to scan.
    if (!s.text.includes('“') && !s.text.includes('”')) {
      if (inside) open.push(s.sentence);
      continue;
    }
    for (const ch of s.text) {
      if (ch === '“') inside = true;
      else if (ch === '”') {
        if (inside) for (const o of open) out.set(o, s.sentence);
        open = [];
        inside = false;
      }
    }
    if (inside) open.push(s.sentence);
  }
  return out;
}

/** True when the bags share a person or a rare word: what ties a sentence to an event across a paragraph break. */
function sharesRareKey(bag: Bag, other: Bag, w: Weights): boolean {
  for (const k of bag)
    if (other.has(k) && (k.startsWith('a:') || (w.idf.get(k) ?? w.unseen) >= ANCHOR.rareIdf)) return true;
  return false;
}

/**
 * Attach every undated sentence of one document to the event its context names; returns the
 * sentences left without one.
 */
export function attachUndated(
  sentences: readonly SentenceInfo[],
  candidates: readonly Candidate[],
  gazetteer: Gazetteer,
  w: Weights,
): LeftOut[] {
  const bySentence = new Map<number, Candidate[]>();
  for (const c of candidates) {
    const list = bySentence.get(c.info.sentence) ?? [];
    list.push(c);
    bySentence.set(c.info.sentence, list);
  }
  const antecedentOf = new Set<number>();
  for (const c of candidates) for (const a of c.attached) antecedentOf.add(a.sentence.sentence);
  // What each sentence is about: its own candidates, or the ones it was attached to.
  const eventsOf = new Map<number, Candidate[]>(bySentence);
  for (const c of candidates) {
    for (const a of c.attached) eventsOf.set(a.sentence.sentence, [...(eventsOf.get(a.sentence.sentence) ?? []), c]);
  }
  const bags = new Map<Candidate, Bag>();
  const bagOf = (c: Candidate): Bag => {
    let b = bags.get(c);
    if (b === undefined) {
      const own = clauseBag(c, gazetteer);
      for (const a of c.attached) for (const k of sentenceBag(a.sentence)) own.add(k);
      b = own;
      bags.set(c, b);
    }
    return b;
  };
  const left: LeftOut[] = [];
  const closer = quotationCloser(sentences);
  for (const s of sentences) {
    if (bySentence.has(s.sentence) || antecedentOf.has(s.sentence)) continue;
    // A sentence inside a quotation belongs to the saying that closes it ("…,” Zelensky said on Saturday.").
    const saying = bySentence.get(closer.get(s.sentence) ?? -1)?.find((c) => c.statement);
    if (saying !== undefined && !s.furnitureLike) {
      saying.attached.push({ sentence: s, rule: 'context:quotation', core: true });
      eventsOf.set(s.sentence, [saying]);
      continue;
    }
    const leave = (reason: string) =>
      left.push({ source: s.source, sentence: s.sentence, paragraph: s.paragraph, text: s.text, reason });
    if (s.furnitureLike) {
      leave('furniture-like');
      continue;
    }
    const bag = sentenceBag(s);
    const pronoun = PRONOUN_OPENING.test(s.text);
    const past = namesPastAction(s.text, gazetteer);
    let best: Candidate | undefined;
    let bestScore: number = ANCHOR.attach;
    let bestRule = '';
    for (let back = 1; back <= ANCHOR.window; back++) {
      const ctx = sentences[s.sentence - back];
      if (ctx === undefined || ctx.segment !== s.segment) break;
      const samePara = ctx.paragraph === s.paragraph;
      for (const c of eventsOf.get(ctx.sentence) ?? []) {
        // A past event recalled in passing: the next sentence goes on with its sentence's news, not with it.
        if (recalls(c)) continue;
        let score = overlap(bag, bagOf(c), w);
        if (back === 1) score += samePara ? ANCHOR.previous : ANCHOR.previousParagraph;
        if (back === 1 && samePara && pronoun) score += ANCHOR.attach;
        // "X met with Y for four hours" tells of the meeting that happened, not of the trip still planned.
        if (c.planned && past) score -= ANCHOR.attach;
        // Across a paragraph break only a shared person or a rare word ties a sentence to an event ("Ukraine" and "Russian" do not).
        if (!samePara && !sharesRareKey(bag, bagOf(c), w)) continue;
        if (score > bestScore) {
          best = c;
          bestScore = score;
          bestRule = back === 1 ? 'context:previous-sentence' : samePara ? 'context:paragraph' : 'context:nearby';
        }
      }
    }
    if (best === undefined) {
      leave('no-date-no-context');
      continue;
    }
    best.attached.push({ sentence: s, rule: bestRule, core: false });
    eventsOf.set(s.sentence, [best]);
  }
  return left;
}

/**
 * A sentence no context dated ("… diplomacy that began in Florida, where Kushner, Witkoff and Dmitriev met to
 * outline a peace proposal") joins the event whose dated clause names exactly the same two or more people and
 * shares enough rare words, in any document. Returns the sentences still left out.
 */
export function attachBySameActors(
  left: readonly LeftOut[],
  sentenceAt: (source: string, sentence: number) => SentenceInfo | undefined,
  candidates: readonly Candidate[],
  gazetteer: Gazetteer,
  w: Weights,
): LeftOut[] {
  const people = (text: string) =>
    new Set(
      tagMentions(text, gazetteer)
        .filter((m) => m.kind === 'person' && !possessiveAt(text, m.end))
        .map((m) => m.slug),
    );
  // The rule needs exactly the same people: cores are looked up by their set of people.
  const actorsKey = (actors: ReadonlySet<string>) => [...actors].sort().join('\n');
  const cores = new Map<string, Array<{ c: Candidate; bag: Bag; order: number }>>();
  candidates.forEach((c, order) => {
    if (c.statement || c.mention) return;
    const texts = [`${c.subject ?? ''} ${c.clause}`, ...c.attached.filter((a) => a.core).map((a) => a.sentence.text)];
    const actors = people(texts.join(' '));
    if (actors.size < 2) return;
    const bag = clauseBag(c, gazetteer);
    for (const a of c.attached) if (a.core) for (const k of sentenceBag(a.sentence)) bag.add(k);
    const key = actorsKey(actors);
    const list = cores.get(key);
    if (list === undefined) cores.set(key, [{ c, bag, order }]);
    else list.push({ c, bag, order });
  });
  const postings = new Map<string, KeyPostings<{ c: Candidate; bag: Bag; order: number }>>();
  const out: LeftOut[] = [];
  for (const l of left) {
    const s = sentenceAt(l.source, l.sentence);
    const mine = s === undefined || l.reason !== 'no-date-no-context' ? new Set<string>() : people(s.text);
    let best: Candidate | undefined;
    const key = actorsKey(mine);
    const group = cores.get(key);
    if (s !== undefined && mine.size >= 2 && group !== undefined) {
      const names = new Set(
        keyTerms(
          tagMentions(s.text, gazetteer)
            .filter((m) => m.kind === 'person')
            .map((m) => s.text.slice(m.start, m.end))
            .join(' '),
        ).map((t) => keyOf('t', t)),
      );
      const own = sentenceBag(s);
      // The same people meet often: what they did must agree too (words other than their names).
      const what = new Set([...own].filter((k) => !k.startsWith('a:') && !names.has(k)));
      let index = postings.get(key);
      if (index === undefined) {
        index = keyPostings(group, (x) => x.bag);
        postings.set(key, index);
      }
      best = bestByKeys(own, index, w, {
        floor: ANCHOR.sameActors,
        bonus: 0,
        score: (x) => {
          WORK_STATS.sameActors += 1;
          return overlap(what, x.bag, w) < ANCHOR.sameActorsWords ? undefined : overlap(own, x.bag, w);
        },
        before: (a, b) => a.order < b.order,
      })?.c;
    }
    if (best === undefined || s === undefined) out.push(l);
    else best.attached.push({ sentence: s, rule: 'context:same-actors', core: false });
  }
  return out;
}

export { corpusWeights };
