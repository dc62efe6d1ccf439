/**
 * Content collections. `events` is the contract between the ingest and the site: every field the ingest
 * writes to content/events/*.md is declared (and documented) here, and the build fails, naming the file,
 * when one is malformed. `sources` are read by the ingest's own reader, so the source pages show exactly
 * the document the events were extracted from.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
import { sourcesLoader } from './lib/site/source-loader.ts';

/** A calendar day, `YYYY-MM-DD` (kept as a string so no time zone can shift it). */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
/** A permanent slug: lower-case words joined by hyphens. */
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lower-case-hyphenated slug');

const citation = z.object({
  /** Id of the source (content/sources/<source>.txt). */
  source: slug,
  /** Index of the paragraph on the source page (`/sources/<source>/#p-<paragraph>`). */
  paragraph: z.number().int().nonnegative(),
  /** Index of the sentence in the source document (`#s-<sentence>`). */
  sentence: z.number().int().nonnegative(),
  /** The time expression the date was read from ("on Sunday"), when the sentence has one. */
  expression: z.string().optional(),
  /** The rule that dated this citation (`weekday`, `context:previous-sentence`, …). */
  rule: z.string(),
  /**
   * The event curation merged this citation from (`mergeInto` in content/curation.yaml): `/events/<mergedFrom>/`
   * redirects to this event, and the next ingest gives the citation back to it before matching ids.
   */
  mergedFrom: slug.optional(),
  /** The exact sentence(s) of the source, verbatim. */
  quote: z.string().min(1),
});

const events = defineCollection({
  // The ingest writes these files; an editor changes them only through content/curation.yaml.
  // The summary is rendered to HTML once, when the file is loaded (and kept while the file is unchanged); pages
  // and feeds read that HTML (src/lib/site/plain-text.ts), so the Markdown body need not be kept in the store.
  // No `deferRender`: it would make every event file a module of the build, to render small summaries again.
  loader: glob({ pattern: '*.md', base: './content/events', retainBody: false }),
  schema: z.object({
    /** Stable slug: the file name and the URL `/events/<id>/`; kept across re-ingests and title changes. */
    id: slug,
    /** Headline, at most 90 characters, in the sources' own words. */
    title: z.string().min(1).max(90),
    /** First day of the event (or of its range), `YYYY-MM-DD`. */
    date: isoDate,
    /** Last day of the range, inclusive, when the event spans more than a day (week, month, season, year). */
    end: isoDate.optional(),
    /** How finely the date is known: a month stays a month, never a fake first day. */
    precision: z.enum(['day', 'week', 'month', 'season', 'year']),
    /** What the text adds to the date: early / mid / late (of a month) or a part of the day. */
    modifier: z.enum(['early', 'mid', 'late', 'morning', 'afternoon', 'evening', 'night']).optional(),
    /** `planned` when every source reports it as still to come at its publication. */
    status: z.enum(['happened', 'planned']),
    /** True for context from before the timeline's focus period (shown under "Background"). */
    background: z.boolean().optional(),
    /** People involved: slugs of content/gazetteer/people.yaml. */
    actors: z.array(slug),
    /** Places: slugs of content/gazetteer/places.yaml. */
    places: z.array(slug),
    /** Topics: slugs of content/gazetteer/topics.yaml. */
    topics: z.array(slug),
    /** Every source that reports the event, each with its exact quote. */
    sources: z.array(citation).min(1),
  }),
});

const sources = defineCollection({
  // content/sources/*.txt are raw pasted pages, not Markdown: the ingest's reader turns them into documents
  // (reusing the documents of unchanged sources from the last build, or the ingest's cache; see source-loader.ts).
  loader: sourcesLoader(),
  schema: z.object({
    /** The source's permanent id (file name). */
    id: slug,
    title: z.string().optional(),
    publisher: z.string().optional(),
    authors: z.array(z.string()),
    url: z.string().optional(),
    /** `published` as given, and as a calendar date in the source's time zone. */
    published: z.string(),
    publishedDate: isoDate,
    publishedEstimated: z.boolean().optional(),
    timeZone: z.string(),
    sha256: z.string(),
    headline: z.string().optional(),
    /** Segments with their paragraphs and sentences, already cleaned; see src/lib/model.ts. */
    segments: z.array(
      z.object({
        kind: z.enum(['article', 'teaser', 'post', 'caption', 'summary']),
        outlet: z.string().optional(),
        author: z.string().optional(),
        referenceDate: isoDate,
        paragraphs: z.array(
          z.object({
            index: z.number().int(),
            sentences: z.array(z.object({ index: z.number().int(), text: z.string() })),
          }),
        ),
      }),
    ),
    /** Furniture removed from the page, with the reason: shown collapsed, never indexed. */
    removed: z.array(z.object({ reason: z.string(), text: z.string() })),
    warnings: z.array(z.string()),
  }),
});

export const collections = { events, sources };
