import { describe, expect, it } from 'vitest';
import { all, brief, one } from './helpers.ts';

describe('days named from the reference', () => {
  it.each([
    ['Today, Umerov reported on the dialogue.', '2025-12-01', 'Today', '2025-12-01 2025-12-01..2025-12-01 day'],
    ['He spoke yesterday.', '2025-12-01', 'yesterday', '2025-11-30 2025-11-30..2025-11-30 day'],
    ['They meet tomorrow.', '2025-12-31', 'tomorrow', '2026-01-01 2026-01-01..2026-01-01 day'],
    ['He will speak tonight.', '2025-12-01', 'tonight', '2025-12-01 2025-12-01..2025-12-01 day night'],
    ['Drones struck last night.', '2025-03-01', 'last night', '2025-02-28 2025-02-28..2025-02-28 day night'],
    ['Drones struck last night.', '2024-03-01', 'last night', '2024-02-29 2024-02-29..2024-02-29 day night'],
    [
      'He said this morning that talks went well.',
      '2025-12-01',
      'this morning',
      '2025-12-01 2025-12-01..2025-12-01 day morning',
    ],
    ['They met two days ago.', '2025-12-01', 'two days ago', '2025-11-29 2025-11-29..2025-11-29 day'],
    [
      'They met the day before yesterday.',
      '2025-12-01',
      'the day before yesterday',
      '2025-11-29 2025-11-29..2025-11-29 day',
    ],
  ])('%s [%s]', (sentence, ref, text, expected) => {
    expect(brief(one(sentence, ref, text))).toBe(expected);
  });
});

describe('dates relative to another event', () => {
  it('leaves "a day before <undated event>" to the events stage', () => {
    const x = one(
      'A day before the U.S. and Ukrainian delegations met in Florida, Russia bombarded Ukraine.',
      '2025-11-30',
      'A day before',
    );
    expect(x.value).toBe('');
    expect([x.startDate, x.endDate]).toEqual(['2025-11-30', '2025-11-30']);
    expect(x.anchor).toEqual({
      kind: 'unresolved',
      days: -1,
      mention: 'the U.S. and Ukrainian delegations met in Florida',
    });
  });
  it('resolves "the day before Sunday’s talks" against the Sunday it names', () => {
    const xs = all(
      'It included a nearly 10-hour assault with missiles and drones the day before Sunday’s talks.',
      '2025-12-01',
    );
    expect(xs.map((x) => x.text)).toEqual(['the day before', 'Sunday']);
    const [before, sunday] = xs;
    expect(sunday?.value).toBe('2025-11-30');
    expect(before?.value).toBe('2025-11-29');
    expect(before?.anchor).toEqual({ kind: 'expression', index: 1 });
    expect(before?.rule).toBe('relative-to-expression');
  });
  it('resolves against a dated expression later in the mention', () => {
    const x = one('A day before the talks on Sunday, Russia attacked.', '2025-11-30', 'A day before');
    expect(x.value).toBe('2025-11-29');
    expect(x.anchor).toEqual({ kind: 'expression', index: 1 });
  });
  it.each([
    ['Two days after the envoys left Geneva, talks resumed.', 'Two days after', 2, 'the envoys left Geneva', 'day'],
    [
      'A week after Rubio met with Yermak in Geneva, the sides met again.',
      'A week after',
      7,
      'Rubio met with Yermak in Geneva',
      'week',
    ],
    ['Russia struck the night before the summit opened.', 'the night before', -1, 'the summit opened', 'day'],
    ['In comments earlier in the day, the Ukrainian leader cast doubt.', 'earlier in the day', 0, '', 'day'],
    ['The Kremlin replied the same day.', 'the same day', 0, '', 'day'],
    ['The Kremlin replied the next day.', 'the next day', 1, '', 'day'],
    ['The Kremlin had warned the previous day.', 'the previous day', -1, '', 'day'],
    ['He returned to Kyiv that day.', 'that day', 0, '', 'day'],
    ['Two days later, talks resumed.', 'Two days later', 2, '', 'day'],
    ['The talks resumed the following week.', 'the following week', 7, '', 'week'],
  ])('%s', (sentence, text, days, mention, precision) => {
    const x = one(sentence, '2025-11-30', text);
    expect(x.anchor).toEqual({ kind: 'unresolved', days, mention });
    expect(x.value).toBe('');
    expect(x.precision).toBe(precision);
  });
});
