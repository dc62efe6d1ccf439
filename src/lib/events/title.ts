/**
 * Titles in the event's own words: the clause around the date, without connectives, attribution or
 * the date itself; cut only at a phrase boundary, never after a function word, at most 90 characters.
 */
import type { Gazetteer } from '../model.ts';
import { asides } from './clauses.ts';
import { findMentions, possessiveAt, surnameOf } from './tagger.ts';
import { headlineTense, sayingHeadline, thirdPerson } from './headline.ts';
import { capitalise, isFunctionWord, tokenize } from './text.ts';
import type { Candidate } from './types.ts';

export const MAX_TITLE = 90;

const LEADING = [
  /^as [^,]{1,60}? reports?(?: for [^,]+)?,\s*/i,
  /^[\p{Lu}][\p{L}.’'\- ]{1,40}? reports? for [^,]+,\s*/u,
  // A leading sequence phrase ("Following the work of the teams, …") is not the news.
  /^(?:following|amid|despite|after|before)\s[^,]{3,90},\s*(?=\S)/i,
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

/** Cleaned clauses by text: a clause is cleaned for its subject and again for its title (bounded like `findMentions`). */
const CLEANED = new Map<string, string>();
const CLEANED_LIMIT = 50_000;

/** Drop asides, connectives, attribution and dangling punctuation. */
export function cleanClause(text: string): string {
  const hit = CLEANED.get(text);
  if (hit !== undefined) return hit;
  const out = clean(text);
  if (CLEANED.size >= CLEANED_LIMIT) CLEANED.clear();
  CLEANED.set(text, out);
  return out;
}

/** `cleanClause` without the memo. */
function clean(text: string): string {
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
  t = t
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/[\s,;:—–-]+$/, '')
    .replace(/\.$/, '');
  // A quotation opened and not closed inside the title reads as broken: drop the stray mark.
  if (countOf(t, '“') !== countOf(t, '”')) t = t.replace(/[“”]/g, '');
  return t.replace(/\s+/g, ' ').trim();
}

/** How many times `mark` occurs in `text` (no array of matches: every title option is cleaned). */
function countOf(text: string, mark: string): number {
  let n = 0;
  for (let i = text.indexOf(mark); i >= 0; i = text.indexOf(mark, i + 1)) n++;
  return n;
}

/** Cut `text` to at most `max` characters at a phrase boundary, never ending on a function word. */
export function shorten(text: string, max = MAX_TITLE): { text: string; cut: boolean } {
  const trimEnd = (s: string) => {
    // A closed quotation ends where the speaker ended it.
    if (/”$/.test(s) && countOf(s, '“') === countOf(s, '”')) return s;
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
  for (const m of text.matchAll(
    /,\s|\s[—–]\s?|\s(?=(?:which|who|that|where|while|including|according|as|after|before|to|for|with|from|in|on|at|amid|following|over|into|against|by|and|but)\s)/gi,
  )) {
    if (m.index > 0 && m.index <= max) cuts.push(m.index);
  }
  // Never inside a coordinated phrase ("American | and Ukrainian officials") or a list ("the dialogue, its emphases, | and …").
  const inList = (at: number) => {
    const after = text.slice(at);
    if (/^\s+and\s+\p{Lu}/u.test(after)) return /\p{Lu}[\p{L}.’'-]*$/u.test(text.slice(0, at));
    if (text[at] !== ',') return false;
    // "A, B, and C": a cut after A keeps a phrase, one after B leaves a chopped list.
    if (/^,\s+(?:and|or)\s/.test(after)) return text.lastIndexOf(',', at - 1) > at - 40;
    const next = text.indexOf(',', at + 1);
    return (
      text.lastIndexOf(',', at - 1) > at - 40 &&
      next > 0 &&
      next - at < 40 &&
      /^,\s+(?:and|or)\s/.test(text.slice(next))
    );
  };
  for (const at of cuts.filter((x) => !inList(x)).sort((a, b) => b - a)) {
    const t = trimEnd(text.slice(0, at));
    if (tokenize(t).length >= 4) return { text: t, cut: true };
  }
  const space = text.lastIndexOf(' ', max);
  return { text: trimEnd(text.slice(0, space > 0 ? space : max)), cut: true };
}

/** Replace an opening relative pronoun with the person it refers to ("…, who sat at the table" → "Kyslytsya sat …"). */
function recoverSubject(clause: string, c: Candidate, gazetteer: Gazetteer): string {
  const lead = /^\s*(?:who|(?:when|as|after|while)\s+(?:he|she)|he|she)\b/i.exec(clause);
  if (lead === null) return clause;
  const people = findMentions(c.info.text.slice(0, c.clauseStart), gazetteer).filter((m) => m.kind === 'person');
  const last = people[people.length - 1];
  if (last === undefined) return clause;
  return `${c.info.text.slice(last.start, last.end)}${clause.slice(lead[0].length)}`;
}

/** "The three" / "the two" → the first people the antecedent names ("Kushner, Witkoff and Dmitriev"). */
function namedGroup(clause: string, antecedent: string, gazetteer: Gazetteer): string {
  const m = /^\s*the\s+(two|three|four)\b/i.exec(clause);
  if (m === null) return clause;
  const n = { two: 2, three: 3, four: 4 }[(m[1] ?? '').toLowerCase() as 'two' | 'three' | 'four'];
  const seen = new Set<string>();
  const names: string[] = [];
  for (const p of findMentions(antecedent, gazetteer)) {
    if (p.kind !== 'person' || seen.has(p.slug) || possessiveAt(antecedent, p.end)) continue;
    seen.add(p.slug);
    names.push(antecedent.slice(p.start, p.end));
  }
  if (names.length !== n) return clause;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}${clause.slice(m[0].length)}`;
}

/** The named people a text opens with as its subject ("Secretary of State Marco Rubio, … and Jared Kushner met"): surnames and where the verb starts. */
export function namedSubject(text: string, gazetteer: Gazetteer): { names: string[]; rest: number } | undefined {
  const names: string[] = [];
  let from = 0;
  for (const m of findMentions(text, gazetteer)) {
    // A possessor ("President Trump’s son-in-law Jared Kushner") is part of the next name's description.
    if (m.kind !== 'person' || m.start < from || possessiveAt(text, m.end)) continue;
    const lead = text.slice(from, m.start);
    // Between names only list punctuation; before each name only a short description (no verb, no clause).
    const sep = names.length === 0 ? '' : (/^(?:,\s*(?:and\s+)?|\s+and\s+)/.exec(lead)?.[0] ?? null);
    if (sep === null) break;
    const description = lead.slice(sep.length);
    if (
      tokenize(description).length > 6 ||
      /[,;:“”"()]|\b(?:said|says|who|which|that|and|when|as)\b/i.test(description)
    )
      break;
    // A description has no verb ("Officials met Ann Smith": the name is an object).
    if (/\b(?:\p{Ll}{2,}ed|met|meets?|held|holds?|is|are|was|were|has|have|had|will|would)\b/u.test(description)) break;
    names.push(text.slice(m.start, m.end).split(/\s+/).at(-1) ?? '');
    from = m.end;
  }
  // The subject must be followed by its verb (a lower-case word), not by more of the phrase.
  if (names.length === 0 || !/^\s+\p{Ll}/u.test(text.slice(from)) || /^\s+(?:and|or)\b/.test(text.slice(from)))
    return undefined;
  return { names, rest: from };
}

function joinNames(names: readonly string[]): string {
  return names.length === 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * Shorten a subject of named people to their surnames: "Secretary of State Marco Rubio, U.S. special envoy
 * Steve Witkoff and Jared Kushner met …" → "Rubio, Witkoff and Kushner met …". A list always; one described
 * person ("head of the delegation Rustem Umerov reported …") only when `single` (an over-long title).
 */
export function compressSubject(text: string, gazetteer: Gazetteer, single = false): string {
  const s = namedSubject(text, gazetteer);
  if (s === undefined || (s.names.length === 1 && !single)) return text;
  return `${joinNames(s.names)}${text.slice(s.rest)}`;
}

/**
 * A subject that names a person by role ("The Ukrainian leader cast doubt …", an alias in the gazetteer that shares
 * no word with the name) reads as the person's surname: "Zelenskyy casts doubt …". Who did it, in a headline.
 */
export function nameRoleSubject(text: string, gazetteer: Gazetteer): string {
  const lead = /^(?:the\s+)?/i.exec(text)?.[0] ?? '';
  const m = findMentions(text, gazetteer).find((x) => x.start === lead.length);
  if (m === undefined || m.kind !== 'person' || !/^\s+\p{Ll}/u.test(text.slice(m.end))) return text;
  const person = gazetteer.people.find((p) => p.slug === m.slug);
  if (person === undefined) return text;
  const nameWords = new Set(person.name.toLowerCase().split(/\s+/));
  const said = text.slice(m.start, m.end).toLowerCase().split(/\s+/);
  if (said.some((w) => nameWords.has(w))) return text;
  return `${surnameOf(gazetteer, m.slug) ?? person.name}${text.slice(m.end)}`;
}

/** "meets with X" reads as "meets X"; for an event that happened, "plan to travel" is "travel". */
function tightenVerbs(text: string, status: 'happened' | 'planned'): string {
  let t = text.replace(/\b(meets?|meeting) with\b/g, '$1');
  if (status === 'happened') {
    t = t.replace(
      /\b(plans|plan|is set|are set|is expected|are expected|is scheduled|are scheduled) to (\p{Ll}+)\b/u,
      (_, aux: string, verb: string) => (/^(?:plans|is)/.test(aux) ? thirdPerson(verb) : verb),
    );
  }
  return t;
}

/**
 * A title that opens with a pronoun nobody resolved ("They get a prisoner swap, …"): the people the
 * sentence before names as its subject, else the object alone ("A prisoner swap, …").
 */
export function resolvePronounTitle(text: string, previous: string | undefined, gazetteer: Gazetteer): string {
  const m = /^(they|he|she|it)\s+(\p{Ll}+)\s+/iu.exec(text);
  if (m === null) return text;
  const pronoun = (m[1] ?? '').toLowerCase();
  const named = previous === undefined ? undefined : namedSubject(previous, gazetteer);
  if (
    named !== undefined &&
    (pronoun === 'they' ? named.names.length >= 2 : pronoun !== 'it' && named.names.length === 1)
  ) {
    return `${joinNames(named.names)} ${text.slice((m[1] ?? '').length).trimStart()}`;
  }
  const object = text.slice(m[0].length);
  const words = tokenize(object);
  if (words.length < 4 || !/^(?:a|an|the|some|more)$/i.test(words[0]?.text ?? '')) return text;
  return capitalise(object);
}

/** Title from one candidate's clause (antecedent sentence when the clause only points back). */
export function candidateTitle(
  c: Candidate,
  sentenceExpressions: ReadonlyArray<{ start: number; end: number; text: string }>,
  gazetteer: Gazetteer,
  status: 'happened' | 'planned' = 'happened',
  previous?: string,
): { text: string; cut: boolean; fallback?: boolean } {
  if (c.statement && c.saying !== undefined && tokenize(c.saying.content).length >= 3) {
    return shorten(capitalise(sayingHeadline(c.saying.speaker, c.saying.content)));
  }
  const inClause = sentenceExpressions
    .filter((e) => e.start >= c.clauseStart && e.end <= c.clauseEnd)
    .map((e) => ({ start: e.start - c.clauseStart, end: e.end - c.clauseStart, text: e.text }));
  // The event an anchor names ("a day before [the delegations met]") is not this event's news.
  const anchor = c.expression.anchor;
  if (anchor.kind === 'unresolved' && anchor.mention !== '') {
    const at = c.clause.indexOf(anchor.mention);
    if (at >= 0) inClause.push({ start: at, end: at + anchor.mention.length, text: anchor.mention });
  }
  let body = withoutDates(c.clause, inClause);
  // A relative clause or participle phrase takes the noun it hangs on as its subject.
  if (c.subject !== undefined)
    body = `${c.subject} ${body.replace(/^[\s,]*(?:which|who|that|(?:(?:when|as|after|while)\s+)?(?:he|she))\b\s*/i, '')}`;
  const antecedent = c.attached.find((a) => a.core && a.rule === 'context:following-sentence');
  if (c.anaphor && antecedent !== undefined) body = namedGroup(body, antecedent.sentence.text, gazetteer);
  let text = cleanClause(recoverSubject(body, c, gazetteer));
  let fallback = false;
  // A leading sequence phrase ("following the work of the teams, …") is not the news.
  text = text.replace(/^(?:following|after|amid|despite|before)\b[^,]{3,90},\s*/i, '');
  text = text.replace(/^(?:a|an)\s*,\s*/i, '');
  // "At the negotiating table, inside the club, Umerov voiced …": the scene-setting goes, the news stays.
  const scene = text.replace(/^(?:(?:at|inside|on)\s[^,]{2,70},\s*){1,2}/i, '');
  if (scene !== text && tokenize(scene).length >= 5 && /^\p{Lu}/u.test(scene)) text = scene;
  // "… prompted a response from Kazakhstan, which called on Kyiv to …": the named one's own clause is the news.
  const relative = /^\s*,\s*(?:which|who)\s+(.+?)(?=,|\s+that\s|$)/.exec(c.info.text.slice(c.clauseEnd));
  const last = findMentions(c.clause, gazetteer)
    .filter((m) => m.kind !== 'topic')
    .at(-1);
  if (/^\p{Ll}/u.test(text) && relative !== null && last !== undefined && c.clause.slice(last.end).trim() === '') {
    text = cleanClause(`${c.clause.slice(last.start, last.end)} ${relative[1] ?? ''}`);
  }
  const opener = tokenize(text)[0]?.lower ?? '';
  // A fragment ("Began", "in an attempt to …", a lone date) reads worse than the whole sentence.
  if (
    tokenize(text).length < 4 ||
    /^(?:in|to|for|with|by|of|and|but|or|so|as|than|from|into|including|because)$/.test(opener) ||
    /\b(?:said|says|told)$/.test(text)
  ) {
    const all = sentenceExpressions.map((e) => ({ start: e.start, end: e.end, text: e.text }));
    const whole = cleanClause(withoutDates(c.info.text, all));
    if (tokenize(whole).length >= tokenize(text).length) {
      text = whole;
      fallback = true;
    }
  }
  if (antecedent !== undefined && c.anaphor && !/^\s*the\s+(?:two|three|four)\b/i.test(c.clause)) {
    const own = cleanClause(antecedent.sentence.text);
    if (tokenize(own).length >= 4) text = own;
  }
  const out = headlineOf(text, gazetteer, status, c.participle === true, previous);
  return fallback ? { ...out, fallback } : out;
}

/** Clause text → headline: names, tense, pronoun, length. */
export function headlineOf(
  text: string,
  gazetteer: Gazetteer,
  status: 'happened' | 'planned',
  participle = false,
  previous?: string,
): { text: string; cut: boolean } {
  let t = tightenVerbs(
    headlineTense(capitalise(nameRoleSubject(compressSubject(text, gazetteer), gazetteer)), status, participle),
    status,
  );
  t = resolvePronounTitle(t, previous, gazetteer);
  // Over long: a described person gives way to the surname before anything is cut.
  if (t.length > MAX_TITLE) t = capitalise(compressSubject(t, gazetteer, true));
  return shorten(t);
}

/** A headline from an undated sentence right after a dated one that opens with named people ("Rubio, Witkoff and Kushner met …"). */
export function attachedTitle(
  text: string,
  gazetteer: Gazetteer,
  status: 'happened' | 'planned',
): { text: string; cut: boolean } | undefined {
  if (/[“”"]/.test(text) || /\b(?:said|says|told|according)\b/.test(text)) return undefined;
  const compressed = compressSubject(text, gazetteer);
  if (compressed === text) return undefined;
  return headlineOf(cleanClause(text), gazetteer, status);
}

/** A headline from an attached "X said <clause>" sentence: the clause itself, "his" read as the speaker's. */
export function reportedTitle(
  text: string,
  gazetteer: Gazetteer,
  status: 'happened' | 'planned',
): { text: string; cut: boolean } | undefined {
  const m = /^(.{2,60}?)\s+(?:said|says|announced|confirmed)\s+(?:that\s+)?(.+)$/.exec(text);
  if (m === null) return undefined;
  const speaker = findMentions(m[1] ?? '', gazetteer)
    .filter((x) => x.kind === 'person')
    .at(-1);
  if (speaker === undefined) return undefined;
  const who = (m[1] ?? '').slice(speaker.start, speaker.end);
  let content = (m[2] ?? '').replace(/[.\s]+$/, '');
  if (/^[“"]/.test(content) || tokenize(content).length < 5) return undefined;
  content = content.replace(/^(?:his|her)\s+/i, `${who}’s `);
  return headlineOf(cleanClause(content), gazetteer, status);
}

/** How good a title reads: whole clause, names in it, article prose, sensible length. */
export function titleScore(
  title: { text: string; cut: boolean; fallback?: boolean },
  c: Candidate,
  gazetteer: Gazetteer,
): number {
  const words = tokenize(title.text);
  let score = 0;
  if (words.length < 4) score -= 6;
  if (title.cut) score -= 2;
  // The dated clause said nothing of its own ("according to an announcement on Friday"): the sentence stood in.
  if (title.fallback === true) score -= 2;
  if (/^(?:he|she|they|it|his|her|their|its|this|that|these|those)\b/i.test(title.text)) score -= 3;
  if (c.info.segmentKind === 'article') score += 2;
  else if (c.info.segmentKind === 'post' || c.info.segmentKind === 'summary') score += 1;
  const names = new Set(
    findMentions(title.text, gazetteer)
      .filter((m) => m.kind !== 'topic')
      .map((m) => m.slug),
  );
  score += Math.min(names.size, 3);
  if (/[“”"]/.test(title.text)) score -= 1;
  if (c.statement) score -= 1;
  return score;
}
