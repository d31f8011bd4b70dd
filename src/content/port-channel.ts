// The relay's line to the background: one port, opened on the first request
// and again after the background went away (a stopped service worker or event
// page closes it). Each request is numbered and settled by the reply with its
// number; nothing hangs.
//
// The background says at once that a request arrived. When a port closes, a
// request the background never received — posted on a port that was already
// dead, before the browser said so — is sent once more on a new port: that
// costs the page nothing and wakes the background. A request that did arrive
// fails, because its answer died with the background and asking again might
// open a second window.
import type { PortReceived, PortReply, PortRequest } from '../shared/protocol';

/** What the relay needs of a runtime.Port; Chromium's and Firefox's both fit. */
export interface ChannelPort {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

interface Waiting {
  readonly message: PortRequest['message'];
  readonly resolve: (reply: unknown) => void;
  readonly reject: (error: Error) => void;
  /** The background said it has the request. */
  received: boolean;
  /** Already sent a second time: it is not sent a third. */
  resent: boolean;
}

type Line = { port: ChannelPort; waiting: Map<number, Waiting> };

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

export function portChannel(connect: () => ChannelPort): (message: PortRequest['message']) => Promise<unknown> {
  let open: Line | null = null;
  let seq = 0;

  /** Sends `waiting` as request `id` on the open port, opening one if need be; throws if it cannot. */
  const post = (id: number, waiting: Waiting) => {
    const line = (open ??= start());
    line.waiting.set(id, waiting);
    try {
      line.port.postMessage({ id, message: waiting.message } satisfies PortRequest);
    } catch (error) {
      // A port that can no longer send (the background stopped, or the extension
      // was updated or removed under the page), before the browser said so.
      line.waiting.delete(id);
      if (open === line) open = null;
      throw error;
    }
  };

  /** Sends once more what the background never received, or fails it. */
  const again = (id: number, waiting: Waiting, error: unknown) => {
    if (waiting.received || waiting.resent) return waiting.reject(asError(error));
    waiting.resent = true;
    try {
      post(id, waiting);
    } catch (second) {
      waiting.reject(asError(second));
    }
  };

  const start = (): Line => {
    const line: Line = { port: connect(), waiting: new Map() };
    line.port.onMessage.addListener((message) => {
      const { id, ...rest } = (message ?? {}) as Partial<PortReply & PortReceived>;
      const waiting = typeof id === 'number' ? line.waiting.get(id) : undefined;
      if (!waiting) return;
      if (rest.received === true && !('reply' in rest)) {
        waiting.received = true;
        return;
      }
      line.waiting.delete(id!);
      waiting.resolve(rest.reply);
    });
    line.port.onDisconnect.addListener(() => {
      if (open === line) open = null;
      const left = [...line.waiting];
      line.waiting.clear();
      for (const [id, waiting] of left) again(id, waiting, new Error('The wallet closed the connection'));
    });
    return line;
  };

  return (message) =>
    new Promise((resolve, reject) => {
      const id = ++seq;
      const waiting: Waiting = { message, resolve, reject, received: false, resent: false };
      try {
        post(id, waiting);
      } catch (error) {
        again(id, waiting, error);
      }
    });
}
