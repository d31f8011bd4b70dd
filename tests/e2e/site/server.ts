// The test sites: plain pages served on 127.0.0.1 under a strict CSP, as a
// careful real site would serve them. Two servers on two ports are two
// origins, which is what the cross-origin iframe tests need.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('./public/', import.meta.url));
const STRICT_CSP = "default-src 'self'; script-src 'self'";
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

export interface TestSite {
  origin: string;
  url(path: string): string;
  /** Lets this site embed pages of another origin in an iframe. */
  allowFramesFrom(origin: string): void;
  close(): Promise<void>;
}

export async function startTestSite(): Promise<TestSite> {
  const frameOrigins: string[] = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const name = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
    const type = TYPES[name.slice(name.lastIndexOf('.'))];
    if (!/^[a-z-]+\.(html|js)$/.test(name) || !type) {
      res.writeHead(404).end('not found');
      return;
    }
    try {
      let body = await readFile(ROOT + name, 'utf8');
      // with-frame.html embeds the page named by ?src= (an origin this site allows).
      const src = url.searchParams.get('src');
      if (src) body = body.replace('about:blank', src.replace(/[^a-zA-Z0-9:/.?=&_-]/g, ''));
      const frameSrc = frameOrigins.length ? `; frame-src ${frameOrigins.join(' ')}` : '';
      // no-csp.html is the one page without a policy, for probes a CSP would block.
      const csp = name === 'no-csp.html' ? {} : { 'content-security-policy': STRICT_CSP + frameSrc };
      res.writeHead(200, { 'content-type': type, ...csp });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => origin + path,
    allowFramesFrom: (other) => void frameOrigins.push(other),
    // A browser keeps idle connections open; close them too, or close() waits for the browser.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
