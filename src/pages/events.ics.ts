/** The timeline as an iCalendar file of all-day events. */
import type { APIContext } from 'astro';
import { exportEvents, timelineConfig } from '../lib/site/data.ts';
import { toIcs } from '../lib/site/exports.ts';

export async function GET(context: APIContext): Promise<Response> {
  const config = timelineConfig();
  return new Response(toIcs(await exportEvents(), String(context.site), config.title), {
    headers: { 'content-type': 'text/calendar; charset=utf-8' },
  });
}
