/**
 * The output manifest stands in for parsing event files: what it records of a file must be exactly what
 * `readPreviousEvents` reads back from it, for any text an article may contain.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/lib/model.ts';
import { eventToMarkdown, parseEventFile } from '../../src/lib/write/front-matter.ts';
import {
  eventHash,
  previousRecord,
  readManifest,
  scanEventFiles,
  writeManifest,
} from '../../src/lib/write/output-manifest.ts';
import type { ManifestEntry, OutputManifest } from '../../src/lib/write/output-manifest.ts';
import { readPreviousEvents, readPreviousEventsKnown } from '../../src/lib/write/previous-events.ts';
import { timelineEvent } from '../fixtures/events/build.ts';
import { tempDir } from '../support/temp.ts';

/** Text as articles hold it, and the characters YAML and Markdown treat specially. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.stringMatching(/^[-:#&*!|>'"%@`{}[\],?\s\\a-z0-9]{0,30}$/),
  fc.constantFrom(
    '---',
    'true',
    'null',
    '2025-11-30',
    '123',
    ' leading',
    'trailing ',
    'a: b',
    '- x',
    '...',
    '\n',
    'a\n\n',
    '\n b',
  ),
);

const citation = fc.record(
  {
    source: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/),
    quote: text,
    paragraph: fc.nat(50),
    sentence: fc.nat(200),
    expression: text,
    rule: fc.constantFrom('weekday', 'month-name', 'context:following-sentence'),
  },
  { requiredKeys: ['source', 'quote', 'paragraph', 'sentence', 'rule'] },
);

const event: fc.Arbitrary<TimelineEvent> = fc.record({
  id: fc.stringMatching(/^2025-11-[0-3][0-9](?:-[a-z]{1,8}){1,4}$/),
  title: text,
  date: fc.constant('2025-11-30'),
  precision: fc.constant('day' as const),
  status: fc.constantFrom('happened' as const, 'planned' as const),
  actors: fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 3 }),
  places: fc.constant<string[]>([]),
  topics: fc.constant<string[]>([]),
  sources: fc.array(citation, { minLength: 1, maxLength: 4 }),
  summary: text,
});

describe('output manifest', () => {
  it('round-trips text that is only or ends in white space (found by the property below)', () => {
    const dir = tempDir('manifest-');
    for (const quote of ['\n', ' ', '\u0085', 'a\n\n', '\u2028x', 'x\u00a0']) {
      const e = timelineEvent({
        title: quote,
        sources: [{ source: 's', quote, paragraph: 0, sentence: 0, rule: 'weekday' }],
      });
      writeFileSync(join(dir, 'e.md'), eventToMarkdown(e));
      const [read] = readPreviousEvents(dir);
      expect(parseEventFile(readFileSync(join(dir, 'e.md'), 'utf8'))?.['title']).toBe(quote);
      expect(read?.sources[0]?.quote).toBe(quote);
    }
  });

  it('records of an event exactly what reading its file back gives', () => {
    const dir = tempDir('manifest-');
    fc.assert(
      fc.property(event, (e: TimelineEvent) => {
        writeFileSync(join(dir, 'e.md'), eventToMarkdown(e));
        const [read] = readPreviousEvents(dir);
        const record = previousRecord(e);
        expect(read).toBeDefined();
        // Field by field: the parsed citations list their keys in file order.
        expect({ ...read, sources: read?.sources.map((c) => ({ ...c })) }).toEqual({
          ...record,
          sources: record.sources.map((c) => ({ ...c })),
        });
      }),
      { numRuns: 200 },
    );
  });

  it('is trusted only for files whose fingerprint it recorded', () => {
    const out = tempDir('manifest-out-');
    const cache = tempDir('manifest-cache-');
    const e = (id: string, quote: string): TimelineEvent =>
      timelineEvent({
        id,
        title: `Title of ${id}`,
        sources: [{ source: 's', quote, paragraph: 0, sentence: 0, rule: 'weekday' }],
        summary: quote,
      });
    const events = [e('2025-11-30-a', 'One.'), e('2025-11-30-b', 'Two.')];
    for (const x of events) writeFileSync(join(out, `${x.id}.md`), eventToMarkdown(x));
    const scan = scanEventFiles(out);
    const files = Object.fromEntries(
      events.map((x) => [
        `${x.id}.md`,
        // A record that differs from the file on purpose: it shows which one was used.
        {
          fp: scan.get(`${x.id}.md`) as string,
          hash: eventHash(x),
          record: { ...previousRecord(x), sources: [{ source: 's', quote: 'M' }] },
        },
      ]),
    );
    writeManifest(cache, out, { render: 'r', files });
    const manifest = readManifest(cache, out);
    expect(manifest?.render).toBe('r');
    const known = readPreviousEventsKnown(out, scanEventFiles(out), manifest);
    expect(known.records.map((r) => r.sources[0]?.quote)).toEqual(['M', 'M']);
    expect(known.parsed).toBe(0);

    // Edit one file: its fingerprint changes, so it is read again.
    writeFileSync(join(out, '2025-11-30-b.md'), eventToMarkdown(e('2025-11-30-b', 'Two, edited.')));
    const again = readPreviousEventsKnown(out, scanEventFiles(out), manifest);
    expect(again.records.map((r) => r.sources[0]?.quote)).toEqual(['M', 'Two, edited.']);
    expect(again.parsed).toBe(1);
    // Another output folder has no manifest.
    expect(readManifest(cache, join(out, 'other'))).toBeUndefined();
  });

  it('reads back every entry it wrote, whatever the names and texts hold', () => {
    const cache = tempDir('manifest-cache-');
    const entry = fc.record({
      fp: fc.string(),
      hash: fc.string(),
      record: event.map(previousRecord),
    });
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: 'grapheme', minLength: 1 }), entry, { minKeys: 1 }),
        fc.string(),
        (files, render) => {
          writeManifest(cache, '/out', { render, files });
          const read = readManifest(cache, '/out');
          expect(read?.render).toBe(render);
          expect(JSON.parse(JSON.stringify(read?.files))).toEqual(JSON.parse(JSON.stringify(files)));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is not rewritten when a run takes over every entry unchanged, and is when anything differs', () => {
    const cache = tempDir('manifest-cache-');
    const entry = (id: string): ManifestEntry => {
      const x = timelineEvent({ id, title: `Title of ${id}` });
      return { fp: `fp-${id}`, hash: eventHash(x), record: previousRecord(x) };
    };
    const start = { 'a.md': entry('a'), 'b.md': entry('b'), 'c.md': entry('c') };
    const read = () => readManifest(cache, '/out') as OutputManifest;
    const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
    expect(writeManifest(cache, '/out', { render: 'r', files: start })).toBe(1);
    const m = read();
    expect(writeManifest(cache, '/out', { render: 'r', files: { ...m.files } }, m)).toBe(0);
    const changes: Array<[string, (f: Record<string, ManifestEntry>) => Record<string, ManifestEntry>]> = [
      ['an entry made again', (f) => ({ ...f, 'b.md': entry('b') })],
      ['an entry gone', ({ 'b.md': _b, ...rest }) => rest],
      ['an entry more', (f) => ({ ...f, 'd.md': entry('d') })],
    ];
    for (const [label, change] of changes) {
      writeManifest(cache, '/out', { render: 'r', files: start });
      const before = read();
      const files = change({ ...before.files });
      expect(writeManifest(cache, '/out', { render: 'r', files }, before), label).toBe(1);
      expect(plain(read().files), label).toEqual(plain(files));
    }
    const before = read();
    expect(writeManifest(cache, '/out', { render: 'r2', files: { ...before.files } }, before)).toBe(1);
    expect(read().render).toBe('r2');
  });

  it('rewrites only the shards (months of the ids) whose entries changed, and drops emptied ones', () => {
    const cache = tempDir('manifest-cache-');
    const entry = (id: string): ManifestEntry => {
      const x = timelineEvent({ id, title: `Title of ${id}` });
      return { fp: `fp-${id}`, hash: eventHash(x), record: previousRecord(x) };
    };
    const ids = ['2025-10-30-a', '2025-11-02-b', '2025-11-30-c', '2025-w49-d', '2025-e', 'curated-f'];
    const start = Object.fromEntries(ids.map((id) => [`${id}.md`, entry(id)]));
    expect(writeManifest(cache, '/out', { render: 'r', files: start })).toBe(4); // 2025-10, 2025-11, 2025, other
    const shards = () => readdirSync(join(cache, 'output')).sort();
    expect(shards()).toHaveLength(4);
    const before = readManifest(cache, '/out') as OutputManifest;
    const files = { ...before.files, '2025-11-30-c.md': entry('2025-11-30-c') };
    expect(writeManifest(cache, '/out', { render: 'r', files }, before)).toBe(1);
    const read = readManifest(cache, '/out') as OutputManifest;
    const { '2025-10-30-a.md': _gone, ...rest } = read.files;
    expect(writeManifest(cache, '/out', { render: 'r', files: rest }, read)).toBe(0);
    expect(shards()).toHaveLength(3);
    expect(Object.keys((readManifest(cache, '/out') as OutputManifest).files).sort()).toEqual(Object.keys(rest).sort());
    // A shard of another rendering code (left by a run that stopped half way) is left out, not trusted.
    const other = shards().find((n) => n.endsWith('.m-other.json')) as string;
    const foreign = { format: 1, render: 'r2', files: { 'curated-f.md': entry('curated-f') } };
    writeFileSync(join(cache, 'output', other), JSON.stringify(foreign));
    const mixed = readManifest(cache, '/out') as OutputManifest;
    expect(mixed.render).toBe('r');
    expect(Object.keys(mixed.files)).not.toContain('curated-f.md');
  });
});
