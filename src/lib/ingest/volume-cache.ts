/**
 * Two more cache layers, so that a run touches only what changed:
 *
 * - **facts** (`<cache>/facts.pack/`): each source's `SourceFacts` under its prepared key. Volumes are drawn by
 *   publication month, so every source's date is needed before anything is built; this small record gives it
 *   without parsing the source's prepared entry.
 * - **volumes** (`<cache>/volumes.pack/`): what the events stage made of each volume (volumes.ts), under a hash of
 *   its sources' names and prepared keys (which cover the events code and the gazetteer). An unchanged volume is
 *   one JSON parse; its sources' prepared entries are not even read.
 *
 * Anything unreadable is a miss, never an error: the cache is only speed.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { VolumeResult } from '../events/index.ts';
import { Pack, readJson } from './pack.ts';
import type { SourceFacts } from './prepared-cache.ts';

/** Bump when a record's layout changes (the prepared keys inside a volume key cover the events code). */
const VOLUME_FORMAT = 1;

export function factsPack(cacheDir: string): Pack {
  return new Pack(join(cacheDir, 'facts.pack'));
}

export function volumePack(cacheDir: string): Pack {
  return new Pack(join(cacheDir, 'volumes.pack'));
}

/** Each `[name, key]`'s facts, or undefined for a miss or a damaged record. */
export function readFacts(
  pack: Pack,
  wanted: ReadonlyArray<readonly [string, string]>,
): Array<SourceFacts | undefined> {
  return readJson(pack, wanted, isFacts);
}

function isFacts(value: unknown): value is SourceFacts {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Partial<SourceFacts>;
  return (
    typeof f.id === 'string' &&
    typeof f.publishedDate === 'string' &&
    Array.isArray(f.warnings) &&
    typeof f.segments === 'number' &&
    typeof f.sentences === 'number' &&
    typeof f.expressions === 'number'
  );
}

/** The key of a volume: its sources, in order, with their prepared keys. */
export function volumeKey(sources: ReadonlyArray<readonly [name: string, preparedKey: string]>): string {
  const h = createHash('sha256').update(`volume ${VOLUME_FORMAT}\n`);
  for (const [name, key] of sources) h.update(`${name}\t${key}\n`);
  return h.digest('hex');
}

/** The name a volume is stored under: its first and last source (volumes never share a source). */
export function volumeName(names: readonly string[]): string {
  return `${names[0] ?? ''}..${names.at(-1) ?? ''}`;
}

/** A stored volume, or undefined for a miss or a record that is not one. */
export function readVolume(pack: Pack, name: string, key: string): VolumeResult | undefined {
  return readJson(pack, [[name, key]], isVolume)[0];
}

function isVolume(value: unknown): value is VolumeResult {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<VolumeResult>;
  return (
    Array.isArray(v.sources) &&
    Array.isArray(v.drafts) &&
    Array.isArray(v.leftOut) &&
    Array.isArray(v.rest) &&
    Array.isArray(v.unresolved) &&
    typeof v.candidates === 'number' &&
    typeof v.kept === 'number' &&
    typeof v.clusters === 'number' &&
    typeof v.attached === 'number'
  );
}
