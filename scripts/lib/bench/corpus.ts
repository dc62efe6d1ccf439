/**
 * Deterministic synthetic corpora for the benchmark: seeded, so every run of a size ingests the same bytes.
 * A mix of what real pages hold: dated sentences (explicit days, weekdays, months, relative weeks), undated
 * prose, furniture (share bars, bylines, copyright), teasers of other articles with their own datelines,
 * names from the gazetteers, and every so often one of the real seed articles with its publication date shifted.
 */
import { addDays } from '../../../src/lib/dates/calendar.ts';
import type { Gazetteer } from '../../../src/lib/model.ts';

/** mulberry32: a tiny, fast, seedable PRNG (uniform in [0, 1)). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A real article to mix in: its file name and full text (front matter included). */
export interface SeedArticle {
  name: string;
  text: string;
}

export interface CorpusOptions {
  size: number;
  seed: number;
  gazetteer: Gazetteer;
  seeds: readonly SeedArticle[];
  /** First publication day; articles are spread evenly from here, about ten a day. */
  start?: string;
  /** One article in this many is a shifted seed article (0 = none). */
  seedEvery?: number;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const OUTLETS = ['Daily Wire Service', 'The Morning Ledger', 'Evening Courier', 'Global Dispatch', 'City Herald'];
const VERBS = ['met', 'spoke with', 'held talks with', 'hosted', 'called'];
const UNDATED = [
  'Officials familiar with the matter said the discussions were constructive but difficult.',
  'Neither side disclosed details of the proposals under discussion.',
  'Analysts said the gap between the two positions remained wide.',
  'The talks come amid continued fighting along the front line.',
  'A spokesperson declined to comment on the substance of the negotiations.',
  'Diplomats cautioned that any agreement would need approval from several governments.',
];

/** `n` days after `start`, as the front matter's date. */
function publishedOf(index: number, size: number, start: string): string {
  return addDays(start, Math.floor((index * Math.max(30, size / 10)) / size));
}

/** One synthetic article: furniture, a lede with a dated meeting, prose, a teaser, a footer. */
export function syntheticArticle(index: number, published: string, g: Gazetteer, rand: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const name = (p: { name: string; aliases: string[] }) => (rand() < 0.5 ? p.name : (p.aliases[0] ?? p.name));
  const a = pick(g.people);
  const b = pick(g.people);
  const place = pick(g.places);
  const topic = pick(g.topics);
  const keyword = (topic.keywords[0] ?? topic.name).replace(/\*$/, 's');
  const outlet = pick(OUTLETS);
  const [y, m, d] = published.split('-').map(Number) as [number, number, number];
  const pastDay = addDays(published, -1 - Math.floor(rand() * 5));
  const [, pm, pd] = pastDay.split('-').map(Number) as [number, number, number];
  const nextMonth = MONTHS[m % 12] as string;
  const teaserDay = addDays(published, -20 - Math.floor(rand() * 200));
  const [ty, tm, td] = teaserDay.split('-').map(Number) as [number, number, number];
  const lines = [
    '---',
    `published: ${published}`,
    'timeZone: UTC',
    `publisher: ${outlet}`,
    `title: Talks on ${keyword} continue in ${place.name} (${index})`,
    '---',
    'Share this article',
    'Facebook Twitter Email',
    '',
    `By ${pick(['Anna Smith', 'Ravi Patel', 'Olena Koval', 'James Brown'])}`,
    '',
    `${place.name.toUpperCase()} (${outlet}) — ${name(a)} ${pick(VERBS)} ${name(b)} in ${place.name} on ${pick(WEEKDAYS)} to discuss ${keyword}, officials said.`,
    '',
    `The meeting followed a round of talks on ${MONTHS[pm - 1]} ${pd}, ${y} that ended without agreement. ${pick(UNDATED)}`,
    '',
    `${name(b)} said last week that progress on ${keyword} was possible. ${pick(UNDATED)} ${pick(UNDATED)}`,
    '',
    `Negotiators are expected to meet again in ${nextMonth}, according to two people briefed on the plans. Report number ${index} was filed on ${MONTHS[m - 1]} ${d}.`,
    '',
    `${pick(UNDATED)}`,
    '',
    'Read more',
    '',
    `${pick(OUTLETS)}`,
    `${MONTHS[tm - 1]?.slice(0, 3)}. ${td}, ${ty}`,
    `Earlier talks in ${pick(g.places).name} ended without a deal on ${keyword}`,
    '',
    `Copyright ${y} ${outlet}. All rights reserved.`,
    '',
  ];
  return lines.join('\n');
}

/** A seed article with its front-matter publication date (and id) moved by whole weeks, weekdays kept. */
export function shiftSeed(seed: SeedArticle, weeks: number, index: number): string {
  return seed.text
    .replace(/^id: .*\n/m, '')
    .replace(
      /^published: '?(\d{4}-\d{2}-\d{2})(.*?)'?$/m,
      (_all, date: string, rest: string) => `published: '${addDays(date, weeks * 7)}${rest}'`,
    )
    .replace(/^title: (.*)$/m, (_all, t: string) =>
      `title: ${t.replace(/^['"]|['"]$/g, '')} (${index})`.replace(/: (.*:.*)$/, ": '$1'"),
    );
}

/** File name → text for a corpus of `size` articles. */
export function generateCorpus(options: CorpusOptions): Map<string, string> {
  const { size, seed, gazetteer, seeds } = options;
  const start = options.start ?? '2023-01-02';
  const every = options.seedEvery ?? 20;
  const rand = prng(seed);
  const files = new Map<string, string>();
  for (let i = 0; i < size; i++) {
    const published = publishedOf(i, size, start);
    const name = `a${String(i).padStart(6, '0')}.txt`;
    const real = every > 0 && i % every === every - 1 ? seeds[Math.floor(i / every) % seeds.length] : undefined;
    if (real !== undefined)
      files.set(name, shiftSeed(real, Math.round((Date.parse(published) - Date.parse('2025-11-30')) / 604_800_000), i));
    else files.set(name, syntheticArticle(i, published, gazetteer, rand));
  }
  return files;
}
