// The atPlatform root as a person names it, checked the same way in the
// wallet's pages and its background.

/**
 * The root as the person names it: `root.atsign.org`, `host:port` or
 * `https://host[:port]`, always HTTPS. Returns the origin, e.g.
 * `https://root.atsign.org`; throws a TypeError with a sentence for anything else.
 */
export function rootOrigin(input: string): string {
  const text = input.trim();
  if (text === '' || /\s/.test(text)) throw new TypeError('Enter the root as a host name, like root.atsign.org.');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new TypeError(`"${text}" is not a host name.`);
  }
  if (url.protocol !== 'https:') throw new TypeError('The root is reached over HTTPS only.');
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw new TypeError('Enter only the root’s host name (and port), with no path.');
  }
  return url.origin;
}
