/**
 * The old addresses of merged events: which ids redirect where, and the built pages (a project copy with a chain
 * of merges, ingested and built): each sends the reader on without JavaScript, and none is in the sitemap or the
 * search index.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { checkLinks } from '../../scripts/lib/link-check.ts';
import { datedPages } from '../../src/integrations/pagefind.ts';
import { runIngest } from '../../src/lib/ingest/run.ts';
import type { Citation } from '../../src/lib/model.ts';
import { mergedAway, mergedAwayIn, withoutRedirects } from '../../src/lib/site/redirects.ts';
import { eventToMarkdown } from '../../src/lib/write/front-matter.ts';
import { timelineEvent } from '../fixtures/events/build.ts';
import { tempDir } from '../support/temp.ts';
import { buildOrThrow, copyProject } from '../trust/project.ts';

const cite = (sentence: number, mergedFrom?: string): Citation => ({
  source: 'a',
  quote: `Q${sentence}.`,
  paragraph: 0,
  sentence,
  rule: 'test',
  ...(mergedFrom === undefined ? {} : { mergedFrom }),
});

describe('merged-away ids', () => {
  it('map to the event holding their citations; an id that is an event of its own is no redirect', () => {
    const events = [
      { id: 'b', sources: [cite(0), cite(1, 'x'), cite(2, 'y'), cite(3, 'c')] },
      { id: 'c', sources: [cite(4)] },
      // A hand-edited file naming x too: the event with more of x's citations wins, in any order.
      { id: 'a', sources: [cite(5, 'x'), cite(6, 'x')] },
    ];
    expect([...mergedAway(events)]).toEqual([
      ['x', 'a'],
      ['y', 'b'],
    ]);
    expect([...mergedAway([...events].reverse())]).toEqual([...mergedAway(events)]);
    expect(mergedAway([{ id: 'b', sources: [cite(0)] }]).size).toBe(0);
  });

  it('are read from the event files for the sitemap, which leaves out their pages only', () => {
    const dir = tempDir('redirects-');
    const write = (id: string, sources: Citation[]) =>
      writeFileSync(join(dir, `${id}.md`), eventToMarkdown(timelineEvent({ id, title: id, sources, summary: 's' })));
    write('2025-11-30-talks-in-florida', [cite(0), cite(1, '2025-11-29-old-talks-id')]);
    write('2025-11-28-other-event-here', [cite(2)]);
    expect([...mergedAwayIn(dir)]).toEqual(['2025-11-29-old-talks-id']);
    expect(mergedAwayIn(join(dir, 'missing')).size).toBe(0);
    const keep = withoutRedirects(dir);
    const site = 'https://news.example/timeline/';
    expect(keep(`${site}events/2025-11-29-old-talks-id/`)).toBe(false);
    expect(keep(`${site}events/2025-11-30-talks-in-florida/`)).toBe(true);
    expect(keep(`${site}events/2025-11-29-old-talks-id/extra/`)).toBe(true);
    expect(keep(site)).toBe(true);
  });
});

describe('the built redirect pages', () => {
  // A copy of the project with a chain of merges (X into Y, Y into B), ingested and built.
  const dir = copyProject('redirects');
  afterAll(() => rmSync(dirname(dir), { recursive: true, force: true }));
  const content = join(dir, 'content');
  const [x, y, b] = readdirSync(join(content, 'events'))
    .sort()
    .map((n) => n.slice(0, -3)) as [string, string, string];
  writeFileSync(join(content, 'curation.yaml'), `events:\n  ${x}: { mergeInto: ${y} }\n  ${y}: { mergeInto: ${b} }\n`);
  const ingest = runIngest({
    sourcesDir: join(content, 'sources'),
    outDir: join(content, 'events'),
    gazetteerDir: join(content, 'gazetteer'),
    curationPath: join(content, 'curation.yaml'),
    timelinePath: join(content, 'timeline.yaml'),
  });
  const dist = join(dirname(dir), 'dist');
  buildOrThrow(dir, dist);
  const site = new URL(String(YAML.parse(readFileSync(join(content, 'timeline.yaml'), 'utf8')).site)).href;
  const html = (id: string) => readFileSync(join(dist, 'events', id, 'index.html'), 'utf8');

  it('send the reader of each merged id on to the event that absorbed it, without JavaScript', () => {
    expect(ingest.report.unusedCuration).toEqual([]);
    expect(existsSync(join(content, 'events', `${x}.md`))).toBe(false);
    const title = /<title>([^<]*)<\/title>/.exec(html(b))?.[1]?.split(' · ')[0];
    for (const id of [x, y]) {
      const page = html(id);
      expect(page).toContain(`<meta http-equiv="refresh" content="0; url=/events/${b}/">`);
      expect(page).toContain(`<link rel="canonical" href="${new URL(`events/${b}/`, site).href}">`);
      expect(page).toContain('<meta name="robots" content="noindex">');
      expect(page).toContain(`This event is now part of <a href="/events/${b}/">${title}</a>.`);
      expect(page).not.toContain('<script');
    }
    expect(checkLinks(dist, site)).toEqual([]);
  });

  it('are in neither the sitemap nor the search index', () => {
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`/events/${b}/`);
    for (const id of [x, y]) expect(sitemap).not.toContain(`/events/${id}/`);
    const indexed = datedPages(dist).map((p) => p.file);
    expect(indexed).toContain(`events/${b}/index.html`);
    for (const id of [x, y]) expect(indexed).not.toContain(`events/${id}/index.html`);
    // Pagefind indexed exactly the pages that ask for it.
    const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    expect(entry.languages.en.page_count).toBe(indexed.length);
  });
});
