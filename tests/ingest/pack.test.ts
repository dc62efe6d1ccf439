/**
 * The cache pack (one segment per commit, one index): what it returns is what was stored under that key, or
 * nothing; torn, truncated or foreign bytes and concurrent writers make misses, never wrong entries or errors.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Pack } from '../../src/lib/ingest/pack.ts';
import { locate } from './damage.ts';
import { tempDir } from '../support/temp.ts';

const root = process.cwd();

/** A text of some length that names its entry (with characters of 2, 3 and 4 bytes in UTF-8). */
function text(name: string, version = 1): string {
  return JSON.stringify({ name, version, body: `${name} Zelenskyy’s café 😀 `.repeat(20 + (name.length % 7)) });
}

function segments(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.seg'))
    .sort();
}

type Loc = ReturnType<typeof locate>;

/** A pack in a new folder holding `names` under key `k-<name>`. */
function filled(names: readonly string[]): { dir: string; pack: Pack } {
  const dir = join(tempDir('pack-'), 'layer');
  const pack = new Pack(dir);
  for (const n of names) pack.put(n, `k-${n}`, text(n));
  pack.commit();
  return { dir, pack };
}

const wanted = (names: readonly string[]) => names.map((n) => [n, `k-${n}`] as const);

describe('cache pack', () => {
  it('returns what was stored, from a fresh reader, whether it reads the whole segment or single records', () => {
    const names = Array.from({ length: 40 }, (_, i) => `s-${i}.txt`);
    const { dir } = filled(names);
    expect(segments(dir)).toHaveLength(1);
    expect(new Pack(dir).read(wanted(names))).toEqual(names.map((n) => text(n)));
    // One record of forty: read on its own, not with the segment.
    expect(new Pack(dir).read(wanted(['s-7.txt']))).toEqual([text('s-7.txt')]);
    expect(new Pack(dir).read([['s-7.txt', 'k-other']])).toEqual([undefined]);
    expect(new Pack(dir).read([['missing.txt', 'k-missing.txt']])).toEqual([undefined]);
  });

  it('stores a text larger than the buffers records are staged in, between small ones', () => {
    const big = 'é'.repeat(5 << 20); // 10 MB in UTF-8
    const dir = join(tempDir('pack-'), 'layer');
    const pack = new Pack(dir);
    pack.put('a.txt', 'k-a.txt', text('a.txt'));
    pack.put('big.txt', 'k-big', big);
    pack.put('b.txt', 'k-b.txt', text('b.txt'));
    pack.commit();
    expect(new Pack(dir).read([...wanted(['a.txt', 'b.txt']), ['big.txt', 'k-big']])).toEqual([
      text('a.txt'),
      text('b.txt'),
      big,
    ]);
  });

  it('misses an entry stored under an older key (another code version) and drops it on commit', () => {
    const { dir } = filled(['a.txt', 'b.txt']);
    const pack = new Pack(dir);
    pack.put('a.txt', 'v2-a', text('a.txt', 2));
    const current = new Map([['a.txt', 'v2-a']]);
    pack.commit((name, key) => current.get(name) === key);
    const fresh = new Pack(dir);
    expect(fresh.read([['a.txt', 'k-a.txt']])).toEqual([undefined]);
    expect(fresh.read([['a.txt', 'v2-a']])).toEqual([text('a.txt', 2)]);
    expect(fresh.names()).toEqual(['a.txt']);
    expect(segments(dir)).toHaveLength(1); // the first segment had no live record left: deleted
  });

  it('kept from run to run, reads its index again on refresh only when another writer changed it', () => {
    const { dir, pack } = filled(['a', 'b']);
    expect(pack.read([['a', 'k-a']])).toEqual([text('a')]);
    // Nothing changed: the index it holds serves, its own commits included.
    pack.put('c', 'k-c', text('c'));
    pack.commit();
    pack.refresh();
    expect(pack.keyOf('c')).toBe('k-c');
    // Another process commits: not seen until a refresh.
    const other = new Pack(dir);
    other.put('d', 'k-d', text('d'));
    other.commit();
    expect(pack.keyOf('d')).toBeUndefined();
    pack.refresh();
    expect(pack.read([['d', 'k-d']])).toEqual([text('d')]);
    // The cache cleared: after a refresh, nothing is taken for stored.
    rmSync(dir, { recursive: true });
    pack.refresh();
    expect(pack.keyOf('a')).toBeUndefined();
  });

  it('writes nothing when nothing changed', () => {
    const { dir } = filled(['a.txt', 'b.txt']);
    const before = statSync(join(dir, 'index.json')).mtimeMs;
    const listing = readdirSync(dir).sort();
    expect(new Pack(dir).commit()).toEqual({ written: false, carried: 0, deleted: 0 });
    expect(statSync(join(dir, 'index.json')).mtimeMs).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(listing);
  });

  it('reads a torn, zeroed or foreign record as a miss and the others as stored', () => {
    const names = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt'];
    const { dir } = filled(names);
    const [a, b, c, d, e] = names.map((n) => locate(dir, n)) as [Loc, Loc, Loc, Loc, Loc];
    const path = join(dir, a.segment);
    const bytes = readFileSync(path);
    // b: zeroed (the index reached the disk, the data did not); c: a record framing another key.
    bytes.fill(0, b.offset, b.offset + b.length);
    bytes.write('k-x.txt', c.offset);
    writeFileSync(path, bytes);
    // e: the last record cut in the middle (a torn append); d ends right before it.
    truncateSync(path, e.offset + Math.floor(e.length / 2));
    expect(d.offset + d.length).toBe(e.offset);
    const read = () => new Pack(dir).read(wanted(names));
    expect(read()).toEqual([text('a.txt'), undefined, undefined, text('d.txt'), undefined]);
    // The same through single-record reads.
    for (const n of ['b.txt', 'c.txt', 'e.txt']) expect(new Pack(dir).read(wanted([n])), n).toEqual([undefined]);
    expect(new Pack(dir).read(wanted(['d.txt']))).toEqual([text('d.txt')]);
    // Storing the damaged ones again makes them hits.
    const pack = new Pack(dir);
    for (const n of ['b.txt', 'c.txt', 'e.txt']) pack.put(n, `k-${n}`, text(n));
    pack.commit();
    expect(read()).toEqual(names.map((n) => text(n)));
  });

  it('ignores an unreadable index and a segment that no index points at', () => {
    const { dir } = filled(['a.txt']);
    writeFileSync(join(dir, 'index.json'), '{"format":1,"segm');
    expect(new Pack(dir).read(wanted(['a.txt']))).toEqual([undefined]);
    const pack = new Pack(dir);
    pack.put('b.txt', 'k-b.txt', text('b.txt'));
    expect(pack.commit().written).toBe(true);
    expect(new Pack(dir).read(wanted(['a.txt', 'b.txt']))).toEqual([undefined, text('b.txt')]);
  });

  it('keeps a young orphan segment (another run may be about to index it) and removes an old one', () => {
    const { dir } = filled(['a.txt']);
    writeFileSync(join(dir, 'young-orphan.seg'), 'k\tx\n');
    writeFileSync(join(dir, 'old-orphan.seg'), 'k\tx\n');
    writeFileSync(join(dir, 'index.json.old.tmp'), '{');
    const hoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(join(dir, 'old-orphan.seg'), hoursAgo, hoursAgo);
    utimesSync(join(dir, 'index.json.old.tmp'), hoursAgo, hoursAgo);
    const pack = new Pack(dir);
    pack.put('b.txt', 'k-b.txt', text('b.txt'));
    pack.commit();
    const left = readdirSync(dir);
    expect(left).toContain('young-orphan.seg');
    expect(left).not.toContain('old-orphan.seg');
    expect(left).not.toContain('index.json.old.tmp');
  });

  it('compacts when dead bytes exceed live bytes, keeping every live entry', () => {
    const names = Array.from({ length: 10 }, (_, i) => `s-${i}.txt`);
    const { dir } = filled(names);
    const kept = names.slice(0, 3);
    const pack = new Pack(dir);
    pack.put('new.txt', 'k-new.txt', text('new.txt'));
    const result = pack.commit((name) => kept.includes(name));
    expect(result).toEqual({ written: true, carried: 3, deleted: 1 });
    expect(segments(dir)).toHaveLength(1);
    const all = [...kept, 'new.txt'];
    expect(new Pack(dir).read(wanted(all))).toEqual(all.map((n) => text(n)));
    expect(statSync(join(dir, segments(dir)[0] as string)).size).toBe(
      all.reduce((n, name) => n + Buffer.byteLength(`k-${name}\t${text(name)}\n`), 0),
    );
  });

  it('does not compact while live bytes outweigh dead ones', () => {
    const names = Array.from({ length: 10 }, (_, i) => `s-${i}.txt`);
    const { dir } = filled(names);
    const pack = new Pack(dir);
    pack.put('s-0.txt', 'k2-s-0.txt', text('s-0.txt', 2));
    expect(pack.commit()).toEqual({ written: true, carried: 0, deleted: 0 });
    expect(segments(dir)).toHaveLength(2);
  });

  it('merges small segments beyond the most it keeps, never losing an entry', () => {
    const { dir } = filled(Array.from({ length: 20 }, (_, i) => `base-${i}.txt`));
    const names: string[] = [];
    for (let i = 0; i < 7; i++) {
      const pack = new Pack(dir, { maxSegments: 3 });
      names.push(`run-${i}.txt`);
      pack.put(`run-${i}.txt`, `k-run-${i}.txt`, text(`run-${i}.txt`));
      pack.commit();
      expect(segments(dir).length).toBeLessThanOrEqual(3);
    }
    const all = [...Array.from({ length: 20 }, (_, i) => `base-${i}.txt`), ...names];
    expect(new Pack(dir).read(wanted(all))).toEqual(all.map((n) => text(n)));
  });

  it('keeps both writers’ entries when two runs commit one after the other', () => {
    const { dir } = filled(['a.txt']);
    const first = new Pack(dir);
    const second = new Pack(dir);
    expect(first.keyOf('a.txt')).toBe('k-a.txt'); // both loaded the index before either commits
    expect(second.keyOf('a.txt')).toBe('k-a.txt');
    first.put('b.txt', 'k-b.txt', text('b.txt'));
    first.commit();
    second.put('c.txt', 'k-c.txt', text('c.txt'));
    second.commit();
    expect(new Pack(dir).read(wanted(['a.txt', 'b.txt', 'c.txt']))).toEqual(
      ['a.txt', 'b.txt', 'c.txt'].map((n) => text(n)),
    );
  });

  it('reads the entries of a segment another run compacted away as misses', () => {
    const names = Array.from({ length: 10 }, (_, i) => `s-${i}.txt`);
    const { dir } = filled(names);
    const reader = new Pack(dir);
    expect(reader.keyOf('s-0.txt')).toBe('k-s-0.txt'); // index loaded before the other run compacts
    const other = new Pack(dir);
    other.commit((name) => name === 's-0.txt'); // dead > live: s-0 moves to a new segment, the old one goes
    expect(reader.read(wanted(names))).toEqual(names.map(() => undefined));
    expect(new Pack(dir).read(wanted(['s-0.txt']))).toEqual([text('s-0.txt')]);
  });

  it('never serves a wrong entry while several processes commit to the same pack', async () => {
    const dir = join(tempDir('pack-race-'), 'layer');
    // Each process stores entries whose key is the hash of their text, in rounds, with compaction often due.
    const script = `
      import { createHash } from 'node:crypto';
      import { Pack } from ${JSON.stringify(join(root, 'src/lib/ingest/pack.ts'))};
      const [dir, who] = process.argv.slice(2);
      const hash = (t) => createHash('sha1').update(t).digest('hex');
      for (let round = 0; round < 30; round++) {
        const pack = new Pack(dir, { maxSegments: 3 });
        for (let i = 0; i < 20; i++) {
          const name = 'n' + ((round * 7 + i) % 40) + '.txt';
          const text = JSON.stringify({ who, round, name, pad: 'x'.repeat(i * 50) });
          pack.put(name, hash(text), text);
        }
        pack.commit((name) => Number(name.slice(1, -4)) % 10 !== round % 10);
      }
    `;
    const file = join(dir, '..', 'writer.mts');
    writeFileSync(file, script);
    const runs = ['a', 'b', 'c'].map(
      (who) =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, [file, dir, who], { stdio: ['ignore', 'ignore', 'pipe'] });
          let stderr = '';
          child.stderr.on('data', (d: Buffer) => {
            stderr += d.toString();
          });
          child.on('close', (code) => resolve({ code, stderr }));
        }),
    );
    for (const r of await Promise.all(runs)) expect(r).toEqual({ code: 0, stderr: '' });
    const pack = new Pack(dir);
    const names = pack.names();
    expect(names.length).toBeGreaterThan(0);
    const texts = pack.read(names.map((n) => [n, pack.keyOf(n) as string] as const));
    names.forEach((name, i) => {
      const t = texts[i];
      if (t === undefined) return; // a segment removed under a concurrent writer: a miss is allowed
      expect(createHash('sha1').update(t).digest('hex')).toBe(pack.keyOf(name));
      expect((JSON.parse(t) as { name: string }).name).toBe(name);
    });
    expect(texts.filter((t) => t !== undefined).length).toBeGreaterThan(0);
  }, 60_000);
});
