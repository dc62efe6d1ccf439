/**
 * Word-level helpers shared by the events steps: tokens with offsets, function words,
 * a light stemmer and the key terms two reports of one event are compared on.
 */
import { allMatches } from '../dates/regex.ts';

/** A word of a text with its offsets. */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}]*(?:['’.-][\p{L}\p{N}]+)*/gu;

/** The words of `text` with offsets (apostrophes, hyphens and inner dots stay inside a word). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  // `allMatches` rather than `matchAll`, which copies the regex on every call (this runs ~10^6 times).
  for (const m of allMatches(WORD, text)) {
    const word = m[0];
    out.push({ text: word, lower: word.toLowerCase(), start: m.index, end: m.index + word.length });
  }
  return out;
}

/** English function words: never key terms, never the last word of a title. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but nor so yet of in on at to for from by with without within into onto over under about above ' +
    'below between among through during before after since until till against toward towards upon via per than then ' +
    "as if whether while when where which who whom whose that this these those there here it its it’s it's he him his " +
    'she her hers they them their theirs we us our ours you your i me my mine is are was were be been being am do does ' +
    'did done has have had having will would shall should can could may might must not no also just only even still ' +
    'very more most much many some any all both each either neither other another such own same too again further ' +
    'once what how why because although though whereas unless out up down off like around across along beside ' +
    'besides near onto amid despite including following according one two three four five six seven eight nine ten'
  ).split(' '),
);

/** Words of reporting and time that say nothing about what happened. */
const NON_KEY = new Set(
  (
    'say said says saying tell told tells telling add added adds note noted report reported reports according ' +
    'announce announced statement comments comment ' +
    'day days week weeks weekend month months year years today yesterday tomorrow tonight morning afternoon evening ' +
    'night last next earlier later ago early mid late recent recently sometime currently now ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn fall winter ' +
    'mr ms mrs dr president minister secretary official officials'
  ).split(' '),
);

/** Irregular past forms and participles mapped to the verb ("met" → "meet"), shared by stemming and headlines. */
export const IRREGULAR_VERBS: ReadonlyMap<string, string> = new Map([
  ['met', 'meet'],
  ['held', 'hold'],
  ['began', 'begin'],
  ['begun', 'begin'],
  ['led', 'lead'],
  ['struck', 'strike'],
  ['sought', 'seek'],
  ['fought', 'fight'],
  ['spoke', 'speak'],
  ['spoken', 'speak'],
  ['took', 'take'],
  ['taken', 'take'],
  ['gave', 'give'],
  ['given', 'give'],
  ['made', 'make'],
  ['went', 'go'],
  ['gone', 'go'],
  ['flew', 'fly'],
  ['flown', 'fly'],
  ['left', 'leave'],
  ['sent', 'send'],
  ['won', 'win'],
  ['lost', 'lose'],
  ['came', 'come'],
  ['brought', 'bring'],
  ['thought', 'think'],
  ['saw', 'see'],
  ['seen', 'see'],
  ['knew', 'know'],
  ['wrote', 'write'],
  ['written', 'write'],
  ['got', 'get'],
  ['sat', 'sit'],
  ['told', 'tell'],
  ['said', 'say'],
  ['drew', 'draw'],
  ['cast', 'cast'],
  ['hit', 'hit'],
  ['put', 'put'],
  ['set', 'set'],
  ['ran', 'run'],
  ['rose', 'rise'],
  ['fell', 'fall'],
]);

/** A light suffix-stripping stem: "resigned", "resignation" and "resigns" all give "resign". */
export function stem(word: string): string {
  let w = word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’]$/, '');
  const irregular = IRREGULAR_VERBS.get(w);
  if (irregular !== undefined) w = irregular;
  for (const suffix of ['ations', 'ation', 'ings', 'ing', 'ions', 'ion', 'ers', 'er', 'ed', 'es', 's']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  // Doubled consonants left by -ing/-ed ("planned" → "plann") fold to one.
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** Stems that name the same kind of happening: a meeting is reported as talks, negotiations or discussions. */
const SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['negoti', 'talk'],
  ['negotiat', 'talk'],
  ['meet', 'talk'],
  ['discus', 'talk'],
  ['discuss', 'talk'],
]);

/** The comparison key of a word: its stem, folded onto a shared synonym where one exists. */
export function termKey(word: string): string {
  const s = stem(word);
  return SYNONYMS.get(s) ?? s;
}

/** True for a word that carries no event content (function, reporting or time word, number). */
export function isFunctionWord(lower: string): boolean {
  return FUNCTION_WORDS.has(lower.replace(/['’]s$/, ''));
}

/** Stems of the content words of `text`, in order of first appearance, without repeats. */
export function keyTerms(text: string): string[] {
  const seen = new Set<string>();
  for (const m of allMatches(WORD, text)) {
    const key = wordKey(m[0].toLowerCase());
    if (key !== null) seen.add(key);
  }
  return [...seen];
}

/** The key of each lower-case word seen (null: not a key term). The vocabulary is small next to the texts. */
const WORD_KEYS = new Map<string, string | null>();

/**
 * The comparison key of one lower-case word (a `tokenize` token's `lower`), or null for a function, reporting or
 * time word, a number or a short word: `keyTerms` of the word alone.
 */
export function wordKey(lower: string): string | null {
  const known = WORD_KEYS.get(lower);
  if (known !== undefined) return known;
  const bare = lower.replace(/['’]s$/, '');
  const key =
    FUNCTION_WORDS.has(bare) || NON_KEY.has(bare) || /^\d/.test(bare) || bare.length < 3 ? null : termKey(bare);
  if (WORD_KEYS.size >= 200_000) WORD_KEYS.clear();
  WORD_KEYS.set(lower, key);
  return key;
}

/** The first letter upper-cased. */
export function capitalise(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}
