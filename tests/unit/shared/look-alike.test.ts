// Look-alike warnings (issue #17): a new site is compared with the sites the
// person trusts, and warns only when its name is made to pass for one of them.
import { domainToASCII } from 'node:url';
import fc from 'fast-check';
import punycode from 'punycode.js';
import { describe, expect, it } from 'vitest';
import { lookAlikeOf } from '@/src/shared/look-alike';
import { withinEdits } from '@/src/shared/look-alike/edit-distance';
import { hostSkeleton, skeleton } from '@/src/shared/look-alike/skeleton';
import { hostToUnicode } from '@/src/shared/look-alike/unicode-host';

/** The origin a browser gives for a name typed in Unicode. */
const https = (name: string) => `https://${domainToASCII(name)}`;

describe('skeleton', () => {
  it('maps look-alike letters to one prototype (UTS #39 confusables.txt)', () => {
    expect(skeleton('m')).toBe('rn');
    expect(skeleton('1')).toBe('l');
    expect(skeleton('аре')).toBe('ape'); // Cyrillic а, р, е
    expect(hostSkeleton('g00gle')).toBe(hostSkeleton('google'));
    expect(hostSkeleton('gοοgle')).toBe(hostSkeleton('google')); // Greek omicrons
    expect(hostSkeleton('rnicrosoft')).toBe(hostSkeleton('microsoft'));
  });
  it('gives the same host skeleton on the quick path for ASCII as by definition', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (text) => {
        expect(hostSkeleton(text)).toBe(skeleton(skeleton(text).toLowerCase()));
      }),
    );
  });
  it('takes Cyrillic palochka to i, as the data has it, not to l', () => {
    expect(hostSkeleton('аррӏе')).toBe('appie');
  });
});

describe('withinEdits', () => {
  const ed = (a: string, b: string, max: number) => withinEdits([...a], [...b], max);
  it.each([
    ['exmaple', 'example', 1], // two neighbours swapped
    ['exampe', 'example', 1], // one letter dropped
    ['examplle', 'example', 1], // one letter added
    ['exanple', 'example', 1], // one letter changed
    ['example', 'example', 0],
    ['wikkipedai', 'wikipedia', 2],
    ['ab', 'ba', 1],
    ['', 'ab', 2],
  ])('%s is within %i of %s', (a, b, max) => {
    expect(ed(a, b, max as number)).toBe(true);
    expect(ed(b, a, max as number)).toBe(true);
  });
  it.each([
    ['exmapel', 'example', 1],
    ['github', 'gitlab', 1],
    ['abcdef', 'badcfe', 2],
    ['', 'abc', 2],
  ])('%s is not within %i of %s', (a, b, max) => expect(ed(a, b, max as number)).toBe(false));

  it('agrees with the plain full-table distance', () => {
    const osa = (a: string[], b: string[]) => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          const cost = a[i - 1] === b[j - 1] ? 0 : 1;
          d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      }
      return d[a.length]![b.length]!;
    };
    const word = fc.string({ unit: fc.constantFrom(...'abcd'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        expect(withinEdits([...a], [...b], max)).toBe(osa([...a], [...b]) <= max);
      }),
    );
  });
});

describe('lookAlikeOf: confusable names', () => {
  it.each([
    [https('аpple.com'), 'https://apple.com'], // Cyrillic а
    ['https://rnicrosoft.com', 'https://microsoft.com'],
    ['https://examp1e.com', 'https://example.com'],
    ['https://paypa1.com', 'https://paypal.com'],
    ['https://g00gle.com', 'https://google.com'],
    [https('gοοgle.com'), 'https://google.com'], // Greek omicrons
    ['https://0x.com', 'https://ox.com'], // short names still warn when they are confusable
    ['https://examp1e.co.uk', 'https://example.co.uk'],
    ['https://a1ice.github.io', 'https://alice.github.io'],
    ['https://example.corn', 'https://example.com'],
  ])('%s imitates %s', (origin, trusted) => {
    expect(lookAlikeOf(origin, [trusted])).toEqual({ trusted, reason: 'confusable' });
  });

  it('catches the all-Cyrillic apple, by spelling: palochka reads as i in confusables.txt', () => {
    expect(lookAlikeOf('https://xn--80ak6aa92e.com', ['https://apple.com'])).toEqual({ trusted: 'https://apple.com', reason: 'spelling' });
  });

  it('compares the registrable domain, so a subdomain cannot hide it', () => {
    expect(lookAlikeOf('https://login.examp1e.com', ['https://www.example.com'])).toEqual({
      trusted: 'https://www.example.com',
      reason: 'confusable',
    });
  });
});

describe('lookAlikeOf: near spellings', () => {
  const trusted = ['https://example.com'];
  it.each(['https://exmaple.com', 'https://exampe.com', 'https://examplle.com', 'https://exanple.com', 'http://exmaple.com:8080'])(
    '%s is one edit from example.com',
    (origin) => expect(lookAlikeOf(origin, trusted)).toEqual({ trusted: 'https://example.com', reason: 'spelling' }),
  );

  it('counts m, whose skeleton is "rn", as one letter and as two', () => {
    expect(lookAlikeOf('https://exmaple.com', trusted)?.reason).toBe('spelling'); // skeleton "exrnaple"
    expect(lookAlikeOf('https://rnall.com', ['https://mail.com'])?.reason).toBe('spelling'); // skeleton "rnail"
  });

  it('allows two edits only when both names are long', () => {
    expect(lookAlikeOf('https://wikkipedai.org', ['https://wikipedia.org'])?.reason).toBe('spelling');
    expect(lookAlikeOf('https://exmapel.com', trusted)).toBeNull();
    expect(lookAlikeOf('https://vvikipedai.org', ['https://wikipedia.org'])).toBeNull(); // three edits
  });

  it('warns about the same name under another suffix, but not a near one', () => {
    expect(lookAlikeOf('https://example.net', trusted)).toEqual({ trusted: 'https://example.com', reason: 'spelling' });
    expect(lookAlikeOf('https://example.co.uk', trusted)).toEqual({ trusted: 'https://example.com', reason: 'spelling' });
    expect(lookAlikeOf('https://exmaple.net', trusted)).toBeNull();
  });

  it('never warns by spelling about names under 4 characters', () => {
    expect(lookAlikeOf('https://abd.com', ['https://abc.com'])).toBeNull();
    expect(lookAlikeOf('https://bbc.co.uk', ['https://bbc.com'])).toBeNull();
    expect(lookAlikeOf('https://abcd.com', ['https://abc.com'])).toBeNull();
    expect(lookAlikeOf('https://abce.com', ['https://abcd.com'])?.reason).toBe('spelling');
  });
});

describe('lookAlikeOf: no warning', () => {
  it('for the same site', () => {
    expect(lookAlikeOf('https://example.com', ['https://example.com'])).toBeNull();
    expect(lookAlikeOf('https://login.example.com', ['https://example.com'])).toBeNull();
    expect(lookAlikeOf('http://example.com:8080', ['https://www.example.com'])).toBeNull();
    expect(lookAlikeOf('https://shop.example.co.uk', ['https://example.co.uk'])).toBeNull();
    expect(lookAlikeOf('https://EXAMPLE.com.', ['https://example.com'])).toBeNull();
  });

  it('for a site the person trusts, even when it looks like another trusted one', () => {
    expect(lookAlikeOf('https://examp1e.com', ['https://example.com', 'https://examp1e.com'])).toBeNull();
  });

  it('for unrelated sites', () => {
    expect(lookAlikeOf('https://gitlab.com', ['https://github.com'])).toBeNull();
    expect(lookAlikeOf('https://carol.github.io', ['https://alice.github.io'])).toBeNull();
    expect(lookAlikeOf('https://news.sample.org', ['https://example.org', 'https://shop.example'])).toBeNull();
    expect(lookAlikeOf(https('münchen.de'), ['https://example.com'])).toBeNull();
  });

  it('for IP addresses and this computer', () => {
    expect(lookAlikeOf('http://192.168.1.1', ['http://192.168.1.7'])).toBeNull();
    expect(lookAlikeOf('http://[::1]:5173', ['http://[::2]'])).toBeNull();
    expect(lookAlikeOf('http://localhost:5173', ['http://localhost:3000'])).toBeNull();
    expect(lookAlikeOf('http://shop.localhost', ['http://shap.localhost'])).toBeNull();
    expect(lookAlikeOf('http://127.0.0.1:5173', ['https://example.com'])).toBeNull();
  });

  it('for strings that are not web origins, on either side', () => {
    for (const bad of ['', 'not an origin', 'https://', 'javascript:alert(1)', 'chrome-extension://abcdefgh', 'https://com', 'https://co.uk']) {
      expect(lookAlikeOf(bad, ['https://example.com'])).toBeNull();
      expect(lookAlikeOf('https://examp1e.com', [bad])).toBeNull();
    }
    expect(lookAlikeOf('https://examp1e.com', ['nonsense', 'https://example.com'])?.trusted).toBe('https://example.com');
  });

  it('for names past the limits of DNS', () => {
    const long = `https://${'a'.repeat(64)}.com`;
    expect(lookAlikeOf(long, [`https://${'a'.repeat(63)}.com`])).toBeNull();
  });
});

describe('lookAlikeOf: choosing among matches', () => {
  it('prefers a confusable name to a near spelling', () => {
    expect(lookAlikeOf('https://examp1e.com', ['https://examples.com', 'https://example.com'])).toEqual({
      trusted: 'https://example.com',
      reason: 'confusable',
    });
  });
  it('takes the first in the list among equals, named exactly as given', () => {
    expect(lookAlikeOf('https://exampl.com', ['https://exampla.com', 'https://example.com'])?.trusted).toBe('https://exampla.com');
    expect(lookAlikeOf('https://examp1e.com', ['https://www.example.com:8443', 'https://example.com'])?.trusted).toBe(
      'https://www.example.com:8443',
    );
  });
});

describe('lookAlikeOf: many long names', () => {
  it('checks a request against 2,000 trusted sites with long names, finding none alike', () => {
    const label = (i: number) => `${'s'.repeat(50)}${i.toString(36).padStart(4, 'x')}`;
    const trusted = Array.from({ length: 1000 }, (_, i) => `https://${'x'.repeat(60)}.${label(i)}.example.com`);
    trusted.push(...Array.from({ length: 1000 }, (_, i) => https(`${'ж'.repeat(40)}${String(i).padStart(3, '0')}.рф`)));
    expect(lookAlikeOf(`https://${label(5000)}.com`, trusted)).toBeNull();
    expect(lookAlikeOf(https(`${'ж'.repeat(40)}wxyz.рф`), trusted)).toBeNull();
  });
});

describe('lookAlikeOf: properties', () => {
  const letters = fc.constantFrom(...'abeilmnoprx01-аеорсіӏνοα');
  const name = fc
    .array(fc.string({ unit: letters, minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 3 })
    .map((labels) => domainToASCII(`${labels.join('.')}.${['com', 'co.uk', 'github.io', 'рф'][labels.length % 4]}`));
  const origin = fc.oneof(
    name.filter((host) => host !== '').map((host) => `https://${host}`),
    fc.webUrl().map((url) => new URL(url).origin),
    fc.string(),
    fc.string({ unit: 'binary' }),
  );

  it('an origin never looks like itself', () => {
    fc.assert(
      fc.property(origin, fc.array(origin, { maxLength: 5 }), (o, others) => {
        expect(lookAlikeOf(o, [o])).toBeNull();
        expect(lookAlikeOf(o, [...others, o])).toBeNull();
      }),
    );
  });

  it('never throws, whatever the strings', () => {
    fc.assert(
      fc.property(fc.oneof(origin, fc.string({ unit: 'binary', maxLength: 400 })), fc.array(origin, { maxLength: 8 }), (o, trusted) => {
        const found = lookAlikeOf(o, trusted);
        if (found) expect(trusted).toContain(found.trusted);
      }),
    );
  });
});

describe('hostToUnicode with the library decoder', () => {
  it('keeps a label whose punycode holds a lone surrogate', () => {
    const label = `xn--${punycode.encode('a\uD800b')}`;
    expect(hostToUnicode(`${label}.example`)).toBe(`${label}.example`);
  });
  it('decodes what the browser encodes', () => {
    expect(hostToUnicode(domainToASCII('аррӏе.com'))).toBe('аррӏе.com');
  });
});
