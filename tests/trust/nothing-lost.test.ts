/**
 * Nothing lost, nothing invented, over the real build: every prose sentence of every source is on its source
 * page, and every event quote is verbatim in its source (and on the event's page).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { scanHtml } from '../../scripts/lib/html-tags.ts';
import type { Document } from '../../src/lib/model.ts';
import { parseSourceFile, readDocument } from '../../src/lib/read/index.ts';
import { parseEventFile } from '../../src/lib/write/front-matter.ts';

const project = inject('trustProject');
const dist = inject('trustDist');
const docs = new Map<string, Document>();

/** Text content of a built page, entities decoded. */
function pageText(path: string): string {
  return scanHtml(readFileSync(join(dist, path), 'utf8')).text;
}

beforeAll(() => {
  const dir = join(project, 'content/sources');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
    const path = join(dir, name);
    const doc = readDocument(parseSourceFile(path, readFileSync(path)));
    docs.set(doc.source.id, doc);
  }
});

describe('source pages', () => {
  it('show every prose sentence of every source, verbatim', () => {
    expect(docs.size).toBeGreaterThan(0);
    for (const [id, doc] of docs) {
      const text = pageText(`sources/${id}/index.html`);
      const missing = doc.sentences.filter((s) => !text.includes(s.text)).map((s) => s.text);
      expect(missing, `sentences missing from /sources/${id}/`).toEqual([]);
      expect(doc.sentences.length).toBeGreaterThan(0);
    }
  });
});

describe('event quotes', () => {
  it('are verbatim in their source, hold the cited sentence, and show on the event page', () => {
    const dir = join(project, 'content/events');
    const names = readdirSync(dir).filter((n) => n.endsWith('.md'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const event = parseEventFile(readFileSync(join(dir, name), 'utf8'));
      const sources = (event?.['sources'] ?? []) as Array<{ source: string; sentence: number; quote: string }>;
      expect(sources.length, name).toBeGreaterThan(0);
      const text = pageText(`events/${String(event?.['id'])}/index.html`);
      for (const c of sources) {
        const doc = docs.get(c.source);
        expect(doc, `${name}: unknown source ${c.source}`).toBeDefined();
        const sentence = doc?.sentences[c.sentence];
        expect(doc?.body.includes(c.quote), `${name}: quote not in ${c.source}`).toBe(true);
        expect(c.quote.includes(sentence?.text ?? '\u0000'), `${name}: quote lacks sentence ${c.sentence}`).toBe(true);
        expect(text.includes(c.quote), `${name}: quote not on its page`).toBe(true);
      }
    }
  });
});
