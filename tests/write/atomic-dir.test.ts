import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceDirAtomically, updateDirAtomically } from '../../src/lib/write/atomic-dir.ts';
import { tempDir } from '../support/temp.ts';

function fixture(): string {
  const root = tempDir('atomic-');
  const dir = join(root, 'events');
  mkdirSync(dir);
  writeFileSync(join(dir, 'old.md'), 'old');
  return dir;
}

describe('replaceDirAtomically', () => {
  it('replaces the whole folder', () => {
    const dir = fixture();
    replaceDirAtomically(
      dir,
      new Map([
        ['b.md', 'B'],
        ['a.md', 'A'],
      ]),
    );
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md']);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('A');
    expect(readdirSync(join(dir, '..')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('leaves the previous folder intact when writing fails halfway', () => {
    const dir = fixture();
    expect(() =>
      replaceDirAtomically(
        dir,
        new Map([
          ['a.md', 'A'],
          ['b.md', 'B'],
        ]),
        {
          afterFile: (name) => {
            if (name === 'a.md') throw new Error('disk full (injected)');
          },
        },
      ),
    ).toThrow('injected');
    expect(readdirSync(dir)).toEqual(['old.md']);
    expect(readFileSync(join(dir, 'old.md'), 'utf8')).toBe('old');
    expect(readdirSync(join(dir, '..')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('creates the folder when it does not exist', () => {
    const root = tempDir('atomic-');
    replaceDirAtomically(join(root, 'new', 'events'), new Map([['x.md', 'X']]));
    expect(readdirSync(join(root, 'new', 'events'))).toEqual(['x.md']);
  });
});

/** A folder with files a, b, c and a subfolder d. */
function folder(): string {
  const dir = fixture();
  for (const n of ['a.md', 'b.md', 'c.md']) writeFileSync(join(dir, n), n.toUpperCase());
  mkdirSync(join(dir, 'd'));
  writeFileSync(join(dir, 'd', 'x'), 'x');
  return dir;
}

const contents = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((n) => [n, statSync(join(dir, n)).isFile() ? readFileSync(join(dir, n), 'utf8') : '<dir>']),
  );
const inode = (dir: string, n: string) => statSync(join(dir, n)).ino;

describe('updateDirAtomically', () => {
  it('writes and removes only what changes; kept files are not touched', () => {
    const dir = folder();
    const kept = inode(dir, 'a.md');
    const mtime = statSync(join(dir, 'a.md')).mtimeMs;
    const result = updateDirAtomically(dir, {
      keep: new Set(['a.md']),
      write: new Map([
        ['b.md', 'B2'],
        ['e.md', 'E'],
      ]),
    });
    expect(result).toEqual({ written: 2, removed: 3 }); // c.md, d and old.md
    expect(contents(dir)).toEqual({ 'a.md': 'A.MD', 'b.md': 'B2', 'e.md': 'E' });
    expect(inode(dir, 'a.md')).toBe(kept);
    expect(statSync(join(dir, 'a.md')).mtimeMs).toBe(mtime);
    expect(readdirSync(join(dir, '..')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('puts everything back when moving the new files in fails halfway', () => {
    const dir = folder();
    const before = contents(dir);
    let moved = 0;
    expect(() =>
      updateDirAtomically(
        dir,
        {
          keep: new Set(['a.md']),
          write: new Map([
            ['b.md', 'B2'],
            ['c.md', 'C2'],
            ['e.md', 'E'],
          ]),
        },
        {
          afterMove: () => {
            moved++;
            if (moved === 2) throw new Error('disk full (injected)');
          },
        },
      ),
    ).toThrow('injected');
    expect(contents(dir)).toEqual(before);
    expect(readFileSync(join(dir, 'd', 'x'), 'utf8')).toBe('x');
    expect(readdirSync(join(dir, '..')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('fails before writing anything when asked to keep a file that is not there', () => {
    const dir = folder();
    const before = contents(dir);
    let written = 0;
    expect(() =>
      updateDirAtomically(
        dir,
        { keep: new Set(['missing.md']), write: new Map([['b.md', 'B2']]) },
        { afterFile: () => written++ },
      ),
    ).toThrow('missing.md');
    expect(written).toBe(0);
    expect(contents(dir)).toEqual(before);
  });

  it('swaps the whole folder when nothing is kept', () => {
    const dir = folder();
    const result = updateDirAtomically(dir, { keep: new Set(), write: new Map([['z.md', 'Z']]) });
    expect(result).toEqual({ written: 1, removed: 5 });
    expect(contents(dir)).toEqual({ 'z.md': 'Z' });
  });
});
