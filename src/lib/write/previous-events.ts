/** Read the events already in content/events, so that re-ingesting keeps every event's id. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { previousCitation } from '../events/ids.ts';
import type { PreviousEvent } from '../events/ids.ts';
import { parseEventFile } from './front-matter.ts';
import { usableEntry } from './output-manifest.ts';
import type { OutputManifest } from './output-manifest.ts';

/** What the id-keeping step needs of an event on disk (kept for every event in the output manifest: only that). */
export type PreviousEventRecord = PreviousEvent;

/** The record of one event file's text; undefined for a file that is not an event (ours are rewritten next). */
function recordOf(markdown: string): PreviousEventRecord | undefined {
  const fm = parseEventFile(markdown);
  if (fm === undefined || typeof fm['id'] !== 'string' || typeof fm['date'] !== 'string') return undefined;
  const sources = Array.isArray(fm['sources']) ? (fm['sources'] as unknown[]) : [];
  const objects = sources.filter((c): c is Record<string, unknown> => typeof c === 'object' && c !== null);
  return { id: fm['id'], sources: objects.map(previousCitation) };
}

/** Events in `dir` (missing folder = none). Unreadable files are skipped: they are our own output, rewritten next. */
export function readPreviousEvents(dir: string): PreviousEventRecord[] {
  if (!existsSync(dir)) return [];
  const out: PreviousEventRecord[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.md')) continue;
    const record = recordOf(readFileSync(join(dir, name), 'utf8'));
    if (record !== undefined) out.push(record);
  }
  return out;
}

/**
 * `readPreviousEvents` for the files listed in `files` (name → fingerprint, from `scanEventFiles`): a file whose
 * fingerprint matches its manifest entry is taken from the manifest, any other is read and parsed.
 * Returns what `readPreviousEvents(dir)` returns for the same folder, and how many files had to be parsed.
 */
export function readPreviousEventsKnown(
  dir: string,
  files: ReadonlyMap<string, string>,
  manifest: OutputManifest | undefined,
): { records: PreviousEventRecord[]; parsed: number } {
  const records: PreviousEventRecord[] = [];
  let parsed = 0;
  for (const [name, fp] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const entry = manifest?.files[name];
    if (usableEntry(entry) && entry.fp === fp) {
      records.push(entry.record);
      continue;
    }
    parsed++;
    const record = recordOf(readFileSync(join(dir, name), 'utf8'));
    if (record !== undefined) records.push(record);
  }
  return { records, parsed };
}
