/**
 * The bad-source corpus (tests/fixtures/bad-sources/<case>/, one sources folder per case, README.md lists the
 * expected outcomes) through the real command line. Every case is either rejected — exit 1, one stderr line
 * naming the file (and line), no stack, the previous events folder untouched — or accepted with a stated
 * property of the output. Large, binary and non-UTF-8 cases are generated here, not committed.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ingestCli, quotesOf, readEvents, ROOT, snapshotDir } from './cli.ts';
import type { CliResult } from './cli.ts';

const CORPUS = join(ROOT, 'tests/fixtures/bad-sources');
const FM = "---\npublished: '2025-11-30'\ntimeZone: Europe/Kyiv\npublisher: Test Wire\n---\n";
const ARTICLE = 'The envoys met in Geneva on Sunday, officials said.\n';

interface Rejected {
  kind: 'rejected';
  /** File name in the case folder the error must name, and its line where the reader knows it. */
  file: string;
  line?: number;
  message: RegExp;
}
interface Accepted {
  kind: 'accepted';
  check: (out: string, report: Record<string, unknown>, r: CliResult) => void;
}
interface Case {
  name: string;
  why: string;
  outcome: Rejected | Accepted;
  /** Writes the case into the sources folder (generated cases); otherwise the corpus folder is copied. */
  generate?: (sources: string) => void;
}

/** A 10,000-character sentence: one dated claim with a very long list. */
function longSentence(): string {
  let s = 'On Sunday, the negotiators in Geneva reviewed a list of demands that read';
  for (let i = 1; s.length < 10_000; i++) s += ` point ${i} on the crossing at kilometre ${i * 7},`;
  return `${s} and so on, officials said.`;
}

/** About 5 MB of prose (3 sentences a paragraph, a dated one every 500), ending in one differently dated claim. */
function bigArticle(): { text: string; sentences: number } {
  const paragraphs: string[] = [];
  let size = 0;
  let sentences = 1;
  for (let i = 0; size < 5_000_000; i++) {
    const dated = i % 500 === 0 ? `On Sunday, delegation ${i} met in Geneva, officials said. ` : '';
    const p = `${dated}Paragraph ${i} explains the background of the negotiations. Officials said round ${i} covered energy, prisoners and borders. The envoy, Mr. Smith, said “talks will go on.”`;
    paragraphs.push(p);
    size += p.length + 2;
    sentences += dated === '' ? 3 : 4;
  }
  paragraphs.push(LAST_CLAIM);
  return { text: `${FM}${paragraphs.join('\n\n')}\n`, sentences };
}
const LAST_CLAIM = 'On Friday, the final delegation signed the closing memo in Oslo.';

const CASES: Case[] = [
  {
    name: 'blank',
    why: 'a BOM, CRLFs and blanks only: nothing to read',
    outcome: { kind: 'rejected', file: 'blank-2025-11-30.txt', message: /empty/ },
  },
  {
    name: 'only-furniture',
    why: 'share bar, advertisement and comment widget only: no prose would be left',
    outcome: { kind: 'rejected', file: 'furniture-2025-11-30.txt', line: 6, message: /no prose/ },
  },
  {
    name: 'front-matter-missing',
    why: 'metadata typed as prose: the reader cannot tell text from metadata',
    outcome: { kind: 'rejected', file: 'wire-2025-11-30.txt', line: 1, message: /missing front matter/ },
  },
  {
    name: 'front-matter-unterminated',
    why: 'no closing `---`: the whole article would be read as YAML',
    outcome: { kind: 'rejected', file: 'wire-2025-11-30.txt', line: 1, message: /unterminated front matter/ },
  },
  {
    name: 'front-matter-malformed',
    why: 'an unquoted ": " inside a title is invalid YAML; the error gives the file line, not the YAML line',
    outcome: {
      kind: 'rejected',
      file: 'wire-2025-11-30.txt',
      line: 3,
      message: /not valid YAML: Nested mappings are not allowed in compact mappings$/,
    },
  },
  {
    name: 'front-matter-not-a-mapping',
    why: 'a YAML list instead of keys',
    outcome: { kind: 'rejected', file: 'wire-2025-11-30.txt', line: 2, message: /mapping of keys/ },
  },
  {
    name: 'impossible-date',
    why: '2025-02-30 does not exist (a date-time with offset too)',
    outcome: { kind: 'rejected', file: 'wire-2025-11-30.txt', line: 3, message: /real date.*2025-02-30T10:00/ },
  },
  {
    name: 'implausible-year-future',
    why: 'published after 2100 is a typo; fixed bounds, no clock, so the outcome never depends on today',
    outcome: { kind: 'rejected', file: 'wire-2205-11-30.txt', line: 3, message: /year 2205 is implausible/ },
  },
  {
    name: 'implausible-year-past',
    why: 'published before 1900 is a typo',
    outcome: { kind: 'rejected', file: 'wire-1025-11-30.txt', line: 3, message: /year 1025 is implausible/ },
  },
  {
    name: 'duplicate-id',
    why: 'an explicit id equal to another file name: two pages at one address; the second file in name order is named',
    outcome: {
      kind: 'rejected',
      file: 'wire-2025-11-30.txt',
      message: /duplicate source id "wire-2025-11-30" \(also in .*a-wire\.txt\)/,
    },
  },
  {
    name: 'id-not-a-slug',
    why: 'the id from "Reuters_Nov 30.txt" is no URL slug; it used to pass the ingest and fail the site build',
    outcome: { kind: 'rejected', file: 'Reuters_Nov 30.txt', message: /source id "Reuters_Nov 30".*rename the file/ },
  },
  {
    name: 'unsafe-url',
    why: 'a javascript: address would become a link on the source and event pages',
    outcome: { kind: 'rejected', file: 'wire-2025-11-30.txt', line: 4, message: /`url` must be an http/ },
  },
  {
    name: 'not-utf8',
    why: 'a Windows-1252 page (curly quotes 0x93/0x94, é 0xE9): guessing the encoding could invent characters',
    generate: (dir) =>
      writeFileSync(
        join(dir, 'latin-2025-11-30.txt'),
        Buffer.concat([Buffer.from(FM), Buffer.from([0x93]), Buffer.from('Caf'), Buffer.from([0xe9, 0x94, 0x0a])]),
      ),
    outcome: { kind: 'rejected', file: 'latin-2025-11-30.txt', message: /not valid UTF-8/ },
  },
  {
    name: 'binary',
    why: 'a PDF saved as .txt',
    generate: (dir) =>
      writeFileSync(
        join(dir, 'scan-2025-11-30.txt'),
        Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.alloc(64, 0)]),
      ),
    outcome: { kind: 'rejected', file: 'scan-2025-11-30.txt', message: /binary/ },
  },
  {
    name: 'txt-folder',
    why: 'a folder named like a source used to crash with a stack trace (EISDIR)',
    generate: (dir) => {
      writeFileSync(join(dir, 'wire-2025-11-30.txt'), FM + ARTICLE);
      mkdirSync(join(dir, 'old.txt'));
    },
    outcome: { kind: 'rejected', file: 'old.txt', message: /not a regular file/ },
  },
  {
    name: 'decades-apart',
    why: 'a plausible but distant year (1975 among 2025 sources) may be an archive piece: accepted, with a warning on that source only',
    outcome: {
      kind: 'accepted',
      check: (_out, _report, r) => {
        const warnings = r.stdout.split('\n').filter((l) => l.includes('warning:'));
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toMatch(/wire-1975-11-30: published 1975-11-30 is more than 20 years away/);
      },
    },
  },
  {
    name: 'line-endings-mixed',
    why: 'BOM, CRLF, lone CR and LF in one file: normalised to LF, so quotes hold no CR and no BOM',
    outcome: {
      kind: 'accepted',
      check: (out) => {
        const quotes = quotesOf(out);
        expect(quotes).toContain('The envoys met in Geneva on Sunday,\nofficials said.');
        expect(quotes).toContain('The talks will continue next week in Moscow,\nthe Kremlin said on Friday.');
        for (const q of quotes) expect(q).not.toMatch(/[\r\uFEFF]/);
      },
    },
  },
  {
    name: 'rtl-mixed-scripts',
    why: 'Hebrew, Arabic, Cyrillic, Chinese and a flag emoji are prose like any other: quoted verbatim',
    outcome: {
      kind: 'accepted',
      check: (out) => {
        const source = readFileSync(join(CORPUS, 'rtl-mixed-scripts/wire-2025-11-30.txt'), 'utf8');
        const quotes = quotesOf(out);
        expect(quotes.length).toBeGreaterThanOrEqual(2);
        for (const q of quotes) expect(source).toContain(q);
        const all = quotes.join(' ');
        for (const w of ['שלום עכשיו', 'السلام الآن 2025', 'Мир зараз', '和平谈判', '🇺🇦']) expect(all).toContain(w);
      },
    },
  },
  {
    name: 'zero-width',
    why: 'ZWNJ, ZWSP, soft hyphen, word joiner, a ZWJ emoji and a right-to-left override are kept, never silently dropped',
    outcome: {
      kind: 'accepted',
      check: (out) => {
        const all = quotesOf(out).join(' ');
        for (const w of [
          'co\u200coperation',
          'Gen\u200beva',
          'deleg\u00adates',
          'fam\u2060ily',
          '\u202etxet desrever\u202c',
        ])
          expect(all).toContain(w);
        expect(all).toContain('\u{1F468}\u200d\u{1F469}\u200d\u{1F467}');
      },
    },
  },
  {
    name: 'long-sentence',
    why: 'a 10,000-character sentence is quoted whole; the title stays within 90 characters',
    generate: (dir) => writeFileSync(join(dir, 'list-2025-11-30.txt'), `${FM}${longSentence()}\n`),
    outcome: {
      kind: 'accepted',
      check: (out) => {
        const sentence = longSentence();
        expect(sentence.length).toBeGreaterThanOrEqual(10_000);
        expect(quotesOf(out)).toContain(sentence);
        for (const e of readEvents(out)) expect(String(e['title']).length).toBeLessThanOrEqual(90);
      },
    },
  },
  {
    name: 'large-5mb',
    why: 'a 5 MB article is read to the end: its last dated paragraph becomes an event too',
    generate: (dir) => writeFileSync(join(dir, 'big-2025-11-30.txt'), bigArticle().text),
    outcome: {
      kind: 'accepted',
      check: (out, report) => {
        expect(report['sentences']).toBe(bigArticle().sentences);
        expect(quotesOf(out)).toContain(LAST_CLAIM);
      },
    },
  },
];

/** Sources folder for a case, plus an events folder holding a previous event that must survive errors. */
function workspace(c: Case): { dir: string; sources: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), `trust-${c.name}-`));
  const sources = join(dir, 'sources');
  if (c.generate) {
    mkdirSync(sources);
    c.generate(sources);
  } else cpSync(join(CORPUS, c.name), sources, { recursive: true });
  const out = join(dir, 'events');
  mkdirSync(out);
  writeFileSync(join(out, 'previous.md'), '---\nid: previous\n---\nkept\n');
  return { dir, sources, out };
}

describe('the bad-source corpus', () => {
  it('has exactly one table entry per folder, and a README line for each case', () => {
    const folders = readdirSync(CORPUS, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const committed = CASES.filter((c) => !c.generate)
      .map((c) => c.name)
      .sort();
    expect(folders).toEqual(committed);
    const readme = readFileSync(join(CORPUS, 'README.md'), 'utf8');
    for (const c of CASES) expect(readme).toMatch(new RegExp(`^- \`${c.name}\`.*\\b${c.outcome.kind}\\b`, 'm'));
  });

  describe.concurrent('through `scripts/ingest.ts`', () => {
    for (const c of CASES) {
      it(`${c.name}: ${c.outcome.kind} (${c.why})`, async () => {
        const { dir, sources, out } = workspace(c);
        onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
        const before = snapshotDir(out);
        const r = await ingestCli(sources, out, join(dir, 'report.json'));
        const o = c.outcome;
        if (o.kind === 'rejected') {
          expect(r.code, r.stderr).toBe(1);
          const lines = r.stderr.split('\n');
          // The whole of stderr in the failure message: a stack here is a bug to find from the CI log alone.
          expect(lines, r.stderr).toHaveLength(1);
          const where = `${join(sources, o.file)}${o.line === undefined ? '' : `:${o.line}`}: `;
          expect(lines[0]).toContain(`error: ${where}`);
          expect(lines[0]).toMatch(o.message);
          expect(r.stderr).not.toMatch(/\n\s+at /);
          expect(snapshotDir(out)).toEqual(before);
          expect(readdirSync(dir).sort()).toEqual(['events', 'sources']); // no temp folder or report left behind
        } else {
          expect(r.code, r.stderr).toBe(0);
          expect(r.stderr).toBe('');
          expect(existsSync(join(out, 'previous.md'))).toBe(false);
          expect(readdirSync(out).length).toBeGreaterThan(0);
          o.check(out, JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Record<string, unknown>, r);
        }
      });
    }
  });
});
