// A fetch for Node tests that trusts the local atPlatform's test CA, with
// verification on: enough of fetch for the wallet's root lookup.
import { request, type RequestOptions } from 'node:https';
import type { FetchLike } from '@/src/background/atplatform/root-over-https';

export function trustingFetch(caPem: string): FetchLike {
  // Node hands these to tls.connect; its types do not list ALPNProtocols.
  const options: RequestOptions & { ALPNProtocols: string[] } = { ca: caPem, ALPNProtocols: ['http/1.1'] };
  return (url) =>
    new Promise((resolve, reject) => {
      const req = request(url, options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, text: () => Promise.resolve(body) });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
}
