/**
 * Ingest stage 1: read a source as an editor would. Line rules remove whole lines of furniture,
 * block rules remove spans inside paragraphs and mark segments, then the kept text is split into
 * paragraphs and sentences whose offsets point into `SourceFile.body` (LF-normalised, BOM-free).
 */
import { calendarDateIn } from '../dates/calendar.ts';
import { InputError } from '../errors.ts';
import type { Document, SourceFile } from '../model.ts';
import { buildBlocks } from './blocks.ts';
import { daysBetween } from './datelines.ts';
import { removeCredits, removeDuplicateLines } from './furniture/captions.ts';
import { removeCommentWidgets } from './furniture/comments.ts';
import { removeLeadingDateline, removeDatelineLines } from './furniture/dateline-marks.ts';
import { removeBylineLines, removeContacts, removeSignatures } from './furniture/bylines.ts';
import { removeHeadline } from './furniture/headline.ts';
import { removeInlineNavigation, removeNavigationLines } from './furniture/navigation.ts';
import { readPost } from './furniture/posts.ts';
import { removeShareBars } from './furniture/share-bars.ts';
import { removeStrayLines } from './furniture/stray.ts';
import { readSummary } from './furniture/summary.ts';
import { removeSyndication } from './furniture/syndication.ts';
import { readTeaser } from './furniture/teasers.ts';
import { newPage, type Page } from './page.ts';
import { assemble } from './segments.ts';

export { parseSourceFile } from './source-file.ts';

/** Turn a source into a Document: segments, paragraphs, sentences with offsets, furniture removed but recorded. */
export function readDocument(source: SourceFile): Document {
  const { meta, body } = source;
  const publishedDate = calendarDateIn(meta.published, meta.timeZone);
  const page = newPage(body);

  // Whole lines first: their order matters (a headline is looked for once the header rows are gone).
  removeStrayLines(page);
  removeShareBars(page);
  removeCommentWidgets(page);
  removeSyndication(page);
  removeDuplicateLines(page);
  removeSignatures(page);
  removeDatelineLines(page, publishedDate);
  removeBylineLines(page, meta.authors);
  removeNavigationLines(page);
  const headline = removeHeadline(page, meta.title);

  // Then spans inside paragraphs.
  page.blocks = buildBlocks(page);
  for (const block of page.blocks) {
    removeLeadingDateline(page, block, publishedDate);
    removeContacts(page, block);
    readPost(block);
  }
  for (const block of page.blocks) {
    if (block.start >= page.articleEnd && !block.regions.some((r) => r.kind === 'post'))
      readTeaser(block, publishedDate);
  }
  for (const block of page.blocks) {
    removeInlineNavigation(block);
    const host = block.regions.find((r) => r.kind === 'teaser');
    removeCredits(page, block, host?.referenceDate ?? publishedDate);
    readSummary(block);
  }

  const articleDateline = page.datelines.find((d) => d.where === 'dateline')?.text;
  const { segments, paragraphs, sentences, removed } = assemble(page, publishedDate, articleDateline);
  if (sentences.length === 0) {
    throw new InputError(
      source.path,
      'no prose left after removing page furniture (share bars, comments, datelines …)',
      source.bodyLine,
    );
  }

  const doc: Document = {
    source: meta,
    sha256: source.sha256,
    body,
    publishedDate,
    segments,
    paragraphs,
    sentences,
    removed,
    warnings: [...(source.warnings ?? []), ...datelineWarnings(page, publishedDate)],
  };
  if (headline !== undefined) doc.headline = headline;
  return doc;
}

/** Warn for each dateline of the page that disagrees with the publication date by more than a day. */
function datelineWarnings(page: Page, publishedDate: string): string[] {
  const out: string[] = [];
  for (const d of page.datelines) {
    if (Math.abs(daysBetween(publishedDate, d.date)) > 1) {
      out.push(
        `the ${d.where === 'caption' ? 'caption date' : 'dateline'} "${d.text}" (${d.date}) disagrees with published (${publishedDate})`,
      );
    }
  }
  return out;
}
