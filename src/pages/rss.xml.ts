/** RSS feed of the timeline's events, newest first. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { escape as escapeHtml } from 'html-escaper';
import { exportEvents, timelineConfig } from '../lib/site/data.ts';
import { dateLabel } from '../lib/site/date-label.ts';

export async function GET(context: APIContext): Promise<Response> {
  const config = timelineConfig();
  const events = [...(await exportEvents())].reverse();
  return rss({
    title: config.title,
    description: config.lead,
    site: context.site ?? config.site,
    items: events.map((e) => ({
      title: e.title,
      link: `/events/${e.id}/`,
      // The event's own (first) day, at noon UTC so no reader's zone moves it to another day.
      pubDate: new Date(`${e.date}T12:00:00Z`),
      // Feed readers render a description as HTML: the article text in it must arrive as text.
      description: escapeHtml(`${dateLabel(e)}: ${e.summary}`),
      categories: e.topics,
    })),
  });
}
