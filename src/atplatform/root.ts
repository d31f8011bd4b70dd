// Finding an atSign's atServer through the root directory's own line
// protocol (ATPLATFORM §1): on connect the root writes "@"; we send the atSign
// without its "@" and a newline; it answers "host:port\r\n@", or "null\r\n@"
// for an atSign it does not know; "@exit" says goodbye. One lookup per
// connection: the root slows and then drops a connection after repeated misses.

import { formatAddress, parseAddress } from './address';
import { requireAtSign } from './atsign-input';
import { checkTimeout, DEFAULT_TIMEOUT_MS } from './connection';
import { connectWithin } from './deadline';
import { AtClientError, excerpt, malformed } from './errors';
import type { AtAddress, AtConnector, AtTransport } from './transport';

/** The root's answers are short; anything longer is not the root. */
const MAX_ANSWER_CHARS = 1024;

export interface FindAtServerOptions {
  connect: AtConnector;
  /** Longest wait for the connection, and then for the answer. Default 10 s. */
  timeoutMs?: number;
}

/** Where `atSign`'s atServer runs, or null when the root does not know the atSign. */
export async function findAtServer(root: string, atSign: string, options: FindAtServerOptions): Promise<AtAddress | null> {
  const rootAddress = parseAddress(root);
  const name = requireAtSign(atSign).slice(1);
  const timeoutMs = options?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  checkTimeout(timeoutMs);
  const transport = await connectWithin(options?.connect, rootAddress, timeoutMs);
  try {
    const answer = await ask(transport, name, formatAddress(rootAddress), timeoutMs);
    if (answer === 'null') return null;
    try {
      return parseAddress(answer);
    } catch (error) {
      throw malformed(`The root answered ${excerpt(answer)}, which is not an address.`, error);
    }
  } finally {
    try {
      transport.send('@exit\n');
    } catch {
      // Already gone; closing below is all that is left.
    }
    transport.close();
  }
}

/** Waits for the prompt, sends the name, and resolves with the answer line (trimmed). */
function ask(transport: AtTransport, name: string, where: string, timeoutMs: number): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let buffer = '';
    let greeted = false;
    let done = false;
    const finish = (error: Error | null, answer = '') => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(answer);
    };
    const timer = setTimeout(
      () => finish(new AtClientError('timeout', `The root ${where} did not answer within ${timeoutMs} ms.`)),
      timeoutMs,
    );
    transport.onText((text) => {
      if (done) return;
      buffer += text;
      if (!greeted) {
        if (!buffer.startsWith('@')) return finish(malformed(`The root ${where} sent ${excerpt(buffer)} instead of its "@" prompt.`));
        greeted = true;
        buffer = buffer.slice(1);
        try {
          transport.send(`${name}\n`);
        } catch (error) {
          return finish(new AtClientError('closed', `The connection to the root ${where} failed.`, { cause: error }));
        }
      }
      const newline = buffer.indexOf('\n');
      if (newline !== -1) return finish(null, buffer.slice(0, newline).trim());
      if (buffer.length > MAX_ANSWER_CHARS) finish(malformed(`The root ${where} sent an answer that never ends.`));
    });
    transport.onClose((error) => {
      finish(new AtClientError('closed', `The root ${where} closed the connection without answering.`, error ? { cause: error } : undefined));
    });
  });
}
