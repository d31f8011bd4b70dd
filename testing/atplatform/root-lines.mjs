// The root's line protocol on one connection, as at_root_server's RootClient
// runs it: the prompt `@`; text is lowercased and gathered until it ends in
// `\n`, then the whole of it, trimmed, is looked up — `host:port\r\n@`, or
// `null\r\n@`. `@exit` closes (even before its newline); more than 255
// characters waiting closes; the 2nd miss on a connection is answered late,
// and the 3rd closes the connection (also late).
import { StringDecoder } from 'node:string_decoder';

/** The root's buffer holds this many characters (UTF-16 units, as Dart counts them). */
export const ROOT_BUFFER_CAPACITY = 255;

/**
 * @param {import('node:tls').TLSSocket} socket
 * @param {(name: string) => string | null} lookup an atSign without its `@` → `host:port`, or null
 * @param {number} missDelayMs how late the 2nd and later misses are answered (3 s on the real root)
 */
export function serveRootLines(socket, lookup, missDelayMs) {
  const decoder = new StringDecoder('utf8');
  let buffer = '';
  let misses = 0;
  let closed = false;
  /** The pending slow-down, cut short when the connection goes. */
  let waiting = null;
  // The real root handles each chunk in its own async callback; here they are
  // taken one at a time, so a chunk arriving during a slow-down waits its turn.
  let queue = Promise.resolve();

  const close = () => {
    closed = true;
    socket.destroy();
  };
  socket.on('close', () => {
    closed = true;
    waiting?.();
  });
  socket.on('data', (chunk) => {
    const text = decoder.write(chunk);
    queue = queue.then(() => handle(text));
  });
  socket.write('@');

  function pause(ms) {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        waiting = null;
        resolve();
      }
      waiting = done;
    });
  }

  async function handle(text) {
    if (closed) return;
    const message = text.toLowerCase();
    if (buffer.length + message.length > ROOT_BUFFER_CAPACITY) return close();
    buffer += message;
    const payload = buffer.trim();
    if (payload === '@exit') return close();
    if (!buffer.endsWith('\n')) return;
    const found = lookup(payload);
    if (found === null) {
      misses += 1;
      if (misses > 1) await pause(missDelayMs);
      if (misses > 2 || closed) return close();
    }
    socket.write(`${found ?? 'null'}\r\n@`);
    buffer = '';
  }
}
