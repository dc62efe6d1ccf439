/**
 * A hostile article (script tags, on* attributes, javascript: links, "</script>" in a quote, Markdown and HTML
 * injection, YAML-breaking strings, an iCalendar line injection) is ingested and built with the real sources.
 * Everywhere it lands — pages, JSON-LD, RSS, events.json, TimelineJS, iCalendar, the search index — it stays text.
 */
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import YAML from 'yaml';
import { scanHtml } from '../../scripts/lib/html-tags.ts';
import type { HtmlTag } from '../../scripts/lib/html-tags.ts';
import { checkLinks, listFiles } from '../../scripts/lib/link-check.ts';
import { parseSourceFile, readDocument } from '../../src/lib/read/index.ts';
import { buildHostileSite, HOSTILE_SOURCES, hostileIds } from './hostile-site.ts';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '</script><script>alert(5)</script>',
] as const;
let dist: string;
let dir: string;
const read = (path: string) => readFileSync(join(dist, path), 'utf8');

/** Element and attribute kinds of a built site: `tag` and `tag@attr`. */
function markupKinds(root: string): Set<string> {
  const kinds = new Set<string>();
  for (const f of listFiles(root).filter((n) => n.endsWith('.html'))) {
    for (const t of scanHtml(readFileSync(join(root, f), 'utf8')).tags) {
      kinds.add(t.name);
      for (const a of t.attrs.keys()) kinds.add(`${t.name}@${a}`);
    }
  }
  return kinds;
}

function htmlPages(): Array<{ file: string; tags: HtmlTag[]; text: string }> {
  return listFiles(dist)
    .filter((f) => f.endsWith('.html'))
    .map((file) => ({ file, ...scanHtml(read(file)) }));
}

beforeAll(() => {
  ({ dir, dist } = buildHostileSite());
});
afterAll(() => {
  if (dir) rmSync(dirname(dir), { recursive: true, force: true });
});

describe('hostile text in the built pages', () => {
  it('adds no element or attribute kind the real site does not already have (no script, iframe, on*)', () => {
    const real = markupKinds(inject('trustDist'));
    const added = [...markupKinds(dist)].filter((k) => !real.has(k));
    expect(added).toEqual([]);
    for (const p of htmlPages())
      for (const t of p.tags) {
        expect(
          [...t.attrs.keys()].filter((a) => a.startsWith('on')),
          p.file,
        ).toEqual([]);
        // JSON-LD holds the text as data (checked below); any other script must be ours.
        if (t.name === 'script' && t.attrs.get('type') !== 'application/ld+json')
          expect(t.raw ?? '', p.file).not.toMatch(/alert\(/);
      }
  });

  it('has no link with a script scheme, and no broken link', () => {
    const timeline = YAML.parse(readFileSync(join(dir, 'content/timeline.yaml'), 'utf8'));
    const problems = checkLinks(dist, String(timeline.site));
    expect(problems).toEqual([]);
  });

  it('shows every payload as visible text: every hostile sentence is on its source page', () => {
    for (const id of hostileIds()) {
      const path = join(HOSTILE_SOURCES, `${id}.txt`);
      const doc = readDocument(parseSourceFile(path, readFileSync(path)));
      const text = scanHtml(read(`sources/${id}/index.html`)).text;
      for (const s of doc.sentences) expect(text).toContain(s.text);
    }
    const all = htmlPages()
      .map((p) => p.text)
      .join('\n');
    for (const p of PAYLOADS) expect(all).toContain(p);
  });

  it('keeps JSON-LD parseable, with the payload as data and no way to close its element', () => {
    let found = 0;
    for (const p of htmlPages())
      for (const t of p.tags.filter((x) => x.attrs.get('type') === 'application/ld+json')) {
        expect(t.raw ?? '').not.toMatch(/[<>]/);
        const json = JSON.stringify(JSON.parse(t.raw ?? ''));
        if (json.includes('alert(1)')) {
          found++;
          expect(JSON.parse(t.raw ?? '').description).toContain(PAYLOADS[0]);
        }
      }
    expect(found).toBeGreaterThan(0);
  });
});

describe('hostile text in the exports', () => {
  it('RSS: well-formed text; descriptions (HTML for feed readers) carry the markup escaped', () => {
    const xml = read('rss.xml');
    expect(xml).not.toMatch(/<(script|img|svg|iframe|b)\b/i);
    const descriptions = [...xml.matchAll(/<description>([^<]*)<\/description>/g)].map(
      (m) => scanHtml(m[1] ?? '').text,
    );
    const hostile = descriptions.filter((d) => d.includes('alert('));
    expect(hostile.length).toBeGreaterThan(0);
    // What a feed reader renders: the XML text parsed as HTML must give no tags, and show the payload.
    for (const d of hostile) expect(scanHtml(d).tags.map((t) => t.name)).toEqual([]);
    expect(hostile.map((d) => scanHtml(d).text).join(' ')).toContain(PAYLOADS[0]);
  });

  it('events.json: the quotes are the source text, byte for byte', () => {
    const { events } = JSON.parse(read('events.json')) as { events: Array<{ sources: Array<{ quote: string }> }> };
    const quotes = events.flatMap((e) => e.sources.map((s) => s.quote));
    expect(quotes).toContain(
      'On Sunday, the <script>alert(1)</script> council met in Geneva to discuss the peace plan, officials said.',
    );
  });

  it('TimelineJS (rendered as HTML by that tool): only our <p> and <a> elements, payloads as text', () => {
    const tl = JSON.parse(read('timelinejs.json')) as { events: Array<{ text: { headline: string; text: string } }> };
    let shown = '';
    for (const e of tl.events) {
      const h = scanHtml(e.text.headline);
      const t = scanHtml(e.text.text);
      expect(h.tags).toEqual([]);
      expect([...new Set(t.tags.map((x) => x.name))].filter((n) => n !== 'p' && n !== 'a')).toEqual([]);
      shown += `${h.text}\n${t.text}\n`;
    }
    expect(shown).toContain(PAYLOADS[1]);
  });

  it('iCalendar: a line break in a quote cannot start a new event or property', () => {
    const ics = read('events.ics');
    const { events } = JSON.parse(read('events.json')) as { events: unknown[] };
    expect(ics.match(/^BEGIN:VEVENT\r?$/gim)).toHaveLength(events.length);
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('summary:hacked');
    // Case-sensitive on purpose: the payload is lower-case, our own properties are upper-case.
    expect(unfolded).not.toMatch(/^(begin:vevent|uid:x|summary:hacked)/m);
  });

  it('search index: the payload is stored as text for Pagefind to escape in excerpts', () => {
    const fragments = listFiles(dist).filter((f) => f.startsWith('pagefind/fragment/'));
    const contents = fragments.map((f) => {
      const raw = gunzipSync(readFileSync(join(dist, f))).toString('utf8');
      return (JSON.parse(raw.slice(raw.indexOf('{'))) as { content: string }).content;
    });
    expect(contents.some((c) => c.includes(PAYLOADS[0]))).toBe(true);
  });
});
