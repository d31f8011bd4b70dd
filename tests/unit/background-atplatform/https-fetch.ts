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
          const bytes = new Uint8Array(Buffer.concat(chunks));
          const body = new ReadableStream<Uint8Array>({
            start(controller) {
              if (bytes.byteLength > 0) controller.enqueue(bytes);
              controller.close();
            },
          });
          resolve({ status: res.statusCode ?? 0, body });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
}
