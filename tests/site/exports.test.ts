import ICAL from 'ical.js';
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
  it('does not depend on the time zone of the build', () => {
    const tz = process.env['TZ'];
    try {
      for (const zone of ['Pacific/Kiritimati', 'America/Adak']) {
        process.env['TZ'] = zone;
        expect(toIcs(events, site, 'Cal')).toBe(ics);
      }
    } finally {
      if (tz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = tz;
    }
  });

  // Text an ingest can produce: every character RFC 5545 escapes, line breaks of all kinds, multi-byte
  // characters (one of them outside the BMP) and a line long enough to fold many times.
  const hostile: ExportEvent = {
    ...events[1]!,
    id: 'h',
    title: 'Talks, again; a \\ back\\slash\r\nBEGIN:VEVENT\rUID:x\nEND:VCALENDAR',
    topics: ['peace-talks', 'war'],
    summary: `Délégués « cités » — 😀 ${'ünïcode '.repeat(40)}end.`,
  };
  const parsedEvents = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');

  it('parses back with an independent parser (ical.js) to exactly what was written', () => {
    const text = toIcs([...events, hostile], site, 'Cal');
    const parsed = parsedEvents(text);
    expect(parsed.map((v) => v.getFirstPropertyValue('uid'))).toEqual([
      'a@timeline',
      'b@timeline',
      'c@timeline',
      'h@timeline',
    ]);
    const h = parsed[3]!;
    // TEXT has one line break, written \n: CRLF, CR and LF all read back as LF.
    expect(h.getFirstPropertyValue('summary')).toBe(hostile.title.replace(/\r\n?/g, '\n'));
    expect(h.getFirstPropertyValue('description')).toBe(`Sun, Nov 30, 2025. ${hostile.summary}`);
    expect(h.getFirstProperty('categories')?.getValues()).toEqual(['peace-talks', 'war']);
    expect(h.getFirstPropertyValue('url')).toBe('https://example.org/events/h/');
    const start = h.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect([start.isDate, start.toString(), String(h.getFirstPropertyValue('dtend'))]).toEqual([
      true,
      '2025-11-30',
      '2025-12-01',
    ]);
    expect(parsed.map((v) => v.getFirstPropertyValue('status'))).toEqual([
      'CONFIRMED',
      'CONFIRMED',
      'TENTATIVE',
      'CONFIRMED',
    ]);
    expect(String(parsed[2]!.getFirstPropertyValue('summary'))).toBe('Meeting (planned)');
  });

  it('folds lines at 75 octets without splitting a character, and ends every line with CRLF', () => {
    const text = toIcs([hostile], site, 'Cal');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(5);
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\ud800-\udbff]$/); // no surrogate pair cut in two
    }
    expect(text.match(/^BEGIN:VEVENT$/gm)).toHaveLength(1);
  });

  it('escapes the calendar name as TEXT', () => {
    expect(toIcs(events, site, 'War, peace; talks')).toContain('\r\nX-WR-CALNAME:War\\, peace\\; talks\r\n');
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
