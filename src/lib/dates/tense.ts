/**
 * Reads the grammatical tense a time expression is used with, from the verbs nearest to it in its
 * clause: first leftwards (the governing verb usually comes first), then a few words rightwards
 * ("On Tuesday, they got …"). A small lexicon, no parser: an undecided word is skipped, and an
 * expression with no tense marker in reach gets `none`. See docs/dates.md for the rules.
 */
import { allMatches } from './regex.ts';
import type { Tense } from '../model.ts';

interface Token {
  /** Lower-case text with ’ folded to '. */
  w: string;
  raw: string;
  start: number;
  end: number;
  /** Clause punctuation (; : ( ) quotes dashes): the scan never crosses it. */
  boundary: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’]\p{L}+)*|[;:()[\]“”"—–]/gu;
/** How far the scan looks: bounded, so many expressions in a long sentence stay linear. */
const LEFT_REACH = 40;
const RIGHT_REACH = 12;

const FUTURE = new Set(['will', 'shall', "won't", 'would', "wouldn't", "shan't"]);
const MODALS = new Set([
  'can',
  'could',
  'may',
  'might',
  'must',
  'should',
  'cannot',
  "can't",
  "couldn't",
  "shouldn't",
  'ought',
]);
const BE_PRESENT = new Set(['is', 'are', 'am', "isn't", "aren't"]);
const BE_PAST = new Set(['was', 'were', "wasn't", "weren't"]);
const HAVE = new Set(['has', 'have', "hasn't", "haven't"]);
const PAST_AUX = new Set(['had', "hadn't", 'did', "didn't"]);
const DO_PRESENT = new Set(['do', 'does', "don't", "doesn't"]);
const PRONOUN_IS = new Set(["he's", "she's", "it's", "that's", "there's", "what's", "who's", "here's"]);
/** "set to", "due to", "poised to", "going to": future with is/are, future-in-past with was/were. */
const SET_TO = new Set(['set', 'due', 'poised', 'going', 'about']);
/** Future by themselves, future-in-past after was/were/had. */
const SCHEDULED = new Set(['expected', 'scheduled', 'slated', 'planned']);
const PLAN = new Set(['plan', 'plans', 'planning']);
/** Present verbs of intention before "to": the action is today or later. */
const INTEND = new Set([
  'want',
  'wants',
  'hope',
  'hopes',
  'aim',
  'aims',
  'intend',
  'intends',
  'seek',
  'seeks',
  'expect',
  'expects',
  'need',
  'needs',
  'prepare',
  'prepares',
]);
/** Past verbs of intention before "to": future-in-past. */
const INTENDED = new Set([
  'agreed',
  'decided',
  'promised',
  'pledged',
  'vowed',
  'hoped',
  'wanted',
  'intended',
  'aimed',
  'arranged',
  'offered',
  'threatened',
  'sought',
  'prepared',
]);
/** Present-tense travel verbs that announce a scheduled move ("envoys head to Moscow on Monday"). */
const MOTION = new Set([
  'head',
  'heads',
  'depart',
  'departs',
  'leave',
  'leaves',
  'travel',
  'travels',
  'fly',
  'flies',
  'arrive',
  'arrives',
  'return',
  'returns',
]);
/** What may follow "head"/"leave"/"return" when it is a verb. */
const MOTION_NEXT = new Set(['to', 'for', 'into', 'back', 'home', 'toward', 'towards', 'in', 'on', 'from', 'at']);
const IRREGULAR_PAST = new Set(
  (
    'said told met held began begun led made took taken sat got gone went came saw seen gave given found left thought knew known ' +
    'spoke spoken wrote written ran brought bought felt kept became struck fought won lost sent spent built drew drawn flew flown ' +
    'rose risen fell fallen broke broken chose chosen stood heard meant paid sold shot caught taught fled slept swept hung stole ' +
    'threw thrown woke wore tore drove driven rode ate forgot froze hid laid lit shook sang sank stuck swore withdrew withdrawn ' +
    'undertook oversaw mistook upheld withheld overtook forbade arose done shown grew grown blew understood dealt ' +
    'sought bound wound'
  ).split(' '),
);
/** Words ending in -ed that are not verbs. */
const ED_NOT_VERB = new Set([
  'hundred',
  'naked',
  'wicked',
  'sacred',
  'kindred',
  'rugged',
  'ragged',
  'jagged',
  'beloved',
  'wretched',
  'crooked',
  'hatred',
  'shred',
  'sled',
  'embed',
  'indeed',
]);
/** -eed words that are verbs in the past. */
const EED_VERBS = new Set(['agreed', 'freed', 'decreed', 'guaranteed', 'disagreed', 'refereed']);
/** Before a participle these make it an adjective ("the revised plan", "after months of stalled talks"). */
const ADJECTIVE_CUES = new Set(
  (
    'the a an its his her their our your my this that these those some any no every each of with for by from in on at into ' +
    'after before over under about as than more most less least very so too well newly much'
  ).split(' '),
);
/** Adverbs and negation the scan looks through to find an auxiliary. */
const ADVERBS = new Set([
  'not',
  'also',
  'already',
  'just',
  'still',
  'soon',
  'then',
  'now',
  'only',
  'never',
  'ever',
  'again',
  'later',
  'earlier',
  'first',
  'all',
  'both',
  'even',
  'yet',
  'once',
  'since',
]);

/** Split a sentence into word and clause-punctuation tokens. */
export function tokenize(sentence: string): Token[] {
  const out: Token[] = [];
  for (const m of allMatches(TOKEN, sentence)) {
    const raw = m[0];
    out.push({
      w: raw.toLowerCase().replace(/’/g, "'"),
      raw,
      start: m.index,
      end: m.index + raw.length,
      boundary: !/[\p{L}\p{N}]/u.test(raw),
    });
  }
  return out;
}

function isAdverb(t: Token): boolean {
  return ADVERBS.has(t.w) || (t.w.length > 4 && t.w.endsWith('ly') && t.raw === t.w);
}

/** Index of the nearest word before i that is not an adverb, or -1 (never crosses a boundary). */
function prevWord(tokens: readonly Token[], i: number): number {
  for (let j = i - 1; j >= 0 && j > i - 6; j--) {
    const t = tokens[j];
    if (!t || t.boundary) return -1;
    if (!isAdverb(t)) return j;
  }
  return -1;
}

function nextIs(tokens: readonly Token[], i: number, words: ReadonlySet<string>): boolean {
  const t = tokens[i + 1];
  return t !== undefined && !t.boundary && words.has(t.w);
}

const TO = new Set(['to']);

/** True for an auxiliary, modal or infinitive "to" that governs the verb after it. */
function isGoverning(t: Token | undefined): boolean {
  if (!t) return false;
  const w = t.w;
  return (
    FUTURE.has(w) ||
    MODALS.has(w) ||
    w === 'to' ||
    w.endsWith("'ll") ||
    w.endsWith("'d") ||
    DO_PRESENT.has(w) ||
    PAST_AUX.has(w) ||
    BE_PRESENT.has(w) ||
    BE_PAST.has(w) ||
    w === 'be' ||
    w === 'been'
  );
}

/** Tense of the auxiliary before a participle, or undefined when the scan should go on. */
function auxTense(tokens: readonly Token[], i: number): Tense | undefined | 'adjective' | 'none-found' {
  const j = prevWord(tokens, i);
  const p = tokens[j];
  if (!p) return 'none-found';
  if (BE_PRESENT.has(p.w) || PRONOUN_IS.has(p.w) || p.w.endsWith("'re")) return 'present';
  if (BE_PAST.has(p.w) || PAST_AUX.has(p.w) || HAVE.has(p.w) || p.w.endsWith("'ve")) return 'past';
  if (FUTURE.has(p.w) || p.w.endsWith("'ll")) return 'future';
  if (p.w === 'be' || p.w === 'been') return undefined;
  if (ADJECTIVE_CUES.has(p.w)) return 'adjective';
  return 'none-found';
}

function isPastForm(t: Token): boolean {
  if (t.raw !== t.w) return false; // capitalised: a name or the first word, not read
  if (IRREGULAR_PAST.has(t.w)) return true;
  if (t.w.length < 4 || !t.w.endsWith('ed') || ED_NOT_VERB.has(t.w)) return false;
  return !t.w.endsWith('eed') || EED_VERBS.has(t.w);
}

/** The tense the token at i marks, or undefined when it marks none (the scan goes on). */
function classify(tokens: readonly Token[], i: number): Tense | undefined {
  const t = tokens[i];
  if (!t || t.boundary) return undefined;
  const w = t.w;
  if (FUTURE.has(w) || w.endsWith("'ll")) return 'future';
  if (SET_TO.has(w) && nextIs(tokens, i, TO)) {
    const aux = auxTense(tokens, i);
    if (aux === 'present') return 'future';
    if (aux === 'past') return 'present'; // future-in-past: "talks were set to continue on Sunday"
    return w === 'going' ? 'future' : undefined;
  }
  if (SCHEDULED.has(w)) {
    const aux = auxTense(tokens, i);
    return aux === 'past' ? 'present' : 'future';
  }
  if (PLAN.has(w) && nextIs(tokens, i, TO)) return auxTense(tokens, i) === 'past' ? 'present' : 'future';
  if (INTEND.has(w) && nextIs(tokens, i, TO)) return isGoverning(tokens[prevWord(tokens, i)]) ? undefined : 'present';
  if (INTENDED.has(w) && nextIs(tokens, i, TO)) return 'present';
  if (MOTION.has(w)) {
    const needsPreposition = w.startsWith('head') || w.startsWith('leave') || w.startsWith('return');
    if (needsPreposition && !nextIs(tokens, i, MOTION_NEXT)) return undefined;
    return isGoverning(tokens[prevWord(tokens, i)]) ? undefined : 'present';
  }
  if (MODALS.has(w) && t.raw === w) return nextIs(tokens, i, new Set(['have'])) ? 'past' : 'present';
  if (BE_PRESENT.has(w) || PRONOUN_IS.has(w) || w.endsWith("'re") || DO_PRESENT.has(w)) return 'present';
  if (BE_PAST.has(w) || PAST_AUX.has(w)) return 'past';
  if (HAVE.has(w) || w.endsWith("'ve")) return nextIs(tokens, i, TO) ? 'present' : 'past';
  if (isPastForm(t)) {
    const aux = auxTense(tokens, i);
    if (aux === 'adjective' || aux === undefined) return undefined;
    return aux === 'none-found' ? 'past' : aux;
  }
  return undefined;
}

/** Index of the first token that starts at or after `offset` (binary search). */
function firstAtOrAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.start ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Tense of the expression at [start, end) of the tokenized sentence. */
export function tenseAt(tokens: readonly Token[], start: number, end: number): Tense {
  const first = firstAtOrAfter(tokens, start);
  for (let i = first - 1; i >= 0 && i >= first - LEFT_REACH; i--) {
    if (tokens[i]?.boundary) break;
    const tense = classify(tokens, i);
    if (tense) return tense;
  }
  const after = firstAtOrAfter(tokens, end);
  for (let i = after; i < tokens.length && i < after + RIGHT_REACH; i++) {
    if (tokens[i]?.boundary) break;
    const tense = classify(tokens, i);
    if (tense) return tense;
  }
  return 'none';
}

/** Tense of the expression at [start, end) of `sentence`. */
export function readTense(sentence: string, start: number, end: number): Tense {
  return tenseAt(tokenize(sentence), start, end);
}
