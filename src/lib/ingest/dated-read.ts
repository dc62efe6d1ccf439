/** One source file → its dated document: read (parse, furniture, sentences), then every sentence's time expressions. */
import { findTimeExpressions } from '../dates/index.ts';
import type { DatedDocument } from '../events/types.ts';
import type { Document } from '../model.ts';
import { parseSourceFile, readDocument } from '../read/index.ts';

/** Each sentence's time expressions, against the reference date of its segment. */
export function dateDocument(doc: Document): DatedDocument {
  const expressions = doc.sentences.map((s) => {
    const paragraph = doc.paragraphs[s.paragraph];
    const segment = paragraph === undefined ? undefined : doc.segments[paragraph.segment];
    const referenceDate = segment?.referenceDate ?? doc.publishedDate;
    return findTimeExpressions(s.text, { referenceDate });
  });
  return { doc, expressions };
}

/** Parse, read and date one file's bytes (throws InputError for an editor's mistake). */
export function readAndDate(path: string, bytes: Uint8Array): DatedDocument {
  return dateDocument(readDocument(parseSourceFile(path, bytes)));
}
