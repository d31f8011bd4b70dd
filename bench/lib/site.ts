// The page the benchmarks load: plain, local, under the same strict CSP as
// the e2e test sites, and never cached, so every load is a real load in both
// browsers alike. COOP/COEP make the page cross-origin isolated, which gives
// performance.now() 5 µs steps instead of 100 µs — round trips are ~1 ms.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>A plain page</title>
  </head>
  <body>
    <h1>A plain page</h1>
    <p>Nothing here but text: what the wallet adds to a page load is all there is to see.</p>
  </body>
</html>
`;

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'self'; script-src 'self'",
  'cache-control': 'no-store',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

export interface BenchSite {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

export async function startBenchSite(): Promise<BenchSite> {
  const server = http.createServer((_req, res) => res.writeHead(200, HEADERS).end(PAGE));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => origin + path,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Browsers keep connections open; the figures are taken, so cut them.
        server.closeAllConnections();
      }),
  };
}
