// Development server: serves a built page folder and forwards the API to a running stack, so the page can be
// worked on without rebuilding the service. /api/uploads go to ingest-service, /api/features to
// feature-service, the rest of /api to embedding-service (the routes an Ingress would have in production).
// node dev/serve.mjs DIR [PORT]   env: EMBEDDING_URL, INGEST_URL, FEATURE_URL (defaults: bin/stack's ports)
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const [dir = '/tmp/web', port = '8100'] = process.argv.slice(2);
const targets = {
  uploads: process.env.INGEST_URL ?? 'http://localhost:8081',
  features: process.env.FEATURE_URL ?? 'http://localhost:8082',
  api: process.env.EMBEDDING_URL ?? 'http://localhost:8080',
};
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/api/config') {
    // Everything is forwarded from here, so the page talks to this origin only.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ingestUrl: '', featureUrl: '' }));
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    const base = url.pathname.startsWith('/api/uploads') ? targets.uploads
      : url.pathname.startsWith('/api/features') ? targets.features : targets.api;
    // Same origin as far as the services can tell: no Origin header for their CORS check.
    const { origin, ...headers } = req.headers;
    const up = http.request(base + req.url, { method: req.method, headers: { ...headers, host: new URL(base).host } },
      (r) => { res.writeHead(r.statusCode, r.headers); r.pipe(res); });
    up.on('error', (e) => { res.writeHead(502); res.end(String(e)); });
    req.pipe(up);
    return;
  }
  const path = normalize(join(dir, url.pathname === '/' ? 'index.html' : url.pathname));
  if (!path.startsWith(normalize(dir))) { res.writeHead(403); res.end(); return; }
  try {
    const body = await readFile(path);
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404); res.end('not found');
  }
}).listen(Number(port), () => console.log(`dev: ${dir} on http://localhost:${port}/, API → ${JSON.stringify(targets)}`));
