/** Regex helpers shared by the reader and the recognisers, where matching runs for every line and sentence. */

/**
 * Every match of a global regex in `text`, as `[...text.matchAll(re)]` gives them. matchAll copies the
 * regex on each call, and for the long patterns here (month and agency alternations) the copy costs
 * more than the matching: this runs `re` itself. It resets `re.lastIndex` before and after, so `re`
 * must not be in use by an enclosing loop (module-level patterns used only through here are safe).
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches needs a global regex: ${re}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // An empty match moves on by one character (a whole code point under the u flag), as matchAll does.
    if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, re.unicode || re.unicodeSets);
  }
  return out;
}

function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const first = text.charCodeAt(index);
  const second = text.charCodeAt(index + 1);
  const pair = first >= 0xd800 && first <= 0xdbff && second >= 0xdc00 && second <= 0xdfff;
  return index + (pair ? 2 : 1);
}
