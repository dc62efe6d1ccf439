/** Structured data (schema.org) for event pages, serialised safely for a <script> element. */
import type { ExportEvent } from './exports.ts';

/**
 * JSON for inside <script type="application/ld+json">: `<`, `>` and `&` become \u escapes, so no
 * ingested text ("</script>", "<!--") can end the element or open markup.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface CitedSource {
  name: string;
  title?: string | undefined;
  url?: string | undefined;
  published: string;
}

/** schema.org Event describing a timeline entry, with the articles that report it as citations. */
export function eventJsonLd(e: ExportEvent, url: string, sources: readonly CitedSource[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': url,
    url,
    name: e.title,
    description: e.summary,
    startDate: e.date,
    endDate: e.end ?? e.date,
    eventStatus: 'https://schema.org/EventScheduled',
    citation: sources.map((s) => ({
      '@type': 'NewsArticle',
      headline: s.title,
      publisher: { '@type': 'Organization', name: s.name },
      datePublished: s.published,
      ...(s.url ? { url: s.url } : {}),
    })),
  };
}
