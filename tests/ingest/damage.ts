/** Ways a cache pack's entry can go bad, for the tests of the layers that read it. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pack } from '../../src/lib/ingest/pack.ts';

/** Where the index of the pack in `dir` says `name`'s record lies. */
export function locate(dir: string, name: string): { segment: string; offset: number; length: number } {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
    segments: string[];
    entries: Array<[string, string, number, number, number]>;
  };
  const row = index.entries.find((e) => e[0] === name);
  if (row === undefined) throw new Error(`${name} is not in ${dir}`);
  return { segment: index.segments[row[2]] as string, offset: row[3], length: row[4] };
}

/** Zero the second half of `name`'s record in place, keeping its frame: the layer gets a cut-off text. */
export function damageRecord(dir: string, name: string): void {
  const at = locate(dir, name);
  const path = join(dir, at.segment);
  const bytes = readFileSync(path);
  bytes.fill(0x20, at.offset + Math.floor(at.length / 2), at.offset + at.length - 1);
  writeFileSync(path, bytes);
}

/** Store `text` for `name` under the key its entry already has: a well-framed record the layer must reject. */
export function storeForeign(dir: string, name: string, text: string): void {
  const pack = new Pack(dir);
  const key = pack.keyOf(name);
  if (key === undefined) throw new Error(`${name} is not in ${dir}`);
  pack.put(name, key, text);
  pack.commit();
}
