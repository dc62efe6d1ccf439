/** The link checker on a hand-made dist (each kind of breakage once), then on the real built site. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import YAML from 'yaml';
import { checkLinks, fileUrl } from '../../scripts/lib/link-check.ts';
import type { LinkProblem } from '../../scripts/lib/link-check.ts';

const SITE = 'https://news.example/timeline/';

function dist(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'trust-links-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const page = (body: string) => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;

describe('checkLinks', () => {
  it('maps dist files to their URLs', () => {
    expect(fileUrl(SITE, 'index.html')).toBe(SITE);
    expect(fileUrl(SITE, 'events/a/index.html')).toBe(`${SITE}events/a/`);
    expect(fileUrl(SITE, 'rss.xml')).toBe(`${SITE}rss.xml`);
  });

  it('accepts good links of every form', () => {
    const d = dist({
      'index.html': page(
        '<a href="/timeline/events/a/">abs</a><a href=events/a/#s-1>rel</a><a href="#top" id="top">self</a>' +
          '<a href="https://elsewhere.example/x">external</a><a href="mailto:x@y.z">mail</a>' +
          `<link rel="canonical" href="${SITE}"><a href="/timeline/sources/caf%C3%A9/">encoded</a>` +
          '<script type="module" src="/timeline/app.js"></script>',
      ),
      'events/a/index.html': page('<span id="s-1">x</span><a href="../../">home</a><a name="legacy"></a>'),
      'sources/café/index.html': page('<a href="/timeline/events/a/#legacy">x</a>'),
      'app.js': '',
    });
    expect(checkLinks(d, SITE)).toEqual([]);
  });

  it('reports a missing page, a missing anchor and a script scheme, naming the file', () => {
    const d = dist({
      'index.html': page(
        '<a href="/timeline/events/gone/">gone</a><a href="/timeline/events/a/#nope">anchor</a>' +
          '<a href=" JavaScript:alert(1)">js</a><img src="data:text/html,x"><a href="#">top</a>',
      ),
      'events/a/index.html': page('<p id="yes">x</p>'),
    });
    const problems = checkLinks(d, SITE);
    const expected: LinkProblem[] = [
      { file: 'index.html', url: '/timeline/events/gone/', problem: 'missing-file' },
      { file: 'index.html', url: '/timeline/events/a/#nope', problem: 'missing-anchor' },
      { file: 'index.html', url: 'JavaScript:alert(1)', problem: 'unsafe-scheme' },
      { file: 'index.html', url: 'data:text/html,x', problem: 'unsafe-scheme' },
    ];
    expect(problems).toEqual(expected);
  });

  it('ignores markup that only looks like a link: in text, comments and scripts', () => {
    const d = dist({
      'index.html': page(
        '<p>&lt;a href="/timeline/nope/"&gt;</p><!-- <a href="/timeline/nope/"> -->' +
          '<script>document.write(\'<a href="/timeline/nope/">\')</script><textarea><a href="/timeline/nope/"></textarea>',
      ),
    });
    expect(checkLinks(d, SITE)).toEqual([]);
  });

  it('follows the links of the exports: RSS, sitemap, events.json, TimelineJS, iCalendar', () => {
    const d = dist({
      'events/a/index.html': page(''),
      'rss.xml': `<rss><channel><link>${SITE}</link><item><link>${SITE}events/a/</link><guid>${SITE}events/b/</guid></item></channel></rss>`,
      'sitemap-0.xml': `<urlset><url><loc>${SITE}events/c/</loc></url></urlset>`,
      // events.json strings are data, not HTML: a quoted link in a summary is not followed.
      'events.json': JSON.stringify({
        events: [{ url: `${SITE}events/d/`, summary: '<a href="javascript:x">' }, { url: `${SITE}events/a/` }],
      }),
      'timelinejs.json': JSON.stringify({ events: [{ text: { text: `<p><a href="${SITE}events/e/">S</a></p>` } }] }),
      'events.ics': `BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nURL:${SITE}even\r\n ts/f/\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`,
      'index.html': page(''),
    });
    expect(
      checkLinks(d, SITE)
        .map((p) => `${p.file} ${p.url.replace(SITE, '')} ${p.problem}`)
        .sort(),
    ).toEqual([
      'events.ics events/f/ missing-file',
      'events.json events/d/ missing-file',
      'rss.xml events/b/ missing-file',
      'sitemap-0.xml events/c/ missing-file',
      'timelinejs.json events/e/ missing-file',
    ]);
  });
});

describe('the built site', () => {
  it('has no broken internal link, anchor or export link, and no script-scheme link', () => {
    const timeline = YAML.parse(readFileSync(join(inject('trustProject'), 'content/timeline.yaml'), 'utf8'));
    expect(checkLinks(inject('trustDist'), String(timeline.site))).toEqual([]);
  });
});
