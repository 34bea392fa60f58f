// recipe-hub UI server: serves the built UI ($DM_DIST_ROOT, set by the runtime from the
// manifest's dist_root) and forwards /api/* to the API at $API_URL.
import { readFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import { extname, join, normalize } from 'node:path';

const port = Number(process.env.UI_PORT);
const root = process.env.DM_DIST_ROOT ?? join(process.cwd(), 'dist');
const api = new URL(process.env.API_URL ?? 'http://127.0.0.1:1');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/health') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  if (url.pathname.startsWith('/api/')) {
    const upstream = request({ host: api.hostname, port: api.port, path: url.pathname + url.search, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end('api unavailable'));
    return req.pipe(upstream);
  }
  const path = normalize(url.pathname === '/' ? '/index.html' : url.pathname);
  try {
    const body = await readFile(join(root, path));
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`recipe-hub ui on 127.0.0.1:${port}, files from ${root}, api ${api.origin}`));
