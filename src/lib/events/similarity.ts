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

/**
 * One string per key (`t:` term, `a:` actor, `p:` place): bags are built millions of times from the same few
 * terms, and shared strings spare a new string per use and compare by identity in the sets that hold them.
 */
const KEYS = { t: new Map<string, string>(), a: new Map<string, string>(), p: new Map<string, string>() };
const KEYS_LIMIT = 500_000;

/** The key of `text` with `prefix` (`t:${text}`, …), the same string each time. */
export function keyOf(prefix: 't' | 'a' | 'p', text: string): string {
  const known = KEYS[prefix];
  let key = known.get(text);
  if (key === undefined) {
    if (known.size >= KEYS_LIMIT) known.clear();
    key = `${prefix}:${text}`;
    known.set(text, key);
  }
  return key;
}

/** Sentence bags made, per sentence: undated sentences and attachments are asked for by several steps. */
const SENTENCE_BAGS = new WeakMap<SentenceInfo, Bag>();

/** The keys of one sentence (shared: callers only read it; a sentence's terms and tags never change). */
export function sentenceBag(s: SentenceInfo): Bag {
  const hit = SENTENCE_BAGS.get(s);
  if (hit !== undefined) return hit;
  const out = new Set<string>();
  for (const t of s.terms) out.add(keyOf('t', t));
  for (const a of s.tags.actors) out.add(keyOf('a', a));
  for (const p of s.tags.places) out.add(keyOf('p', p));
  SENTENCE_BAGS.set(s, out);
  return out;
}

/** IDF weights over all sentences. */
export function corpusWeights(sentences: readonly SentenceInfo[], gazetteer: Gazetteer): Weights {
  const df = new Map<string, number>();
  const count = (k: string) => df.set(k, (df.get(k) ?? 0) + 1);
  // A sentence's keys without building its bag: its terms and tags hold no repeats (keyTerms, tagText).
  for (const s of sentences) {
    for (const t of s.terms) count(keyOf('t', t));
    for (const a of s.tags.actors) count(keyOf('a', a));
    for (const p of s.tags.places) count(keyOf('p', p));
  }
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

/** A bag with its keys and what each adds to `overlap`, in the bag's order: for code that compares one bag often. */
export interface WeightedBag {
  set: Bag;
  keys: string[];
  weights: number[];
}

/** `bag` with each key's `overlap` weight looked up once. */
export function weighBag(bag: Bag, w: Weights): WeightedBag {
  const keys = [...bag];
  const weights = keys.map((k) => {
    const weight = w.idf.get(k) ?? w.unseen;
    return k.startsWith('t:') ? weight : 2 * weight;
  });
  return { set: bag, keys, weights };
}

/** `overlap(a.set, b.set, w)` exactly (same keys summed in the same order), without a weight lookup per key. */
export function weightedOverlap(a: WeightedBag, b: WeightedBag): number {
  const small = a.set.size <= b.set.size ? a : b;
  const large = small === a ? b.set : a.set;
  const { keys, weights } = small;
  let score = 0;
  for (let i = 0; i < keys.length; i++) if (large.has(keys[i] as string)) score += weights[i] as number;
  return score;
}

/** The bag of a clause: its terms and tags (the clause only, not the whole sentence). */
export function textBag(terms: readonly string[], actors: readonly string[], places: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of terms) out.add(keyOf('t', t));
  for (const a of actors) out.add(keyOf('a', a));
  for (const p of places) out.add(keyOf('p', p));
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
  // Merging asks this for millions of pairs: plain loops, no copies.
  return hasOutside(a, b) && hasOutside(b, a);
}

/** True when `a` holds something `b` does not. */
function hasOutside(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (!b.has(x)) return true;
  return false;
}
