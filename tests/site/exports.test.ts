import { describe, expect, it } from 'vitest';
import type { ExportEvent } from '../../src/lib/site/exports.ts';
import { toEventsJson, toIcs, toTimelineJs } from '../../src/lib/site/exports.ts';
import { plainText } from '../../src/lib/site/plain-text.ts';

const cite = { source: 'wsj', quote: 'q', paragraph: 1, sentence: 2, rule: 'weekday' };
const events: ExportEvent[] = [
  {
    id: 'a',
    title: 'Invasion',
    date: '2022-02-01',
    end: '2022-02-28',
    precision: 'month',
    status: 'happened',
    background: true,
    actors: [],
    places: [],
    topics: ['war'],
    sources: [cite],
    summary: 'It began.',
  },
  {
    id: 'b',
    title: 'Talks <script>alert(1)</script>',
    date: '2025-11-30',
    precision: 'day',
    status: 'happened',
    actors: [],
    places: [],
    topics: [],
    sources: [cite],
    summary: 'They met & talked.',
  },
  {
    id: 'c',
    title: 'Meeting',
    date: '2025-12-01',
    end: '2025-12-07',
    precision: 'week',
    status: 'planned',
    actors: [],
    places: [],
    topics: [],
    sources: [cite],
    summary: 'Planned.',
  },
];
const site = 'https://example.org/';

describe('events.json', () => {
  it('has every field, an end for every event, the label and the URL', () => {
    const json = JSON.parse(toEventsJson(events, site));
    expect(json.version).toBe(1);
    expect(json.events[1]).toMatchObject({
      id: 'b',
      end: '2025-11-30',
      label: 'Sun, Nov 30, 2025',
      url: 'https://example.org/events/b/',
    });
    expect(json.events[0].sources[0].quote).toBe('q');
  });
});

describe('iCalendar', () => {
  const ics = toIcs(events, site, 'Cal');
  it('writes all-day events, spans for weeks and months with an exclusive end', () => {
    expect(ics).toContain('DTSTART;VALUE=DATE:20220201');
    expect(ics).toContain('DTEND;VALUE=DATE:20220301');
    expect(ics).toContain('DTSTART;VALUE=DATE:20251130');
    expect(ics).toContain('DTEND;VALUE=DATE:20251201');
    expect(ics).toContain('DTEND;VALUE=DATE:20251208');
    expect(ics).toContain('STATUS:TENTATIVE');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
  });
  it('is byte-identical from run to run (no clock inside)', () => {
    expect(toIcs(events, site, 'Cal')).toBe(ics);
    expect(ics).toContain('DTSTAMP:20251207');
  });
});

describe('TimelineJS', () => {
  const tl = JSON.parse(toTimelineJs(events, site, 'T', 'Lead', new Map([['wsj', 'WSJ']])));
  it('gives only what the precision knows', () => {
    expect(tl.events[0].start_date).toEqual({ year: 2022, month: 2, display_date: 'February 2022' });
    expect(tl.events[1].start_date).toMatchObject({ year: 2025, month: 11, day: 30 });
    expect(tl.events[0].group).toBe('Background');
  });
  it('escapes ingested text, which TimelineJS renders as HTML', () => {
    expect(tl.events[1].text.headline).toBe('Talks &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(tl.events[1].text.text).toContain('They met &amp; talked.');
    expect(tl.events[1].text.text).toContain('Sources: WSJ');
  });
});

describe('plainText', () => {
  it('undoes Markdown escapes and joins paragraphs', () => {
    expect(plainText('A \\*star\\* and \\<b>.\n\nSecond.')).toBe('A *star* and <b>. Second.');
  });
});

describe('JSON-LD', () => {
  it('cannot close its script element or open markup', async () => {
    const { scriptSafeJson, eventJsonLd } = await import('../../src/lib/site/json-ld.ts');
    const e = events[1]!;
    const text = scriptSafeJson(
      eventJsonLd({ ...e, summary: '</script><!-- & -->' }, 'https://x/', [
        { name: 'A</script>', published: '2025-11-30' },
      ]),
    );
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text).description).toBe('</script><!-- & -->');
    expect(JSON.parse(text).citation[0].publisher.name).toBe('A</script>');
  });
});
