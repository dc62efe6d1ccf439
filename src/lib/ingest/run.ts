/**
 * The ingest as a list of named steps: read every source, resolve its time expressions, build events,
 * write them atomically. Each step lives in its own module; this file only wires them together.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findTimeExpressions } from '../dates/index.ts';
import { InputError } from '../errors.ts';
import { buildEvents, loadCuration, loadGazetteer } from '../events/index.ts';
import type { DatedDocument, EventsReport } from '../events/index.ts';
import type { Document, TimelineEvent } from '../model.ts';
import { parseSourceFile, readDocument } from '../read/index.ts';
import { eventToMarkdown } from '../write/front-matter.ts';
import { replaceDirAtomically } from '../write/atomic-dir.ts';
import type { AtomicWriteOptions } from '../write/atomic-dir.ts';
import { readPreviousEvents } from '../write/previous-events.ts';
import { defaultFocusFrom, loadTimelineConfig } from './timeline-config.ts';

export interface IngestOptions {
  sourcesDir: string;
  outDir: string;
  gazetteerDir: string;
  curationPath: string;
  timelinePath: string;
  /** Where the full report goes (JSON); undefined = not written. */
  reportPath?: string;
  /** Test hook for the atomic write. */
  write?: AtomicWriteOptions;
}

export interface IngestSummary {
  sources: number;
  segments: number;
  sentences: number;
  expressions: number;
  events: number;
  warnings: string[];
  report: EventsReport;
}

/** Paths of the project's content, relative to `root`. */
export function defaultIngestOptions(root: string): IngestOptions {
  return {
    sourcesDir: join(root, 'content/sources'),
    outDir: join(root, 'content/events'),
    gazetteerDir: join(root, 'content/gazetteer'),
    curationPath: join(root, 'content/curation.yaml'),
    timelinePath: join(root, 'content/timeline.yaml'),
    reportPath: join(root, '.cache/ingest-report.json'),
  };
}

/** Step 1: every `*.txt` in the folder, read into Documents; ids must be unique. */
export function readSources(dir: string): Document[] {
  if (!existsSync(dir)) throw new InputError(dir, 'sources folder not found');
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort();
  if (names.length === 0) throw new InputError(dir, 'no sources (*.txt) in this folder');
  const byId = new Map<string, string>();
  const docs: Document[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const source = parseSourceFile(path, readFileSync(path));
    const clash = byId.get(source.meta.id);
    if (clash !== undefined) throw new InputError(path, `duplicate source id "${source.meta.id}" (also in ${clash})`);
    byId.set(source.meta.id, path);
    docs.push(readDocument(source));
  }
  return docs;
}

/** Step 2: each sentence's time expressions, against the reference date of its segment. */
export function dateDocument(doc: Document): DatedDocument {
  const expressions = doc.sentences.map((s) => {
    const paragraph = doc.paragraphs[s.paragraph];
    const segment = paragraph === undefined ? undefined : doc.segments[paragraph.segment];
    const referenceDate = segment?.referenceDate ?? doc.publishedDate;
    return findTimeExpressions(s.text, { referenceDate });
  });
  return { doc, expressions };
}

/** The event files, name → contents. */
export function renderEventFiles(events: readonly TimelineEvent[]): Map<string, string> {
  return new Map(events.map((e) => [`${e.id}.md`, eventToMarkdown(e)]));
}

/** Run the whole ingest. Throws InputError for an editor's mistake; nothing is written then. */
export function runIngest(options: IngestOptions): IngestSummary {
  const config = loadTimelineConfig(options.timelinePath);
  const gazetteer = loadGazetteer(options.gazetteerDir);
  const curation = loadCuration(options.curationPath);
  const docs = readSources(options.sourcesDir);
  const dated = docs.map(dateDocument);
  const { events, report } = buildEvents(dated, {
    gazetteer,
    curation,
    previous: readPreviousEvents(options.outDir),
    focusFrom: config.focusFrom ?? defaultFocusFrom(docs.map((d) => d.publishedDate)),
  });
  replaceDirAtomically(options.outDir, renderEventFiles(events), options.write);
  const summary: IngestSummary = {
    sources: docs.length,
    segments: docs.reduce((n, d) => n + d.segments.length, 0),
    sentences: docs.reduce((n, d) => n + d.sentences.length, 0),
    expressions: dated.reduce((n, d) => n + d.expressions.reduce((m, e) => m + e.length, 0), 0),
    events: events.length,
    warnings: docs.flatMap((d) => d.warnings.map((w) => `${d.source.id}: ${w}`)),
    report,
  };
  if (options.reportPath !== undefined) {
    mkdirSync(dirname(options.reportPath), { recursive: true });
    writeFileSync(options.reportPath, `${JSON.stringify(summary, null, 2)}\n`);
  }
  return summary;
}
