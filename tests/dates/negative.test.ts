import { describe, expect, it } from 'vitest';
import { all } from './helpers.ts';

const REF = '2025-11-30';

describe('text that is not a date', () => {
  it.each([
    'Over three years into the war, it is unclear whether Putin will concede.',
    'Russia launched a nearly 10-hour air assault.',
    'They drafted an initial 28-point peace plan.',
    'Topics included the existing 20-point peace blueprint.',
    'Investigators found that $100 million was embezzled.',
    'The facility handles about 1 per cent of global oil supplies.',
    'Sec. Marco Rubio just finished talks.',
    'Troops may advance if talks fail.',
    'Protesters march on the capital.',
    'The second round of talks is over.',
    'They asked for a 30-day, frontline-wide ceasefire.',
    'After a theatrical week-long wait, they got a swap.',
    'They agreed a month-long mutual pause on attacks.',
    'Umerov met his counterparts for more than four hours.',
    'For decades, planners feared something else.',
    'Over a roughly three-week period, drones struck.',
    'In medieval times, the district was overrun.',
    'In the coming days it is feasible to flesh out the steps.',
    'The coming weeks are expected to test the demands.',
    'After months of stalled dialogue, talks resumed.',
    'A month of intense diplomacy followed.',
    'A whirlwind month of high-stakes diplomacy began.',
    'The war has dragged on for more than three years.',
    'Nearly 2000 troops were moved.',
    'About 2025 drones were launched.',
    'The army lost 2024 soldiers.',
    'The budget is $2022.',
    'It cost 2022 million dollars.',
    'Inflation hit 2020 per cent.',
    'Call 12,2025 now.',
    'In the 1990s the army shrank.',
    'The fall of Bakhmut shocked Kyiv.',
    'Prices fall every spring offensive.',
    'The Arab Spring changed the region.',
    'He handed the letter to April Ryan.',
    'Theresa May and May said nothing.',
    'He reads the Sunday Times.',
    'Markets close on Sundays.',
    'It was the last week of talks for him.',
    'Days before the vote, tension rose.',
    'World War II ended.',
    'The Mongol horde came in the 13th century.',
    'Tomorrowland is a festival.',
    'He said maybe.',
  ])('%s', (sentence) => {
    expect(all(sentence, REF).map((x) => x.text)).toEqual([]);
  });
});

describe('linear in sentence length', () => {
  it('a 10,000-character sentence of filler returns (no catastrophic backtracking)', () => {
    const filler =
      'the envoys and the officials said that the talks on the plan were long and the issues hard, '.repeat(110);
    expect(filler.length).toBeGreaterThan(10_000);
    expect(all(filler, REF)).toEqual([]);
  });
  it('a 10,000-character sentence of near-misses returns', () => {
    const tricky = 'Nov. 2 in 20 last wee early Sun mid- 9/9/ 2025-1 the day before , '.repeat(160);
    expect(tricky.length).toBeGreaterThan(10_000);
    expect(Array.isArray(all(tricky, REF))).toBe(true);
  });
  it('a 10,000-character run of digits and spaces returns', () => {
    const digits = '1 '.repeat(5_000) + '9'.repeat(1_000);
    expect(all(digits, REF)).toEqual([]);
  });
});
