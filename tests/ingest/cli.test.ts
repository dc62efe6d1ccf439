/**
 * The ingest command as an editor meets it: bad input gives one line naming the file, a non-zero exit,
 * no stack trace, and content/events exactly as it was; good input is processed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp.ts';

const root = process.cwd();
const GOOD = `---\npublished: 2025-11-30\ntimeZone: America/New_York\npublisher: Test Wire\n---\nThe envoys met in Geneva on Sunday, officials said.\n\nThe talks will continue next week in Moscow, the Kremlin said on Friday.\n`;

function workspace(files: Record<string, string | Uint8Array>): { dir: string; sources: string; out: string } {
  const dir = tempDir('ingest-cli-');
  const sources = join(dir, 'sources');
  mkdirSync(sources);
  for (const [name, body] of Object.entries(files)) writeFileSync(join(sources, name), body);
  const out = join(dir, 'events');
  mkdirSync(out);
  writeFileSync(join(out, 'previous.md'), '---\nid: previous\n---\nkept\n');
  return { dir, sources, out };
}

/** `node scripts/ingest.ts <args>` in `cwd`, as an editor runs it. */
function spawnIngest(args: string[], cwd = root, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/ingest.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, stderr: r.stderr.trim(), stdout: r.stdout.trim() };
}

function ingest(sources: string, out: string, dir: string) {
  return spawnIngest(['--sources', sources, '--out', out, '--report', join(dir, 'report.json'), '--quiet']);
}

function expectRejected(files: Record<string, string | Uint8Array>, file: string, message: RegExp): void {
  const { dir, sources, out } = workspace(files);
  const r = ingest(sources, out, dir);
  expect(r.code).toBe(1);
  const lines = r.stderr.split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(message);
  expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  expect(readdirSync(out)).toEqual(['previous.md']);
  expect(readFileSync(join(out, 'previous.md'), 'utf8')).toContain('kept');
}

describe('npm run ingest on bad input', () => {
  beforeAll(() => {
    // Sanity: the good source alone is accepted, so each rejection below is caused by its one defect.
    const { dir, sources, out } = workspace({ 'good.txt': GOOD });
    const r = ingest(sources, out, dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('rejects an empty file', () =>
    expectRejected({ 'good.txt': GOOD, 'empty.txt': '' }, 'empty.txt', /empty|front matter/i));
  it('rejects missing front matter', () =>
    expectRejected({ 'good.txt': GOOD, 'bare.txt': 'Just text on Sunday.\n' }, 'bare.txt', /front matter|published/i));
  it('rejects an impossible date, naming the line', () =>
    expectRejected(
      { 'good.txt': GOOD, 'feb30.txt': GOOD.replace('2025-11-30', '2025-02-30') },
      'feb30.txt:2',
      /2025-02-30/,
    ));
  it('rejects malformed YAML', () =>
    expectRejected(
      { 'good.txt': GOOD, 'yaml.txt': GOOD.replace('publisher: Test Wire', 'publisher: [unclosed') },
      'yaml.txt',
      /.+/,
    ));
  it('rejects two sources with the same id', () =>
    expectRejected(
      { 'a.txt': GOOD.replace('---\n', '---\nid: same\n'), 'b.txt': GOOD.replace('---\n', '---\nid: same\n') },
      'b.txt',
      /duplicate source id "same"/,
    ));
  it('rejects invalid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from(GOOD), Buffer.from([0xc3, 0x28, 0xff])]);
    expectRejected({ 'good.txt': GOOD, 'latin.txt': bytes }, 'latin.txt', /UTF-8/i);
  });
  it('rejects a binary file', () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expectRejected({ 'good.txt': GOOD, 'image.txt': bytes }, 'image.txt', /binary/i);
  });
  it('rejects a file of only page furniture', () =>
    expectRejected(
      {
        'good.txt': GOOD,
        'furniture.txt': '---\npublished: 2025-11-30\n---\nShare\nFacebook\nX\nEmail\n\nComments\nPost a Comment\n',
      },
      'furniture.txt',
      /no (prose|sentence)|furniture/i,
    ));
  it('rejects a missing sources folder', () => {
    const { dir, out } = workspace({});
    const r = ingest(join(dir, 'nope'), out, dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nope.*not found/);
  });
});

describe('npm run ingest on good input', () => {
  it('accepts CRLF line endings and a byte-order mark, with the same events as the plain file', () => {
    const plain = workspace({ 'wire.txt': GOOD });
    const crlf = workspace({ 'wire.txt': `\uFEFF${GOOD.replace(/\n/g, '\r\n')}` });
    expect(ingest(plain.sources, plain.out, plain.dir).code).toBe(0);
    expect(ingest(crlf.sources, crlf.out, crlf.dir).code).toBe(0);
    const names = readdirSync(plain.out).sort();
    expect(names.length).toBeGreaterThan(0);
    expect(readdirSync(crlf.out).sort()).toEqual(names);
    for (const n of names)
      expect(readFileSync(join(crlf.out, n), 'utf8')).toBe(readFileSync(join(plain.out, n), 'utf8'));
  });

  it('gives byte-identical output on a second run and under another TZ', () => {
    const { dir, sources, out } = workspace({});
    cpSync(join(root, 'content/sources'), sources, { recursive: true });
    expect(ingest(sources, out, dir).code).toBe(0);
    const first = new Map(readdirSync(out).map((n) => [n, readFileSync(join(out, n), 'utf8')]));
    const r = spawnIngest(['--sources', sources, '--out', out, '--quiet'], root, { TZ: 'Pacific/Kiritimati' });
    expect(r.code).toBe(0);
    const second = new Map(readdirSync(out).map((n) => [n, readFileSync(join(out, n), 'utf8')]));
    expect(second).toEqual(first);
  });

  it('the committed content/events is what the ingest produces now (so the site shows what the code makes)', () => {
    const { dir, out } = workspace({});
    // Start from the committed events, as `npm run ingest` does: ids of existing events are kept.
    rmSync(out, { recursive: true });
    cpSync(join(root, 'content/events'), out, { recursive: true });
    expect(ingest(join(root, 'content/sources'), out, dir).code).toBe(0);
    const committed = join(root, 'content/events');
    const made = readdirSync(out).sort();
    expect(readdirSync(committed).sort()).toEqual(made);
    for (const n of made) expect(readFileSync(join(out, n), 'utf8')).toBe(readFileSync(join(committed, n), 'utf8'));
  });
});

describe('npm run ingest from its bundle (scripts/lib/bundle.ts)', () => {
  /** Enough sources for worker threads: `count` short wire stories, a day apart. */
  function corpus(count: number): { dir: string; sources: string } {
    const dir = tempDir('ingest-cli-bundle-');
    const sources = join(dir, 'sources');
    mkdirSync(sources);
    for (let i = 0; i < count; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      writeFileSync(
        join(sources, `w${String(i).padStart(3, '0')}.txt`),
        GOOD.replace('2025-11-30', `2025-10-${day}`).replace('in Geneva', `in Geneva about item ${i}`),
      );
    }
    return { dir, sources };
  }

  /** The command run in `cwd` (its own cache), summary as JSON. */
  function run(cwd: string, sources: string, out: string, args: string[], env: NodeJS.ProcessEnv = {}) {
    const paths = ['--sources', sources, '--out', out, '--gazetteer', join(root, 'content/gazetteer')];
    const files = ['--curation', join(cwd, 'none.yaml'), '--report', join(cwd, 'report.json')];
    return spawnIngest([...paths, ...files, ...args], cwd, env);
  }

  it('reads on bundled worker threads and writes what the sources write on one thread', () => {
    const { dir, sources } = corpus(110);
    const threaded = run(dir, sources, join(dir, 'threaded'), ['--json', '--workers', '2']);
    expect(threaded.stderr).toBe('');
    expect(threaded.code).toBe(0);
    const summary = JSON.parse(threaded.stdout) as { sources: number; events: number; cache: { misses: number } };
    expect(summary.sources).toBe(110);
    expect(summary.cache.misses).toBe(110);
    // The bundles the command started from: the command's and the worker's.
    const record = JSON.parse(readFileSync(join(root, '.cache/cli/bundle.json'), 'utf8')) as {
      key: string;
      outputs: Record<string, string>;
    };
    expect(Object.keys(record.outputs).sort()).toEqual(['ingest-cli', 'read-worker', 'volume-worker']);
    for (const file of Object.values(record.outputs))
      expect(readdirSync(join(root, '.cache/cli', record.key))).toContain(file);

    const other = tempDir('ingest-cli-source-');
    const plain = run(other, sources, join(other, 'plain'), ['--quiet', '--workers', '0'], { INGEST_BUNDLE: '0' });
    expect(plain.code).toBe(0);
    const names = readdirSync(join(dir, 'threaded')).sort();
    expect(names).toHaveLength(summary.events);
    expect(readdirSync(join(other, 'plain')).sort()).toEqual(names);
    for (const n of names)
      expect(readFileSync(join(dir, 'threaded', n), 'utf8')).toBe(readFileSync(join(other, 'plain', n), 'utf8'));
  });

  it('rejects a --workers that is not a whole number', () => {
    const { dir, sources } = corpus(1);
    const r = run(dir, sources, join(dir, 'events'), ['--workers', 'two']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ingest: --workers takes a whole number, not "two"');
  });
});
