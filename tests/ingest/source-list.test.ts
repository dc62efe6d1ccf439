/** The sources folder as the ingest lists it (src/lib/ingest/source-list.ts): which entries are sources. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/lib/errors.ts';
import { sourceNames } from '../../src/lib/ingest/source-list.ts';
import { tempDir } from '../support/temp.ts';

function folder(): string {
  const dir = tempDir('source-list-');
  for (const name of ['b.txt', 'a.txt', 'B.txt', 'notes.md']) writeFileSync(join(dir, name), 'x');
  return dir;
}

/** The one line `sourceNames` rejects the folder with. */
function rejection(dir: string): string {
  try {
    sourceNames(dir);
  } catch (error) {
    if (error instanceof InputError) return error.toLine();
    throw error;
  }
  return 'accepted';
}

describe('sourceNames', () => {
  it('lists the .txt files, sorted by code unit, a link to a file among them', () => {
    const dir = folder();
    symlinkSync(join(dir, 'a.txt'), join(dir, 'c-link.txt'));
    expect(sourceNames(dir)).toEqual(['B.txt', 'a.txt', 'b.txt', 'c-link.txt']);
  });

  it('names a folder, a link to a folder and a dangling link as not regular files', () => {
    const withFolder = folder();
    mkdirSync(join(withFolder, 'x.txt'));
    expect(rejection(withFolder)).toBe(`${join(withFolder, 'x.txt')}: is not a regular file`);
    const withLink = folder();
    mkdirSync(join(withLink, 'sub'));
    symlinkSync(join(withLink, 'sub'), join(withLink, 'y.txt'));
    expect(rejection(withLink)).toBe(`${join(withLink, 'y.txt')}: is not a regular file`);
    const dangling = folder();
    symlinkSync(join(dangling, 'gone'), join(dangling, 'z.txt'));
    expect(rejection(dangling)).toBe(`${join(dangling, 'z.txt')}: is not a regular file`);
  });

  it('rejects a folder without sources, and a missing one', () => {
    const empty = tempDir('source-list-empty-');
    writeFileSync(join(empty, 'notes.md'), 'x');
    expect(rejection(empty)).toBe(`${empty}: no sources (*.txt) in this folder`);
    expect(rejection(join(empty, 'nope'))).toBe(`${join(empty, 'nope')}: sources folder not found`);
  });
});
