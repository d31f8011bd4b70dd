// The approval window shows international hosts as they read on screen; the
// decoder must agree with RFC 3492 and with the platform's own IDNA decoding.
import { domainToASCII, domainToUnicode } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePunycode, hostToUnicode } from '@/src/ui/shared/punycode';

describe('hostToUnicode', () => {
  it.each([
    ['xn--80ak6aa92e.com', 'аррӏе.com'],
    ['xn--mnchen-3ya.de', 'münchen.de'],
    ['XN--MNCHEN-3YA.de', 'münchen.de'],
    ['www.xn--bcher-kva.example', 'www.bücher.example'],
    ['example.com', 'example.com'],
    ['127.0.0.1', '127.0.0.1'],
  ])('%s reads as %s', (host, unicode) => expect(hostToUnicode(host)).toBe(unicode));

  it('keeps a label that is not valid punycode as it is', () => {
    expect(hostToUnicode('xn--99999999999.example')).toBe('xn--99999999999.example');
    expect(hostToUnicode('xn--ab!.example')).toBe('xn--ab!.example');
  });

  it('never decodes a label into plain ASCII or invisible characters', () => {
    expect(hostToUnicode('xn--google-.com')).toBe('xn--google-.com');
    expect(hostToUnicode('xn--abc-4q0a.example')).toBe('xn--abc-4q0a.example'); // right-to-left override + abc
    expect(hostToUnicode('xn--ab-m1t.example')).toBe('xn--ab-m1t.example'); // a, zero-width joiner, b
  });

  it('agrees with the platform for any name it encodes', () => {
    const label = fc.string({ unit: fc.constantFrom(...'abcxyz09-äöüßéçñаеорсνοαλ中文字ー日本'), minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 3 }), (labels) => {
        const ascii = domainToASCII(`${labels.join('.')}.example`);
        fc.pre(ascii !== '');
        expect(hostToUnicode(ascii)).toBe(domainToUnicode(ascii));
      }),
    );
  });
});

describe('decodePunycode (RFC 3492 §7.1 samples)', () => {
  it.each([
    ['egbpdaj6bu4bxfgehfvwxn', 'ليهمابتكلموشعربي؟'],
    ['ihqwcrb4cv8a8dqg056pqjye', '他们为什么不说中文'],
    ['Proprostnemluvesky-uyb24dma41a', 'Pročprostěnemluvíčesky'],
    ['3B-ww4c5e180e575a65lsy2b', '3年B組金八先生'],
    ['-> $1.00 <--', '-> $1.00 <-'],
  ])('%s → %s', (input, output) => expect(decodePunycode(input)).toBe(output));

  it('refuses input that is not punycode', () => {
    expect(() => decodePunycode('ab!')).toThrow(RangeError);
    expect(() => decodePunycode('a-')).not.toThrow();
    expect(() => decodePunycode('b')).toThrow(RangeError);
  });
});
