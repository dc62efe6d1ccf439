/**
 * What a resident ingest carries from one assembly to the next (BuildOptions `made` and `origins`): the events it
 * gets must be the ones a fresh assembly makes, whatever changed around the drafts (their ids, the focus date, the
 * volume built again).
 */
import { describe, expect, it } from 'vitest';
import { assembleEvents, buildVolume, carryOrigins, prepareDocument } from '../../src/lib/events/index.ts';
import type { Draft, MadeEvents, PreviousEvent, VolumeResult } from '../../src/lib/events/index.ts';
import { dated, options } from '../fixtures/events/build.ts';

/** One source reporting talks on `day` (of November 2025) and a strike two days later. */
function source(id: string, day: number, publisher = `Wire ${id}`) {
  const on = (d: number) => `2025-11-${String(d).padStart(2, '0')}`;
  return dated({
    id,
    published: on(day + 3),
    publisher,
    paragraphs: [
      [
        {
          text: `Smith and Jones held ceasefire talks in Lakeside on ${on(day)}.`,
          dates: [{ text: on(day), start: on(day) }],
        },
      ],
      [
        {
          text: `Southland drones hit the Eastland oil terminal on ${on(day + 2)}.`,
          dates: [{ text: on(day + 2), start: on(day + 2) }],
        },
      ],
    ],
  });
}

function volume(docs: ReturnType<typeof source>[]): VolumeResult {
  const { gazetteer } = options();
  return buildVolume(
    docs.map((d) => prepareDocument(d, gazetteer)),
    gazetteer,
  );
}

/** The events as their files would hold them (lazy fields worked out). */
const plain = (events: readonly unknown[]) => JSON.parse(JSON.stringify(events)) as unknown;

describe('assembling again with the events made before', () => {
  it('gives a fresh assembly’s events when a draft’s id or the focus date changed since', () => {
    const v = volume([source('alpha', 10), source('beta', 20)]);
    const made: MadeEvents = new WeakMap();
    const first = assembleEvents([v], options({ made, focusFrom: '2025-11-21' }));
    expect(first.events.some((e) => e.background === true)).toBe(true);
    // Another focus date: events that were background are not any more, and the reverse.
    for (const focusFrom of ['2025-11-01', '2025-11-30', '2025-11-15']) {
      const again = assembleEvents([v], options({ made, focusFrom }));
      expect(plain(again.events)).toEqual(plain(assembleEvents([v], options({ focusFrom })).events));
    }
    // Previous events that give a draft another id: the event made for the old id is not taken.
    const target = first.events[0];
    if (target === undefined) throw new Error('no event');
    const id = `${target.date}-talks-renamed-by-an-editor`;
    const previous: PreviousEvent[] = [{ id, sources: target.sources }];
    const renamed = assembleEvents([v], options({ made, previous }));
    expect(renamed.events.map((e) => e.id)).toContain(id);
    expect(plain(renamed.events)).toEqual(plain(assembleEvents([v], options({ previous })).events));
  });
});

describe('carryOrigins', () => {
  it('carries over the origins of drafts made alike, and of no draft whose event would differ', () => {
    const before = volume([source('alpha', 10), source('beta', 20)]);
    const origins = new WeakMap<Draft, string>();
    // A third source with other dates: the drafts of alpha and beta are made again alike, its own are new.
    const after = volume([source('alpha', 10), source('beta', 20), source('gamma', 24)]);
    expect(carryOrigins(before, 'k'.repeat(64), after, origins)).toBe(before.drafts.length);
    const carried = after.drafts.filter((d) => origins.has(d));
    expect(carried).toHaveLength(before.drafts.length);
    expect(new Set(carried.map((d) => origins.get(d)))).toEqual(
      new Set(before.drafts.map((_, j) => `${'k'.repeat(24)}#${j}`)),
    );
    // A source's name changed: its events' summaries would name it otherwise, so its drafts carry nothing.
    const renamed = volume([source('alpha', 10, 'The Alpha Times'), source('beta', 20)]);
    const fresh = new WeakMap<Draft, string>();
    carryOrigins(before, 'k'.repeat(64), renamed, fresh);
    for (const d of renamed.drafts) expect(fresh.has(d)).toBe(!d.cited.some((c) => c.citation.source === 'alpha'));
  });
});
