import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/lib/errors.ts';
import { applyCuration, beforeCuration, loadCuration, parseCuration } from '../../src/lib/events/curation.ts';
import { loadGazetteer, parsePeople, parseTopics } from '../../src/lib/events/gazetteer.ts';
import { assignIds, datePrefix, keyWordSlug } from '../../src/lib/events/ids.ts';
import { buildEvents } from '../../src/lib/events/index.ts';
import { tagText } from '../../src/lib/events/tagger.ts';
import { cleanClause, shorten } from '../../src/lib/events/title.ts';
import type { TimelineEvent } from '../../src/lib/model.ts';
import { dated, GAZETTEER, timelineEvent } from '../fixtures/events/build.ts';
import { tempDir } from '../support/temp.ts';

const cite = (source: string, sentence: number, quote: string) => ({
  source,
  sentence,
  quote,
  paragraph: 0,
  rule: 'test',
});

describe('ids', () => {
  it('prefix the date as precisely as the event is known', () => {
    expect(datePrefix('2025-11-30', 'day')).toBe('2025-11-30');
    expect(datePrefix('2025-12-01', 'week')).toBe('2025-w49');
    expect(datePrefix('2025-10-01', 'month')).toBe('2025-10');
    expect(datePrefix('2025-03-01', 'season')).toBe('2025-spring');
    expect(datePrefix('2022-01-01', 'year')).toBe('2022');
  });
  it('take 3–6 key words, skipping function, time and reporting words', () => {
    expect(keyWordSlug('Smith said on Sunday that the talks in Lakeside were productive')).toBe(
      'smith-talks-lakeside-productive',
    );
  });
  it('keep a previous id when a citation is shared, and suffix clashes deterministically', () => {
    const previous = [{ id: 'old-id', title: 'Old', date: '2025-11-30', sources: [cite('a', 1, 'Quote one.')] }];
    const ids = assignIds(
      [
        { natural: '2025-11-30-x', citations: [cite('b', 4, 'Other.'), cite('a', 1, 'Quote one.')] },
        { natural: '2025-11-30-x', citations: [cite('c', 2, 'New.')] },
        { natural: '2025-11-30-x', citations: [cite('c', 3, 'Newer.')] },
      ],
      previous,
    );
    expect(ids).toEqual(['old-id', '2025-11-30-x', '2025-11-30-x-2']);
  });
  it('survive a re-ingest with an added source and a changed title', () => {
    const doc = (id: string, text: string) =>
      dated({
        id,
        published: '2025-12-01',
        paragraphs: [
          [{ text, dates: [{ text: text.includes('On Sunday') ? 'On Sunday' : 'on Sunday', start: '2025-11-30' }] }],
        ],
      });
    const opts = { gazetteer: GAZETTEER, curation: { events: {} }, focusFrom: '2025-10-01' };
    const first = buildEvents([doc('a', 'Smith and Jones held ceasefire talks in Lakeside on Sunday.')], {
      ...opts,
      previous: [],
    }).events;
    const previous = first.map((e) => ({ id: e.id, title: 'An editor’s title', date: e.date, sources: e.sources }));
    const again = buildEvents(
      [
        doc('0-new', 'On Sunday, Jones and Smith wrapped up ceasefire talks in Lakeside.'),
        doc('a', 'Smith and Jones held ceasefire talks in Lakeside on Sunday.'),
      ],
      { ...opts, previous },
    );
    expect(again.events).toHaveLength(1);
    expect(again.events[0]?.id).toBe(first[0]?.id);
    expect(again.report.keptIds).toBe(1);
  });
});

describe('curation', () => {
  const ev = (id: string, sources = [cite('a', 0, 'Q.')]): TimelineEvent =>
    timelineEvent({ id, title: id, sources, summary: '' });
  const sum = (s: readonly { quote: string }[]) => s.map((c) => c.quote).join(' ');

  it('retitles, redates, hides, merges and splits; reports unknown ids', () => {
    const curation = parseCuration(
      'c.yaml',
      [
        'events:',
        '  e1: { title: New title, date: 2025-11-29 }',
        '  e2: { hide: true }',
        '  e3: { mergeInto: e1 }',
        '  e4:',
        '    split:',
        '      - { id: e4-b, citations: ["a#2"], title: Second part }',
        '  gone: { title: Nobody }',
      ].join('\n'),
    );
    const out = applyCuration(
      [ev('e1'), ev('e2'), ev('e3', [cite('b', 5, 'Other.')]), ev('e4', [cite('a', 1, 'One.'), cite('a', 2, 'Two.')])],
      curation,
      sum,
    );
    const byId = new Map(out.events.map((e) => [e.id, e]));
    expect(byId.get('e1')).toMatchObject({ title: 'New title', date: '2025-11-29' });
    expect(byId.get('e1')?.sources.map((s) => s.source)).toEqual(['a', 'b']);
    expect(byId.has('e2') || byId.has('e3')).toBe(false);
    expect(out.hidden.map((e) => e.id)).toEqual(['e2']);
    expect(byId.get('e4')?.sources.map((s) => s.sentence)).toEqual([1]);
    expect(byId.get('e4-b')).toMatchObject({ title: 'Second part', summary: 'Two.' });
    expect(out.unused).toEqual(['gone']);
  });
  it('gives split parts back to the event they were split from before ids are matched', () => {
    const curation = parseCuration(
      'c.yaml',
      [
        'events:',
        '  e4:',
        '    split:',
        '      - { id: e4-b, citations: ["a#2", "a#3"] }',
        '  e4-b:',
        '    split:',
        '      - { id: e4-c, citations: ["a#3"] }',
        '  e9:',
        '    split:',
        '      - { id: e9-b, citations: ["b#1"] }',
      ].join('\n'),
    );
    const curated = applyCuration(
      [ev('e4', [cite('a', 1, 'One.'), cite('a', 2, 'Two.'), cite('a', 3, 'Three.')]), ev('e5')],
      curation,
      sum,
    ).events;
    expect(curated.map((e) => e.id).sort()).toEqual(['e4', 'e4-b', 'e4-c', 'e5']);
    const back = beforeCuration(curated, curation);
    expect(back.map((e) => [e.id, e.sources.map((c) => c.sentence).sort()])).toEqual([
      ['e4', [1, 2, 3]],
      ['e5', [0]],
    ]);
    // A part whose parent is gone stands for it; without splits nothing changes.
    const orphan = beforeCuration([ev('e9-b', [cite('b', 1, 'B.')])], curation);
    expect(orphan.map((e) => e.id)).toEqual(['e9']);
    expect(beforeCuration(curated, { events: {} })).toEqual(curated);
  });
  it('marks merged citations with the event they came from, follows chains, and gives them back before ids', () => {
    // X into Y and Y into B, with X's id sorting before Y's and after it: Y may be merged away before X reaches it.
    for (const [x, y] of [
      ['m1', 'm2'],
      ['m2', 'm1'],
    ] as const) {
      const curation = parseCuration('c.yaml', `events:\n  ${x}: { mergeInto: ${y} }\n  ${y}: { mergeInto: b }\n`);
      const events = [
        ev('b', [cite('a', 0, 'Q.')]),
        ev(x, [cite('x', 1, 'X1.'), cite('a', 0, 'Q.'), cite('x', 2, 'X2.')]),
        ev(y, [cite('y', 3, 'Y3.')]),
      ];
      const out = applyCuration(events, curation, sum);
      expect(out.unused).toEqual([]);
      expect(out.events.map((e) => e.id)).toEqual(['b']);
      // A sentence B quotes already stays B's own.
      const marks = out.events[0]?.sources.map((c) => [c.source, c.sentence, c.mergedFrom]);
      expect(new Set(marks)).toEqual(
        new Set([
          ['a', 0, undefined],
          ['x', 1, x],
          ['x', 2, x],
          ['y', 3, y],
        ]),
      );
      const back = beforeCuration(out.events, curation).map((e) => [e.id, e.sources.map((c) => c.sentence)]);
      expect(back).toHaveLength(3);
      expect(new Map(back as Array<[string, number[]]>)).toEqual(
        new Map([
          ['b', [0]],
          [x, [1, 2]],
          [y, [3]],
        ]),
      );
    }
    // The marks are in the events themselves: without its entry, the merged event is matched as before.
    const merged = applyCuration(
      [ev('b'), ev('x', [cite('x', 1, 'X1.')])],
      parseCuration('c.yaml', 'events:\n  x: { mergeInto: b }\n'),
      sum,
    ).events;
    expect(beforeCuration(merged, { events: {} }).map((e) => e.id)).toEqual(['b', 'x']);
  });
  it('names file and line of a bad entry; a missing file is no curation', () => {
    expect(() => parseCuration('c.yaml', 'events:\n  e1:\n    date: 2025-02-30\n')).toThrow(InputError);
    try {
      parseCuration('c.yaml', 'events:\n  e1:\n    titel: x\n');
    } catch (e) {
      expect((e as InputError).toLine()).toMatch(/^c\.yaml:3: unknown field "titel"/);
    }
    expect(loadCuration('/nonexistent/curation.yaml')).toEqual({ events: {} });
    expect(loadCuration(join(process.cwd(), 'content/curation.yaml'))).toEqual({ events: {} });
  });
});

describe('gazetteer and tagger', () => {
  it('tags people by alias, places, and topics by keyword stems', () => {
    const tags = tagText('Grey and Jones’s team met in Port Vale; a truce and refinery strikes.', GAZETTEER);
    expect(tags).toEqual({ actors: ['di-gray', 'bo-jones'], places: ['port-vale'], topics: ['ceasefire', 'energy'] });
    expect(tagText('Smithson graylisted nothing', GAZETTEER).actors).toEqual([]);
  });
  it('rejects bad data with file and line', () => {
    expect(() => parsePeople('p.yaml', '- slug: Bad Slug\n  name: X\n')).toThrow(/slug "Bad Slug"/);
    try {
      parsePeople('p.yaml', '- slug: a\n  name: A\n- slug: a\n  name: B\n');
    } catch (e) {
      expect((e as InputError).toLine()).toMatch(/^p\.yaml:3: duplicate slug "a"/);
    }
    expect(() => parseTopics('t.yaml', '- slug: t\n  name: T\n  keywords: []\n')).toThrow(/at least one keyword/);
  });
  it('loads the project gazetteer, with countries that are places', () => {
    const g = loadGazetteer(join(process.cwd(), 'content/gazetteer'));
    expect(g.people.length).toBeGreaterThan(5);
    const dir = tempDir('gaz-');
    writeFileSync(join(dir, 'people.yaml'), '- slug: a\n  name: A\n  country: nowhere\n');
    writeFileSync(join(dir, 'places.yaml'), '');
    writeFileSync(join(dir, 'topics.yaml'), '');
    expect(() => loadGazetteer(dir)).toThrow(/country "nowhere"/);
  });
});

describe('titles', () => {
  it('drop connectives and attribution', () => {
    expect(cleanClause('Meanwhile, the delegation lost its negotiator, according to an announcement')).toBe(
      'The delegation lost its negotiator'.replace(/^T/, 't'),
    );
    expect(cleanClause('But the envoy will travel to Vale, he said.')).toBe('the envoy will travel to Vale');
  });
  it('cut at a phrase boundary, never on a function word, within 90 characters', () => {
    const long =
      'Smith and Jones met with the delegation of Eastland for more than five hours of talks in the lakeside resort of Port Vale, which hosted them';
    const t = shorten(long);
    expect(t.text.length).toBeLessThanOrEqual(90);
    expect(t.cut).toBe(true);
    expect(long.startsWith(t.text)).toBe(true);
    expect(t.text).not.toMatch(/\b(of|in|the|for|with|and)$/);
  });
});
