// Finding an atSign's atServer from a browser. A browser cannot open the
// root's TLS line protocol, so the wallet asks the root over HTTPS where it
// answers (ATPLATFORM §1): `GET https://<root>/@alice` → 200 with `host:port`,
// 404 for an atSign it does not know. The root has no CORS headers; the
// extension reads it with its host permission.

import { parseAddress, type AtAddress } from '@/src/atplatform';
import { rootOrigin } from '@/src/shared/root-origin';

export type FetchLike = (url: string, init?: RequestInit) => Promise<Pick<Response, 'status' | 'text'>>;

/** Why the root gave no address: it does not know the atSign, or it could not be asked. */
export class RootLookupError extends Error {
  constructor(
    readonly problem: 'unreachable' | 'malformed',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RootLookupError';
  }
}

const MAX_ANSWER_CHARS = 1024;

/** Where `atSign`'s atServer runs, or null when the root does not know it. */
export async function findAtServerOverHttps(
  root: string,
  atSign: string,
  fetch: FetchLike,
  timeoutMs = 10_000,
): Promise<AtAddress | null> {
  const origin = rootOrigin(root);
  const url = `${origin}/${encodeURIComponent(atSign)}`;
  let status: number;
  let body: string;
  try {
    const response = await fetch(url, {
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    body = status === 200 ? await response.text() : '';
  } catch (error) {
    throw new RootLookupError('unreachable', `The root at ${origin} could not be reached.`, { cause: error });
  }
  if (status === 404) return null;
  if (status !== 200) throw new RootLookupError('unreachable', `The root at ${origin} answered HTTP ${status}.`);
  const answer = body.trim();
  try {
    if (answer.length > MAX_ANSWER_CHARS) throw new Error('too long');
    return parseAddress(answer);
  } catch (error) {
    throw new RootLookupError('malformed', `The root at ${origin} did not answer with an address.`, { cause: error });
  }
}
