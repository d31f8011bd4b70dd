// Look-alike names (DESIGN §5, issue #17): does a site that asks the wallet
// for something have a name made to pass for a site the person already
// trusts? The rules are tight, so that unrelated sites never warn:
//
// - Sites are compared by registrable domain: one label plus its public suffix,
//   from the public suffix list with its private section, so alice.github.io
//   and bob.github.io are two sites while login.example.com is example.com.
// - No warning when the asking site is one the person trusts (same registrable
//   domain as any trusted origin), nor for anything but http(s) names with a
//   registrable domain: IP addresses, localhost, bare suffixes, names past DNS
//   limits and strings that are not origins never warn.
// - Names are compared as they read: punycode decoded, then taken to their
//   UTS #39 skeleton (case folded, see ./look-alike/skeleton).
// - 'confusable': the two registrable domains differ but their skeletons are equal
//   ("examp1e.com", "rnicrosoft.com", "аpple.com" with a Cyrillic а).
// - 'spelling': under the same suffix, the labels' skeletons are one edit apart
//   (insert, delete, change, swap of neighbours), or two when both labels have
//   at least 9 characters ("exmaple.com"). Edits are counted over the
//   skeleton's letters and, failing that, over its prototype for each
//   character, since the skeleton writes m as "rn": "rnicrosft" and
//   "exmaple" are both one edit away. Also the same label under another
//   suffix ("example.net" for "example.com"): that is the cheapest imitation
//   there is, and it warns only about names the person already trusts; a
//   brand's other country site is a different site to the wallet anyway.
//   Labels under 4 characters never warn by spelling: too many real sites are
//   one letter apart.
// - Several matches: any confusable before any spelling, then list order.
import { parse } from 'tldts/dist/index.esm.min.js';
import { withinEdits } from './look-alike/edit-distance';
import { hostPrototypes, hostSkeleton } from './look-alike/skeleton';
import { hostToUnicode } from './look-alike/unicode-host';

export interface LookAlike {
  /** the trusted origin exactly as given */
  trusted: string;
  reason: 'confusable' | 'spelling';
}

const MAX_HOST = 253; // DNS's limit; also bounds the work per name
const MIN_SPELLING = 4;
const LONG_LABEL = 9;

interface Site {
  /** registrable domain as the browser has it (ASCII) */
  domain: string;
  /** skeleton of the label left of the public suffix */
  label: string;
  /** the same, by code point */
  labelPoints: string[];
  /** the label's skeleton, one string for each character of the label */
  labelPrototypes: string[];
  /** characters in that label as it reads */
  labelLength: number;
  /** skeleton of the public suffix */
  suffix: string;
}

function siteOf(origin: string): Site | null {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return null;
  }
  const host = url.hostname;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (host.length > MAX_HOST || host === 'localhost' || host.endsWith('.localhost')) return null;
  const { domain, domainWithoutSuffix, publicSuffix, isIp } = parse(host, { allowPrivateDomains: true });
  if (isIp || !domain || !domainWithoutSuffix || !publicSuffix) return null;
  const label = hostToUnicode(domainWithoutSuffix);
  const labelSkeleton = hostSkeleton(label);
  return {
    domain,
    label: labelSkeleton,
    labelPoints: [...labelSkeleton],
    labelPrototypes: hostPrototypes(label),
    labelLength: [...label].length,
    suffix: hostSkeleton(hostToUnicode(publicSuffix)),
  };
}

function compare(asking: Site, trusted: Site): LookAlike['reason'] | null {
  const sameLabel = asking.label === trusted.label;
  if (sameLabel && asking.suffix === trusted.suffix) return 'confusable';
  if (Math.min(asking.labelLength, trusted.labelLength) < MIN_SPELLING) return null;
  if (sameLabel) return 'spelling'; // the same name under another suffix
  if (asking.suffix !== trusted.suffix) return null;
  const edits = asking.labelLength >= LONG_LABEL && trusted.labelLength >= LONG_LABEL ? 2 : 1;
  const near =
    withinEdits(asking.labelPoints, trusted.labelPoints, edits) ||
    withinEdits(asking.labelPrototypes, trusted.labelPrototypes, edits);
  return near ? 'spelling' : null;
}

/** The trusted site that `origin` seems to imitate, if any; never throws. */
export function lookAlikeOf(origin: string, trusted: readonly string[]): LookAlike | null {
  const asking = siteOf(origin);
  if (!asking) return null;
  let spelling: LookAlike | null = null;
  let confusable: LookAlike | null = null;
  for (const candidate of trusted) {
    const site = siteOf(candidate);
    if (!site) continue;
    if (site.domain === asking.domain) return null; // a site the person trusts
    if (confusable) continue;
    const reason = compare(asking, site);
    if (reason === 'confusable') confusable = { trusted: candidate, reason };
    else if (reason === 'spelling' && !spelling) spelling = { trusted: candidate, reason };
  }
  return confusable ?? spelling;
}
