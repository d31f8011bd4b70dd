// An origin as a person should read it (DESIGN §5): the host in the letters
// it shows on screen, the scheme and port as separate parts, and reasons to
// look twice — plain http, or a name that may imitate another site.
import { hostToUnicode } from './punycode';

export interface OriginParts {
  /** the origin exactly as the browser gave it */
  origin: string;
  /** "https", "http" */
  scheme: string;
  /** the host as it reads, international labels decoded */
  host: string;
  /** the host as the browser has it (punycode), when that differs from `host`; else null */
  asciiHost: string | null;
  /** the port when it is not the scheme's default; else null */
  port: string | null;
  /** uses international characters, or mixes Latin letters with Cyrillic or Greek ones */
  lookAlike: boolean;
  /** plain http to a host other than this computer */
  insecure: boolean;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.has(hostname) || hostname.endsWith('.localhost');
}

export function hasPunycodeLabel(hostname: string): boolean {
  return hostname.split('.').some((label) => /^xn--/i.test(label));
}

/** Latin mixed with Cyrillic or Greek in one label, the classic way to imitate a name. */
export function mixesScripts(host: string): boolean {
  return host.split('.').some((label) => /\p{Script=Latin}/u.test(label) && /[\p{Script=Cyrillic}\p{Script=Greek}]/u.test(label));
}

/** The parts of an origin. One that is not a web address is shown whole, as not secure. */
export function describeOrigin(origin: string): OriginParts {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return { origin, scheme: '', host: origin, asciiHost: null, port: null, lookAlike: false, insecure: true };
  }
  const host = hostToUnicode(url.hostname) || origin;
  return {
    origin,
    scheme: url.protocol.replace(/:$/, ''),
    host,
    asciiHost: url.hostname && host !== url.hostname ? url.hostname : null,
    port: url.port || null,
    lookAlike: hasPunycodeLabel(url.hostname) || mixesScripts(host),
    insecure: url.protocol === 'http:' && !isLoopbackHost(url.hostname),
  };
}

/** Reasons to look twice at an origin, as the popup words them: plain http, or a punycode (look-alike) name. */
export function originWarnings(origin: string): string[] {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return ['This is not a normal web address.'];
  }
  const warnings: string[] = [];
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    warnings.push('Not secure: this site does not use https.');
  }
  if (hasPunycodeLabel(url.hostname)) {
    warnings.push('This name uses international characters and may imitate another site.');
  }
  return warnings;
}

/** The host a person reads for an origin; the origin itself when it has none. */
export function displayHost(origin: string): string {
  return describeOrigin(origin).host;
}
