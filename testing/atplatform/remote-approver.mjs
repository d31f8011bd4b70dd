// The person's other app, reached over the network: the same approver the
// local atServer offers in process (atserver/approver.mjs), but talking to an
// atServer over TLS (ALPN atProtocol/1.0) like any atPlatform app. Tests that
// run apart from the process holding the local atPlatform (the browser
// tests) approve, deny and revoke with it, and get one-time codes.
import { connect as tlsConnect } from 'node:tls';
import { createApprover } from './atserver/approver.mjs';
import { fixAtSign } from './atserver/at-sign.mjs';
import { openAtKeys } from './atserver/seed.mjs';

/**
 * One TLS connection as the approver's session: text to it is written out;
 * what arrives is handed on one whole reply at a time — a line, then the
 * prompt after it, which has no newline of its own: "@" until the connection
 * is authenticated ("data:success"), "@alice@" from that reply on.
 */
function tlsSession(address, ca, atSign) {
  const [host, port] = [address.slice(0, address.lastIndexOf(':')), Number(address.slice(address.lastIndexOf(':') + 1))];
  return (io) => {
    const socket = tlsConnect({ host, port, ca, ALPNProtocols: ['atProtocol/1.0'], servername: host === '127.0.0.1' ? undefined : host });
    socket.setEncoding('utf8');
    let buffer = '';
    let greeted = false;
    let authenticated = false;
    socket.on('data', (text) => {
      buffer += text;
      if (!greeted && buffer.startsWith('@')) {
        greeted = true;
        buffer = buffer.slice(1);
        io.write('@');
      }
      for (;;) {
        const newline = buffer.indexOf('\n');
        if (newline < 0) return;
        if (buffer.slice(0, newline) === 'data:success') authenticated = true;
        const prompt = authenticated ? `${atSign}@` : '@';
        if (!buffer.startsWith(prompt, newline + 1)) return;
        const end = newline + 1 + prompt.length;
        io.write(buffer.slice(0, end));
        buffer = buffer.slice(end);
      }
    });
    socket.on('error', () => io.close());
    socket.on('close', () => io.close());
    return { receive: (text) => socket.write(text), end: () => socket.end() };
  };
}

/**
 * @param {{ atSign: string, address: string, ca: string, atKeys: Record<string, unknown> }} options
 *   address: the atServer's 'host:port'; ca: the test CA's PEM; atKeys: the
 *   atSign's parsed .atKeys (the approving app holds the atSign's keys)
 */
export function connectApprover({ atSign: given, address, ca, atKeys }) {
  const atSign = fixAtSign(given);
  return createApprover({ atSign }, openAtKeys(atKeys), tlsSession(address, ca, atSign));
}
