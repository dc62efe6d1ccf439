import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceDirAtomically } from '../../src/lib/write/atomic-dir.ts';

function fixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'atomic-'));
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
    const root = mkdtempSync(join(tmpdir(), 'atomic-'));
    replaceDirAtomically(join(root, 'new', 'events'), new Map([['x.md', 'X']]));
    expect(readdirSync(join(root, 'new', 'events'))).toEqual(['x.md']);
  });
});
