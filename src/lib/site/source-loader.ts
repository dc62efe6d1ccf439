/** The `sources` collection: each content/sources/*.txt read by the ingest's reader, flattened for pages. */
import { readSources } from '../ingest/run.ts';
import type { Document } from '../model.ts';

/** Entry data for one source page. */
export function sourcePageData(doc: Document): Record<string, unknown> & { id: string } {
  const m = doc.source;
  const data: Record<string, unknown> & { id: string } = {
    id: m.id,
    authors: m.authors,
    published: m.published,
    publishedDate: doc.publishedDate,
    timeZone: m.timeZone,
    sha256: doc.sha256,
    segments: doc.segments.map((seg) => ({
      kind: seg.kind,
      ...(seg.outlet === undefined ? {} : { outlet: seg.outlet }),
      ...(seg.author === undefined ? {} : { author: seg.author }),
      referenceDate: seg.referenceDate,
      paragraphs: seg.paragraphs.map((pi) => ({
        index: pi,
        sentences: (doc.paragraphs[pi]?.sentences ?? []).map((si) => ({
          index: si,
          text: doc.sentences[si]?.text ?? '',
        })),
      })),
    })),
    removed: doc.removed.map((r) => ({ reason: r.reason, text: r.text })),
    warnings: doc.warnings,
  };
  for (const key of ['title', 'publisher', 'url', 'publishedEstimated'] as const) {
    if (m[key] !== undefined) data[key] = m[key];
  }
  if (doc.headline !== undefined) data['headline'] = doc.headline;
  return data;
}

/** Loader function for content collections: the ingest's own first step, so ids are checked the same way. */
export function loadSourceDocuments(dir = 'content/sources'): Array<Record<string, unknown> & { id: string }> {
  return readSources(dir).map(sourcePageData);
}
