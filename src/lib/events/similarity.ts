/**
 * How much two texts are about the same thing: shared key terms and tags, each weighted by how
 * rare it is in the whole corpus (a shared "Ukraine" says little; a shared "Novorossiysk" says much).
 */
import type { Gazetteer } from '../model.ts';
import type { Candidate, SentenceInfo } from './types.ts';

/** Terms and tags of a text, as one set of prefixed keys (`t:` term, `a:` actor, `p:` place). */
export type Bag = ReadonlySet<string>;

/** Corpus statistics: inverse document frequency of every key, over sentences. */
export interface Weights {
  idf: ReadonlyMap<string, number>;
  /** Weight of a key seen in no sentence (a mention's own words). */
  unseen: number;
  /** Country of each person slug, for telling apart meetings with different sides. */
  country: ReadonlyMap<string, string>;
}

/** The keys of one sentence. */
export function sentenceBag(s: SentenceInfo): Set<string> {
  const out = new Set<string>();
  for (const t of s.terms) out.add(`t:${t}`);
  for (const a of s.tags.actors) out.add(`a:${a}`);
  for (const p of s.tags.places) out.add(`p:${p}`);
  return out;
}

/** IDF weights over all sentences. */
export function corpusWeights(sentences: readonly SentenceInfo[], gazetteer: Gazetteer): Weights {
  const df = new Map<string, number>();
  for (const s of sentences) for (const k of sentenceBag(s)) df.set(k, (df.get(k) ?? 0) + 1);
  const n = Math.max(sentences.length, 2);
  const idf = new Map<string, number>();
  // Smoothed so that a term shared by every sentence of a tiny corpus still counts a little.
  for (const [k, f] of df) idf.set(k, Math.log(1 + n / f));
  const country = new Map<string, string>();
  for (const p of gazetteer.people) if (p.country !== undefined) country.set(p.slug, p.country);
  return { idf, unseen: Math.log(1 + n), country };
}

/** Sum of the weights of keys both bags hold. Tags count double: a shared name is strong evidence. */
export function overlap(a: Bag, b: Bag, w: Weights): number {
  let score = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const k of small) {
    if (!large.has(k)) continue;
    const weight = w.idf.get(k) ?? w.unseen;
    score += k.startsWith('t:') ? weight : 2 * weight;
  }
  return score;
}

/** The bag of a clause: its terms and tags (the clause only, not the whole sentence). */
export function textBag(terms: readonly string[], actors: readonly string[], places: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of terms) out.add(`t:${t}`);
  for (const a of actors) out.add(`a:${a}`);
  for (const p of places) out.add(`p:${p}`);
  return out;
}

/** The keys that identify a candidate: its clause plus the antecedents it names (anaphors). */
export function coreBag(c: Candidate, clauseBag: Bag): Set<string> {
  const out = new Set(clauseBag);
  for (const a of c.attached) if (a.core) for (const k of sentenceBag(a.sentence)) out.add(k);
  return out;
}

/** Countries of the people in a bag. */
export function sides(bag: Bag, w: Weights): Set<string> {
  const out = new Set<string>();
  for (const k of bag) {
    if (!k.startsWith('a:')) continue;
    const c = w.country.get(k.slice(2));
    if (c !== undefined) out.add(c);
  }
  return out;
}

/** Two reports name different sides each ("met Dmitriev" vs "met Umerov"): not the same meeting. */
export function sidesConflict(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const aOnly = [...a].some((x) => !b.has(x));
  const bOnly = [...b].some((x) => !a.has(x));
  return aOnly && bOnly;
}
