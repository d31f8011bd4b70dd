// info and noop.
import { fail } from '../errors.mjs';

/** The at_secondary version whose doors (ALPN, /ws, HTTPS) this atServer has. */
export const SERVER_VERSION = '3.2.0';

function words(ms) {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 86400)} days, ${Math.floor(s / 3600) % 24} hours, ${Math.floor(s / 60) % 60} minutes, ${s % 60} seconds`;
}

export function info(server, _session, groups, _io, command) {
  const uptime = Date.now() - server.startedAt;
  return command === 'info'
    ? JSON.stringify({ version: SERVER_VERSION, uptimeAsWords: words(uptime) })
    : JSON.stringify({ version: SERVER_VERSION, uptimeAsMillis: uptime });
}

export async function noop(_server, _session, { delayMillis }) {
  const delay = Number(delayMillis);
  if (delay > 5000) throw fail('IllegalArgumentException', 'delayMillis may not be greater than 5000');
  await new Promise((resolve) => setTimeout(resolve, delay));
  return 'ok';
}
