import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAtSign } from '@/src/keys';

const problemsOf = (input: string): string[] => {
  const check = checkAtSign(input);
  return check.ok ? [] : check.problems;
};

describe('checkAtSign', () => {
  it.each([
    ['@alice🛠', '@alice🛠'],
    ['Alice', '@alice'],
    ['@ALICE🛠', '@alice🛠'],
    ['@bob_smith-99', '@bob_smith-99'],
    ['@alice.smith', '@alicesmith'], // the atPlatform drops dots: the same atSign
    ['@👨‍👩‍👧', '@👨‍👩‍👧'], // emoji joined by ZWJ are allowed
    ['@ünïcødé', '@ünïcødé'],
    [`@${'a'.repeat(55)}`, `@${'a'.repeat(55)}`],
    [`@${'🛠'.repeat(55)}`, `@${'🛠'.repeat(55)}`], // counted as a person sees characters
  ])('accepts %s as %s', (input, atSign) => {
    expect(checkAtSign(input)).toEqual({ ok: true, atSign });
  });

  it.each(['!', '*', "'", '`', '(', ')', ';', ':', '&', '=', '+', '$', ',', '/', '?', '#', '[', ']', '{', '}'])(
    'rejects "%s" with its own sentence',
    (c) => {
      expect(problemsOf(`@ali${c}ce`)).toEqual([`An atSign cannot contain "${c}".`]);
    },
  );

  it.each([' ', '\t', '\n', '\r', '\u000b', '\u000c', '\u00a0', '\u1680', '\u2003', '\u2028', '\u3000', '\ufeff'])(
    'rejects whitespace %j',
    (w) => {
      expect(problemsOf(`@ali${w}ce`)).toContain('An atSign cannot contain spaces or other whitespace.');
    },
  );

  it.each(['\u0000', '\u0007', '\u001b', '\u007f', '\u0090', '\u2400', '\u2424'])('rejects control character %j', (c) => {
    expect(problemsOf(`@ali${c}ce`)).toContain('An atSign cannot contain control characters.');
  });

  it.each(['\u200b', '\u200e', '\u202e', '\u2066'])('rejects invisible character %j', (c) => {
    expect(problemsOf(`@alice${c}`)).toEqual(['An atSign cannot contain invisible direction or zero-width characters.']);
  });

  it('rejects a lone surrogate, which cannot be sent as UTF-8', () => {
    expect(problemsOf('@alice\ud83d')).toEqual(['An atSign cannot contain broken (unpaired) Unicode characters.']);
  });

  it.each(['@@a', 'a@b', '@alice@example.com'])('rejects more than one "@": %s', (input) => {
    expect(problemsOf(input)).toContain('An atSign can have only one "@", at the start.');
  });

  it('rejects empty input and a bare "@"', () => {
    expect(problemsOf('')).toEqual(['An atSign cannot be empty.']);
    expect(problemsOf('@')).toEqual(['An atSign needs at least one character after the "@".']);
    expect(problemsOf('@...')).toEqual(['An atSign needs at least one character after the "@".']);
  });

  it('rejects 56 characters after the "@"', () => {
    expect(problemsOf(`@${'a'.repeat(56)}`)).toEqual(['An atSign can have at most 55 characters after the "@".']);
    expect(problemsOf('a'.repeat(56))).toEqual(['An atSign can have at most 55 characters after the "@".']);
  });

  it('names every rule broken, once each', () => {
    expect(problemsOf('@a b/c//d')).toEqual([
      'An atSign cannot contain "/".',
      'An atSign cannot contain spaces or other whitespace.',
    ]);
  });

  it('never throws, and what it accepts is already normal', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (input) => {
        const check = checkAtSign(input);
        if (check.ok) {
          expect(checkAtSign(check.atSign)).toEqual(check);
          expect(check.atSign.startsWith('@')).toBe(true);
        } else {
          expect(check.problems.length).toBeGreaterThan(0);
          for (const p of check.problems) expect(p).toMatch(/^An atSign .*\.$/);
        }
      }),
      { numRuns: 500 },
    );
  });
});
