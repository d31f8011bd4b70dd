// The demo site's server: its static files and its small sign-in API
// (api.mjs). It sends the strict headers a real site would (the inpage
// provider must work under `script-src 'self'`), serves only files inside its
// root, binds to the loopback interface only, and answers only to its own
// host name (a page on another name could otherwise reach it by DNS rebinding).
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { createDemoApi } from './api.mjs';

export { createDemoApi, SESSION_COOKIE, MAX_BODY_BYTES } from './api.mjs';
export { createSessionStore, SESSION_TTL_MS } from './stores.mjs';

const HOST = '127.0.0.1';

export const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file under `root` a URL path names, or null if it names nothing servable there. */
async function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  let file = path.resolve(root, `.${decoded}`);
  const inside = (p) => p === root || p.startsWith(root + path.sep);
  if (!inside(file)) return null;
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
    // Checked again after symlinks are followed: a link must not lead out of the root.
    file = await realpath(file);
    if (!inside(file) || !(await stat(file)).isFile()) return null;
    return file;
  } catch {
    return null;
  }
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

async function serveFile(req, res, realRoot, pathname) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  const file = await resolveFile(realRoot, pathname);
  if (!file) {
    send(res, 404, 'Not found\n');
    return;
  }
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const { size } = await stat(file);
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': size });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

/**
 * Serves `root` and the API on http://127.0.0.1:`port` (0 picks a free port),
 * confirming sign-ins on `atPlatform` ({ root: 'host:port', ca?: PEM }; the
 * real atPlatform when absent). Resolves once listening, with the base URL,
 * the origin sign-ins are checked against, and a `close()` that stops it.
 */
export async function startDemoServer({ port = 5173, root, atPlatform }) {
  const realRoot = await realpath(path.resolve(root));
  let origin = '';
  let api;
  async function handle(req, res) {
    const { host, port: ownPort } = new URL(origin);
    if (req.headers.host !== host) {
      // localhost is the same server to a person: send them to the name sign-ins are checked for.
      if (req.headers.host === `localhost:${ownPort}` && req.method === 'GET') {
        send(res, 308, '', { Location: new URL(req.url ?? '/', origin).href });
      } else send(res, 421, 'Misdirected request\n');
      return;
    }
    const { pathname } = new URL(req.url ?? '/', origin);
    if (pathname === '/api' || pathname.startsWith('/api/')) await api(req, res, pathname);
    else await serveFile(req, res, realRoot, pathname);
  }
  const server = createServer((req, res) =>
    handle(req, res).catch((error) => {
      console.error('demo server:', error);
      if (res.headersSent) res.destroy();
      else send(res, 500, 'Internal error\n');
    }),
  );

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: actualPort } = server.address();
  origin = `http://${HOST}:${actualPort}`;
  api = createDemoApi({ origin, atPlatform, headers: SECURITY_HEADERS });
  return {
    url: `${origin}/`,
    origin,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

// `node demo/server.mjs` serves the built demo (.output/demo) on its own.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../.output/demo', import.meta.url));
  const { url } = await startDemoServer({ port: Number(process.env.PORT ?? 5173), root });
  console.log(`Demo site: ${url}`);
}
