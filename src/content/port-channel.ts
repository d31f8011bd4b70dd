// The relay's line to the background: one port, opened on the first request
// and again after the background went away (a stopped service worker closes
// it). Each request is numbered and settled by the reply with its number; a
// request still waiting when its port closes fails, so nothing hangs.
import type { PortReply, PortRequest } from '../shared/protocol';

/** What the relay needs of a runtime.Port; Chromium's and Firefox's both fit. */
export interface ChannelPort {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

type Waiting = { resolve: (reply: unknown) => void; reject: (error: Error) => void };

export function portChannel(connect: () => ChannelPort): (message: PortRequest['message']) => Promise<unknown> {
  let open: { port: ChannelPort; waiting: Map<number, Waiting> } | null = null;
  let seq = 0;

  const start = () => {
    const line = { port: connect(), waiting: new Map<number, Waiting>() };
    line.port.onMessage.addListener((message) => {
      const { id, reply } = (message ?? {}) as Partial<PortReply>;
      const waiting = typeof id === 'number' ? line.waiting.get(id) : undefined;
      if (!waiting) return;
      line.waiting.delete(id!);
      waiting.resolve(reply);
    });
    line.port.onDisconnect.addListener(() => {
      if (open === line) open = null;
      for (const waiting of line.waiting.values()) waiting.reject(new Error('The wallet closed the connection'));
      line.waiting.clear();
    });
    return line;
  };

  return (message) =>
    new Promise((resolve, reject) => {
      const id = ++seq;
      let line: NonNullable<typeof open> | undefined;
      try {
        line = open ??= start();
        line.waiting.set(id, { resolve, reject });
        line.port.postMessage({ id, message } satisfies PortRequest);
      } catch (error) {
        // A port that can no longer send (the extension was updated or
        // removed under the page): this request fails, the next one reconnects.
        line?.waiting.delete(id);
        if (open === line) open = null;
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
}
