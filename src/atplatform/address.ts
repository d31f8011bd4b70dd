// "host:port", as the root directory answers and as people type an atServer's
// address: a DNS name, an IPv4 address, or an IPv6 address in brackets.

import { badInput, excerpt } from './errors';
import type { AtAddress } from './transport';

const shown = (text: string): string => excerpt(text, 60);
const DNS_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV6 = /^[0-9a-f:.]+$/i;

function checkPort(text: string, whole: string): number {
  if (!/^\d{1,5}$/.test(text)) throw badInput(`${shown(whole)} has no port number after the colon.`);
  const port = Number(text);
  if (port < 1 || port > 65535) throw badInput(`${shown(whole)} has a port outside 1–65535.`);
  return port;
}

/** Parses "host:port"; throws AtClientError('bad-input') with a sentence saying what is wrong. */
export function parseAddress(text: string): AtAddress {
  if (typeof text !== 'string') throw badInput('An address must be text like "host:port".');
  const whole = text.trim();
  if (whole.length > 300) throw badInput('That address is too long to be "host:port".');
  const bracketed = /^\[([^\]]+)\]:([^:]*)$/.exec(whole);
  if (bracketed) {
    const [, host = '', port = ''] = bracketed;
    if (!IPV6.test(host) || !host.includes(':')) throw badInput(`${shown(whole)} has an invalid IPv6 address.`);
    return { host, port: checkPort(port, whole) };
  }
  const colon = whole.lastIndexOf(':');
  if (colon <= 0) throw badInput(`${shown(whole)} is not "host:port".`);
  const host = whole.slice(0, colon);
  if (host.includes(':')) throw badInput(`${shown(whole)}: an IPv6 address must be in brackets, like "[::1]:6464".`);
  if (!IPV4.test(host) && !DNS_NAME.test(host)) throw badInput(`${shown(whole)} does not start with a valid host name.`);
  return { host, port: checkPort(whole.slice(colon + 1), whole) };
}

/** "host:port", with brackets around an IPv6 host. */
export function formatAddress({ host, port }: AtAddress): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
