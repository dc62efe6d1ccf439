/**
 * Clause → headline: subject + verb + object in present-tense headline style ("Russia bombards …",
 * "Kushner and Witkoff fly to Russia …"), a planned event keeping its "will"; a saying becomes
 * "<Speaker> says <content>".
 */
import { IRREGULAR_VERBS, isFunctionWord, tokenize } from './text.ts';

const AUX = new Set(['will', 'would', 'has', 'have', 'had', 'is', 'are', 'was', 'were', '’ll', "'ll"]);
const ADVERB = /^(?:\p{Ll}+ly|also|then|still|just|now|again|not|soon)$/u;

/** Regular verbs whose base ends in a silent "e" that the -ed rule cannot guess ("blamed" → "blame", not "blam"). */
const E_BASES: ReadonlySet<string> = new Set(
  (
    'blame name frame shame vote note quote state rate date rule close pose hope cope dine line mine define decline ' +
    'shape tape time wage trade invade evade unite cite invite excite type wipe pipe smoke joke poke bake fake ' +
    'stake share spare scare dare declare compare prepare score store ignore restore explore secure endure cure ' +
    'capture require acquire retire fire hire inspire admire desire praise raise refuse excuse accuse amuse use ' +
    'release please tease ease cease lease chase phase erase base welcome become overcome dispute salute'
  ).split(' '),
);

/** The base form of a past-tense verb, or undefined when unsure ("voted" could be "vot" or "vote"). */
export function baseOf(past: string): string | undefined {
  const w = past.toLowerCase();
  const irregular = IRREGULAR_VERBS.get(w);
  if (irregular !== undefined) return irregular;
  if (!w.endsWith('ed') || w.length < 5) return undefined;
  if (E_BASES.has(w.slice(0, -1))) return w.slice(0, -1);
  if (w.endsWith('ied')) return `${w.slice(0, -3)}y`;
  if (w.endsWith('eed')) return w.slice(0, -1);
  const stem = w.slice(0, -2);
  if (/(?:ll|ss|ff|zz)$/.test(stem)) return stem;
  if (/([b-df-hj-np-tv-z])\1$/.test(stem)) return stem.slice(0, -1);
  if (/(?:[cvuz]|[^aeiou]g|dg|[aeiou]s)$/.test(stem)) return `${stem}e`;
  if (/(?:[aeiou][^aeiouwxy])$/.test(stem) && !/(?:[aeiou]{2}[^aeiou]|er|en|on|el|it|et|om)$/.test(stem))
    return undefined;
  return stem;
}

/** Third person singular present: "meet" → "meets", "fly" → "flies", "launch" → "launches". */
export function thirdPerson(base: string): string {
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh|o)$/.test(base)) return `${base}es`;
  return `${base}s`;
}

/** A subject reads as plural: "Kushner and Witkoff", "Early drafts of the plan", "the sides". */
export function isPlural(subject: string): boolean {
  const head = subject.split(/\s+of\s+/i)[0] ?? subject;
  if (/\s(?:and|&)\s|,/.test(head)) return true;
  const last = tokenize(head).at(-1)?.text ?? '';
  if (/^(?:police|people|they|we|both|forces|officials)$/i.test(last)) return true;
  return /^\p{Ll}.*[^s'’u]s$/u.test(last) && !/ss$/.test(last);
}

/**
 * Put the first verb after the subject into headline tense: past → present, "will X" → "X" for a
 * happened event, "was labeled" → "labeled", "has resigned" → "resigns". Returns the text unchanged
 * when no verb is recognised.
 */
export function headlineTense(text: string, status: 'happened' | 'planned', participle = false): string {
  const words = tokenize(text);
  for (let i = 1; i < words.length && i < 14; i++) {
    const w = words[i];
    if (w === undefined) break;
    const prev = words[i - 1];
    // Inside a comma aside or after a preposition we are past the subject.
    const lower = w.lower;
    if (AUX.has(lower) || lower.endsWith('’ll')) {
      if (participle) return text;
      const next = words.slice(i + 1).find((x) => !ADVERB.test(x.lower));
      if (next === undefined) return text;
      const subject = text.slice(0, w.start);
      const plural = isPlural(subject);
      if (lower === 'will' || lower.endsWith('’ll') || lower === "'ll") {
        if (status === 'planned') return text;
        if (/^(?:likely|probably|soon)$/.test(words[i + 1]?.lower ?? '')) return text;
        const verb = next.lower === 'be' ? (plural ? 'are' : 'is') : plural ? next.text : thirdPerson(next.text);
        return `${text.slice(0, w.start)}${text.slice(w.end, next.start).replace(/^\s+/, '')}${verb}${text.slice(next.end)}`;
      }
      if ((lower === 'has' || lower === 'have') && next.lower !== 'been') {
        const base = baseOf(next.lower);
        if (base === undefined || next !== words[i + 1]) return text;
        return `${text.slice(0, w.start)}${plural ? base : thirdPerson(base)}${text.slice(next.end)}`;
      }
      if (
        (lower === 'was' || lower === 'were' || lower === 'is' || lower === 'are') &&
        next === words[i + 1] &&
        /(?:ed|en)$/.test(next.lower)
      ) {
        // Headline passive drops the auxiliary: "was labeled as productive" → "labeled as productive".
        return `${text.slice(0, w.start)}${text.slice(next.start)}`;
      }
      if ((lower === 'are' || lower === 'is') && next === words[i + 1] && next.lower.endsWith('ing')) {
        const base = next.lower.slice(0, -3);
        const fixed = /([b-df-hj-np-tv-z])\1$/.test(base) ? base.slice(0, -1) : base;
        return `${text.slice(0, w.start)}${plural ? fixed : thirdPerson(fixed)}${text.slice(next.end)}`;
      }
      return text;
    }
    if (/^\p{Lu}/u.test(w.text) || ADVERB.test(lower)) continue;
    if (prev !== undefined && /^(?:the|a|an|its|his|her|their|of|to|in|on|at|for|with|by|from)$/i.test(prev.lower))
      continue;
    const base = IRREGULAR_VERBS.has(lower) || lower.endsWith('ed') ? baseOf(lower) : undefined;
    if (base === undefined) continue;
    if (participle) return text;
    const subject = text.slice(0, w.start);
    return `${subject}${isPlural(subject) ? base : thirdPerson(base)}${text.slice(w.end)}`;
  }
  return text;
}

/** "<Speaker> says <content>": the content's first clause, a quotation kept in its marks. */
export function sayingHeadline(speaker: string, content: string): string {
  let c = content.trim();
  const quoted = c.startsWith('“');
  if (quoted) c = c.slice(1).replace(/”$/, '');
  // The first clause of what was said.
  const cut = c.search(
    /,\s+(?:and|but|because|though|although|while|which|adding|saying)\b|;\s|\s[—–]\s|—|,\s+(?=[\p{Ll}]+ed\b)/u,
  );
  if (cut > 12) c = c.slice(0, cut);
  c = c.replace(/[\s,.;:]+$/, '').replace(/[.,]?”\.?$/, '”');
  if (quoted)
    c = isFunctionWord(tokenize(c)[0]?.lower ?? '') ? `“${c.charAt(0).toLowerCase()}${c.slice(1)}”` : `“${c}”`;
  else c = c.replace(/^that\s+/i, '');
  if ((c.match(/“/g)?.length ?? 0) !== (c.match(/”/g)?.length ?? 0)) c = c.replace(/[“”]/g, '');
  return `${speaker} says ${c}`;
}
