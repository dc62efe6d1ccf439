/**
 * The headline: the line matching the front matter's title, else the first line of four or more
 * words without final punctuation that is followed by more text. Short unpunctuated lines above
 * it are the site's header ("Current News", "ArcaMax") and go as `syndication`.
 */
import { consumeLine, type Page } from '../page.ts';
import { splitSentences } from '../sentences.ts';

function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/[‘’‛′`]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function words(t: string): number {
  return t.split(/\s+/).filter(Boolean).length;
}

const FINAL_PUNCTUATION = /[.!?:;,…]["”’)]*$/u;

/** Find and consume the headline and the header lines above it; returns the headline text. */
export function removeHeadline(page: Page, title: string | undefined): string | undefined {
  const open = page.lines
    .map((l, i) => [i, l] as const)
    .filter(([i, l]) => !page.consumed.has(i) && l.text.trim() !== '');
  let found = -1;
  if (title) {
    const wanted = normalise(title);
    found = open.findIndex(([, l]) => normalise(l.text) === wanted);
  }
  if (found === -1) {
    found = open.findIndex(([i, l], k) => {
      const t = l.text.trim();
      const next = page.lines[i + 1]?.text ?? '';
      // One sentence, not punctuated, not a hand-wrapped line going on below.
      return (
        k < open.length - 1 &&
        words(t) >= 4 &&
        words(t) <= 30 &&
        !FINAL_PUNCTUATION.test(t) &&
        splitSentences(t).length === 1 &&
        !/^\s*\p{Ll}/u.test(next)
      );
    });
    // Only header-like lines may come before a headline found by shape.
    if (
      found !== -1 &&
      open.slice(0, found).some(([, l]) => words(l.text) >= 4 || FINAL_PUNCTUATION.test(l.text.trim()))
    ) {
      found = -1;
    }
  }
  const hit = open[found];
  if (!hit) return undefined;
  const before = open.slice(0, found);
  if (before.some(([, l]) => words(l.text) > 6 || FINAL_PUNCTUATION.test(l.text.trim()))) {
    // Prose above the title line: it is a repeated title inside the text, not the page's headline.
    if (before.some(([, l]) => words(l.text) >= 8)) return undefined;
  }
  for (const [i] of before) consumeLine(page, i, 'syndication');
  consumeLine(page, hit[0], 'headline');
  return hit[1].text.trim();
}
