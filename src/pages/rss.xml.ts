/** RSS feed of the timeline's events, newest first. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { loadTimelineConfig } from '../lib/ingest/timeline-config.ts';
import { exportEvents } from '../lib/site/data.ts';
import { dateLabel } from '../lib/site/date-label.ts';

export async function GET(context: APIContext): Promise<Response> {
  const config = loadTimelineConfig('content/timeline.yaml');
  const events = (await exportEvents()).reverse();
  return rss({
    title: config.title,
    description: config.lead,
    site: context.site ?? config.site,
    items: events.map((e) => ({
      title: e.title,
      link: `/events/${e.id}/`,
      // The event's own (first) day, at noon UTC so no reader's zone moves it to another day.
      pubDate: new Date(`${e.date}T12:00:00Z`),
      description: `${dateLabel(e)}: ${e.summary}`,
      categories: e.topics,
    })),
  });
}
