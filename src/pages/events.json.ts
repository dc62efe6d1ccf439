/** Every event with all its fields (format documented on /about/). */
import type { APIContext } from 'astro';
import { exportEvents } from '../lib/site/data.ts';
import { toEventsJson } from '../lib/site/exports.ts';

export async function GET(context: APIContext): Promise<Response> {
  return new Response(toEventsJson(await exportEvents(), String(context.site)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
