/** The timeline in TimelineJS3's JSON format. */
import type { APIContext } from 'astro';
import { exportEvents, sourceNames, timelineConfig } from '../lib/site/data.ts';
import { toTimelineJs } from '../lib/site/exports.ts';

export async function GET(context: APIContext): Promise<Response> {
  const config = timelineConfig();
  const json = toTimelineJs(await exportEvents(), String(context.site), config.title, config.lead, await sourceNames());
  return new Response(json, { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
