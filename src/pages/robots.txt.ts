/** robots.txt: everything may be crawled; the sitemap says where the pages are. */
import type { APIContext } from 'astro';

export function GET(context: APIContext): Response {
  const sitemap = new URL('sitemap-index.xml', context.site).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'content-type': 'text/plain' },
  });
}
