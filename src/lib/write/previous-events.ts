/** Read the events already in content/events, so that re-ingesting keeps every event's id. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Citation, IsoDate } from '../model.ts';
import { parseEventFile } from './front-matter.ts';

/** What the id-keeping step needs of an event on disk. */
export interface PreviousEventRecord {
  id: string;
  title: string;
  date: IsoDate;
  sources: Citation[];
}

/** Events in `dir` (missing folder = none). Unreadable files are skipped: they are our own output, rewritten next. */
export function readPreviousEvents(dir: string): PreviousEventRecord[] {
  if (!existsSync(dir)) return [];
  const out: PreviousEventRecord[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.md')) continue;
    const fm = parseEventFile(readFileSync(join(dir, name), 'utf8'));
    if (fm === undefined || typeof fm['id'] !== 'string' || typeof fm['date'] !== 'string') continue;
    const sources = Array.isArray(fm['sources']) ? (fm['sources'] as Citation[]) : [];
    out.push({ id: fm['id'], title: String(fm['title'] ?? ''), date: fm['date'], sources });
  }
  return out;
}
