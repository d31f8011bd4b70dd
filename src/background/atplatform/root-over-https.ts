// Finding an atSign's atServer from a browser. A browser cannot open the
// root's TLS line protocol, so the wallet asks the root over HTTPS where it
// answers (ATPLATFORM §1): `GET https://<root>/@alice` → 200 with `host:port`,
// 404 for an atSign it does not know. The root has no CORS headers; the
// extension reads it with its host permission. The answer is read a piece at
// a time and given up as soon as it is longer than any address, so a broken
// or hostile root cannot fill the wallet's memory.

import { parseAddress, type AtAddress } from '@/src/atplatform';
import { rootOrigin } from '@/src/shared/root-origin';

/** As much of fetch as the wallet uses: the status, and the body to read as a stream. */
export type FetchLike = (url: string, init?: RequestInit) => Promise<{ status: number; body: ReadableStream<Uint8Array> | null }>;

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

/**
 * The most the wallet reads of the root's answer. An address is ASCII and at
 * most 300 characters (parseAddress), so 1 KiB leaves room for a newline or
 * spaces around it; the rest of a longer answer is never read.
 */
const MAX_ANSWER_BYTES = 1024;

/** The answer was longer than MAX_ANSWER_BYTES; reading it stopped there. */
class AnswerTooLong extends Error {
  constructor() {
    super(`The answer is longer than ${MAX_ANSWER_BYTES} bytes.`);
    this.name = 'AnswerTooLong';
  }
}

/**
 * The body as text, read until it ends or passes MAX_ANSWER_BYTES (then the
 * rest is cancelled and AnswerTooLong thrown). `signal` ending stops the read
 * as well, whether or not the fetch behind the body heeds it.
 */
async function readAnswer(body: ReadableStream<Uint8Array> | null, signal: AbortSignal): Promise<string> {
  if (body === null) return '';
  const reader = body.getReader();
  const stop = (): void => void reader.cancel(signal.reason).catch(() => undefined);
  signal.addEventListener('abort', stop, { once: true });
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    for (;;) {
      signal.throwIfAborted();
      const { done, value } = await reader.read();
      signal.throwIfAborted();
      if (done) return text + decoder.decode();
      bytes += value.byteLength;
      if (bytes > MAX_ANSWER_BYTES) {
        void reader.cancel().catch(() => undefined);
        throw new AnswerTooLong();
      }
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

/** Where `atSign`'s atServer runs, or null when the root does not know it. */
export async function findAtServerOverHttps(
  root: string,
  atSign: string,
  fetch: FetchLike,
  timeoutMs = 10_000,
): Promise<AtAddress | null> {
  const origin = rootOrigin(root);
  const url = `${origin}/${encodeURIComponent(atSign)}`;
  const malformed = (cause: unknown): RootLookupError =>
    new RootLookupError('malformed', `The root at ${origin} did not answer with an address.`, { cause });
  // One deadline for the request and for reading the answer.
  const signal = AbortSignal.timeout(timeoutMs);
  let status: number;
  let body: string;
  try {
    const response = await fetch(url, { cache: 'no-store', credentials: 'omit', redirect: 'error', signal });
    status = response.status;
    if (status === 200) body = await readAnswer(response.body, signal);
    else {
      body = '';
      void response.body?.cancel().catch(() => undefined);
    }
  } catch (error) {
    if (error instanceof AnswerTooLong) throw malformed(error);
    throw new RootLookupError('unreachable', `The root at ${origin} could not be reached.`, { cause: error });
  }
  if (status === 404) return null;
  if (status !== 200) throw new RootLookupError('unreachable', `The root at ${origin} answered HTTP ${status}.`);
  try {
    return parseAddress(body.trim());
  } catch (error) {
    throw malformed(error);
  }
}
