/**
 * Clause spans inside a sentence: where a clause starts (punctuation, subordinators, relative
 * pronouns, "that" complements) and which span belongs to each time expression.
 */
import { allMatches } from '../dates/regex.ts';

/** A half-open span of a sentence's text. */
export interface Span {
  start: number;
  end: number;
}

/** Where one clause ends and the next begins; `word` is the lower-case word that opens it, if any. */
export interface Boundary {
  cut: number;
  next: number;
  word: string;
}

const OPENERS =
  /(?<![\p{L}\p{N}'’])(which|who|whom|whose|where|while|whereas|although|though|because|but|that|when|after|since|as|according|referring|saying|adding|including)(?![\p{L}\p{N}])/giu;

/** Words that open a new clause only after a comma (elsewhere they join phrases). */
const AFTER_COMMA_ONLY = new Set(['as', 'after', 'including', 'saying', 'adding', 'referring']);

/** A sentence opening with a subordinate clause ("When X met …, Y said …"). */
const SUBORDINATE_OPENING = /^\W*(?:when|while|although|though|because|once|whereas|if)\s/i;

const PARENTHESES = /\(([^()]*)\)/g;
const INCLUDING = /,\s+including\s[^,]{1,80},/g;
const ASIDE_DASH = /\s[—–]\s?|—\s?|\s-{1,2}\s/g;

/** Paired dashes and parentheses: asides a clause skips over (every title is cleaned: no `matchAll` copies). */
export function asides(text: string): Span[] {
  const out: Span[] = [];
  for (const m of allMatches(PARENTHESES, text)) out.push({ start: m.index, end: m.index + m[0].length });
  // ", including A and B, held …": a list set off by commas inside the subject.
  for (const m of allMatches(INCLUDING, text)) out.push({ start: m.index, end: m.index + m[0].length });
  // A spaced dash or an em dash sets off an aside; an unspaced en dash joins a compound ("U.S.–Ukraine").
  const dashes = allMatches(ASIDE_DASH, text);
  for (let i = 0; i + 1 < dashes.length; i += 2) {
    const a = dashes[i];
    const b = dashes[i + 1];
    if (a !== undefined && b !== undefined) out.push({ start: a.index, end: b.index + b[0].length });
  }
  return out;
}

function inside(pos: number, spans: readonly Span[]): boolean {
  return spans.some((s) => pos > s.start && pos < s.end);
}

/** Clause boundaries of `text`, skipping any that fall inside `protect` (time expressions, asides). */
export function boundaries(text: string, protect: readonly Span[]): Boundary[] {
  const out: Boundary[] = [];
  for (const m of text.matchAll(/[;:]\s+|\s[—–]\s?|—\s?|\s-{1,2}\s/g)) {
    out.push({ cut: m.index, next: m.index + m[0].length, word: '' });
  }
  for (const m of text.matchAll(OPENERS)) {
    const word = (m[1] ?? '').toLowerCase();
    if (m.index === 0) continue;
    const before = text.slice(0, m.index);
    const comma = /,\s*$/.test(before);
    if (AFTER_COMMA_ONLY.has(word) && !comma) continue;
    // "that" as a determiner ("that attack") keeps the phrase; as a complementiser it opens a clause.
    if (
      word === 'that' &&
      /^\s+(?:attack|strike|meeting|plan|deal|proposal|issue|point|week|day)\b/i.test(text.slice(m.index + 4))
    )
      continue;
    // "all but two", "nothing but": an exception, not a clause.
    if (word === 'but' && /\b(?:all|nothing|anything|everything|none|everyone|anyone)\s+$/i.test(before)) continue;
    // "since 2022" is a date phrase; "since it launched" opens a clause.
    if (
      word === 'since' &&
      protect.some(
        (p) =>
          /^\s*$/.test(text.slice(m.index + 5, Math.max(m.index + 5, p.start))) &&
          p.start >= m.index + 5 &&
          p.start <= m.index + 7,
      )
    )
      continue;
    const cut = comma ? before.search(/,\s*$/) : m.index;
    out.push({ cut, next: m.index, word });
  }
  for (const m of text.matchAll(/,\s+(?=[\p{L}]+ing\b)/gu))
    out.push({ cut: m.index, next: m.index + m[0].length, word: '' });
  // ", and <clause>": a second main clause (a list's last item only shortens the clause).
  for (const m of text.matchAll(/,\s+(?=and\s)/g))
    out.push({ cut: m.index, next: m.index + m[0].length + 4, word: 'and' });
  return out
    .filter((b) => !protect.some((p) => b.next > p.start && b.cut < p.end))
    .sort((a, b) => a.cut - b.cut || a.next - b.next);
}

/**
 * The clause of each expression span: from the last boundary before it to the first after it.
 * Two expressions in one clause split it right after the first ("That attack on Saturday | prompted
 * a response on Sunday").
 */
export function clauseSpans(text: string, exprs: readonly Span[]): Span[] {
  const aside = asides(text);
  const bounds = boundaries(text, exprs);
  const spans = exprs.map((e) => {
    const own = aside.find((a) => e.start > a.start && e.end < a.end);
    // An aside's own dashes do not end the clause around it: the title drops the aside instead.
    const edge = (b: Boundary) => aside.some((a) => b.cut === a.start || b.next === a.end);
    const usable = own === undefined ? bounds.filter((b) => !inside(b.cut, aside) && !edge(b)) : bounds;
    let start = own?.start ?? 0;
    let end = own?.end ?? text.length;
    for (const b of usable) {
      if (b.next <= e.start && b.next > start) start = b.next;
      if (b.cut >= e.end && b.cut < end) end = b.cut;
    }
    // "When Umerov met … in October to review the plan, he said …": an opening subordinate clause ends at its comma.
    if (start === 0 && SUBORDINATE_OPENING.test(text)) {
      const comma = text.indexOf(',', e.end);
      if (comma > 0 && comma < end && !aside.some((a) => comma > a.start && comma < a.end)) end = comma;
    }
    return { start, end };
  });
  // Split clauses shared by several expressions.
  const order = exprs.map((_, i) => i).sort((a, b) => (exprs[a]?.start ?? 0) - (exprs[b]?.start ?? 0));
  for (let k = 0; k + 1 < order.length; k++) {
    const i = order[k] as number;
    const j = order[k + 1] as number;
    const si = spans[i];
    const sj = spans[j];
    const ei = exprs[i];
    if (si === undefined || sj === undefined || ei === undefined) continue;
    if (si.start === sj.start && si.end === sj.end) {
      si.end = ei.end;
      sj.start = ei.end;
    }
  }
  return spans;
}
