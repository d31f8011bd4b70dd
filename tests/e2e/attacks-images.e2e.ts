// The wallet's own pages load pictures only from the extension and from data:
// URLs (CSP img-src): whatever text reaches them — a persona's picture given
// by address, a site's words — an image elsewhere is never fetched, so no
// server learns that a window of the wallet was opened, or when.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserNames, launchWallet, type WalletBrowser } from './harness';

const DOT = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe.each(browserNames)('%s: pictures in the wallet’s pages', (browserName) => {
  let wallet: WalletBrowser;
  let server: http.Server;
  let asked = 0;
  let origin = '';

  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      asked += 1;
      res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from(DOT.split(',')[1]!, 'base64'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    wallet = await launchWallet(browserName);
  });
  afterAll(async () => {
    await wallet?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it.each(['/popup.html', '/personas.html', '/onboarding.html'])('%s loads no picture from elsewhere, and still shows one from a data: URL', async (path) => {
    const page = await wallet.openExtensionPage(path);
    const loaded = await page.evaluate(
      ([away, local]) => {
        const load = (src: string) =>
          new Promise<boolean>((resolve) => {
            const img = new Image();
            img.onload = () => resolve(true);
            img.onerror = () => resolve(false);
            img.src = src;
            document.body.append(img);
          });
        return Promise.all([load(away), load(local)]);
      },
      [`${origin}/tracker.png`, DOT] as const,
    );
    expect(loaded).toEqual([false, true]);
    expect(asked).toBe(0);
    await page.close();
  });
});
