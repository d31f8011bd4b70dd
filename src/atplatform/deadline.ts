// Opening a connection through a caller-supplied connector gets the same
// deadline as every command: a connector that never settles must not hang us,
// and a transport that opens after we gave up is closed, not leaked.

import { AtClientError } from './errors';
import type { AtAddress, AtConnector, AtTransport } from './transport';
import { formatAddress } from './address';

export function connectWithin(connect: AtConnector, address: AtAddress, timeoutMs: number): Promise<AtTransport> {
  if (typeof connect !== 'function') {
    return Promise.reject(new AtClientError('bad-input', 'A connector (options.connect) is needed to open connections.'));
  }
  return new Promise<AtTransport>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(new AtClientError('timeout', `Could not connect to ${formatAddress(address)} within ${timeoutMs} ms.`));
    }, timeoutMs);
    let opening: Promise<AtTransport>;
    try {
      opening = Promise.resolve(connect(address));
    } catch (error) {
      opening = Promise.reject(error);
    }
    opening.then(
      (transport) => {
        if (settled) {
          transport.close();
          return;
        }
        settled = true;
        clearTimeout(timer);
        resolve(transport);
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(
          error instanceof AtClientError
            ? error
            : new AtClientError('unreachable', `Could not connect to ${formatAddress(address)}.`, { cause: error }),
        );
      },
    );
  });
}
