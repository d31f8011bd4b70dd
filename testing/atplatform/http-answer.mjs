// What the root's and the atServers' HTTPS doors send, kept as plain data
// ({ status, headers, body }) so the same answer can go out through Node's
// http response or, for a request that asked to upgrade, straight onto the
// socket. Atsign's servers answer with Dart's HttpServer, whose responses
// carry these headers unless a handler changes them — and never a CORS header.
import { STATUS_CODES } from 'node:http';

/** Dart's `HttpServer.defaultResponseHeaders`. */
export const DART_DEFAULT_HEADERS = Object.freeze({
  'content-type': 'text/plain; charset=utf-8',
  'x-frame-options': 'SAMEORIGIN',
  'x-content-type-options': 'nosniff',
  'x-xss-protection': '1; mode=block',
});

/**
 * @typedef {{ status: number, headers?: Record<string, string>, body?: string | Uint8Array }} HttpAnswer
 */

/** An answer with Dart's default headers under the handler's own. */
export function answer(status, body = '', headers = {}) {
  return { status, headers: { ...DART_DEFAULT_HEADERS, ...headers }, body };
}

/** Sends `reply` through a Node http response. */
export function send(res, reply) {
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : Buffer.from(reply.body ?? []);
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(body.length) });
  res.end(body);
}

/** `reply` as raw HTTP/1.1 bytes, for a socket taken over by an upgrade request; the connection then closes. */
export function toRawHttp(reply) {
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : Buffer.from(reply.body ?? []);
  const head = [`HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? ''}`];
  for (const [name, value] of Object.entries({ ...reply.headers, 'content-length': String(body.length), connection: 'close' })) {
    head.push(`${name}: ${value}`);
  }
  return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}

/**
 * A request target split as Dart's `Uri` gives it: the path still escaped, the query
 * parameters decoded (`+` is a space; a repeated name keeps its last value).
 */
export function splitTarget(target) {
  const at = target.indexOf('?');
  const path = at === -1 ? target : target.slice(0, at);
  const query = at === -1 ? '' : target.slice(at + 1);
  const params = {};
  for (const [name, value] of new URLSearchParams(query)) params[name] = value;
  return { path, query, params };
}

/**
 * Percent-decodes a path as Dart's `Uri.decodeComponent` does after `Uri.parse`: a `%` not
 * followed by two hex digits stands for itself. Null when the bytes are not UTF-8.
 */
export function decodePath(path) {
  try {
    return decodeURIComponent(path.replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
  } catch {
    return null;
  }
}
