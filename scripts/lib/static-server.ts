/**
 * A small static file server for the built site (tests and benchmarks): directory URLs serve index.html,
 * unknown paths the site's 404 page, and responses are gzipped when the client accepts it, as a real host would.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript)|image\/svg)/;

/** Resolve a URL path to a file under `root`, or undefined. */
function fileFor(root: string, urlPath: string): string | undefined {
  const clean = normalize(decodeURIComponent(urlPath.split('?')[0] ?? '/')).replace(/^(\.\.[/\\])+/, '');
  let path = join(root, clean);
  if (!path.startsWith(root)) return undefined;
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
  return existsSync(path) && statSync(path).isFile() ? path : undefined;
}

export interface ServeOptions {
  /** Called when a response is finished, with the bytes of its body as sent (after gzip). */
  onSent?: (path: string, bytes: number) => void;
}

/** Serve `root` on 127.0.0.1:`port` (0 = any free port). Resolves once listening. */
export function serveStatic(
  root: string,
  port = 0,
  options: ServeOptions = {},
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let file = fileFor(root, req.url ?? '/');
    let status = 200;
    if (file === undefined) {
      file = join(root, '404.html');
      status = 404;
      if (!existsSync(file)) {
        res.writeHead(404).end('not found');
        return;
      }
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-cache',
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    });
    const stream = createReadStream(file);
    const body = gzip ? stream.pipe(createGzip()) : stream;
    let sent = 0;
    body.on('data', (chunk: Buffer) => {
      sent += chunk.length;
    });
    body.on('end', () => options.onSent?.(req.url ?? '/', sent));
    body.pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address !== null ? address.port : port;
      resolve({ server, url: `http://127.0.0.1:${actual}` });
    });
  });
}
