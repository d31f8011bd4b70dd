import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSignInMessage, parseSignInMessage, SignInError, type SignInFields, type SignInMessage } from '@/packages/sdk/src';

// The example of DESIGN §4, byte for byte.
const DESIGN_EXAMPLE = [
  'example.com wants you to sign in with your atSign:',
  '@alice🛠',
  '',
  'Sign in to Example.',
  '',
  'URI: https://example.com',
  'Version: 1',
  'Nonce: 8f3kq02mZx',
  'Issued At: 2026-11-25T10:00:00.000Z',
  'Expiration Time: 2026-11-25T10:05:00.000Z',
  'Resources:',
  '- https://example.com/terms',
].join('\n');

const required: SignInMessage = {
  domain: 'example.com',
  atSign: '@alice🛠',
  uri: 'https://example.com',
  version: '1',
  nonce: '8f3kq02mZx',
  issuedAt: '2026-11-25T10:00:00.000Z',
};

const optional: Partial<SignInMessage> = {
  statement: 'Sign in to Example.',
  expirationTime: '2026-11-25T10:05:00.000Z',
  notBefore: '2026-11-25T09:59:00.000Z',
  requestId: 'req-42',
  resources: ['https://example.com/terms', 'ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/'],
};
const optionalKeys = Object.keys(optional) as (keyof SignInMessage)[];

/** Every subset of the optional fields: 32 messages. */
const everyCombination = (): SignInMessage[] =>
  Array.from({ length: 2 ** optionalKeys.length }, (_, mask) => {
    const message: Record<string, unknown> = { ...required };
    optionalKeys.forEach((key, bit) => {
      if (mask & (1 << bit)) message[key] = optional[key];
    });
    return message as unknown as SignInMessage;
  });

describe('sign-in message round trip', () => {
  it('writes the DESIGN §4 example exactly and reads it back', () => {
    const fields = parseSignInMessage(DESIGN_EXAMPLE);
    expect(fields).toEqual({
      ...required,
      statement: 'Sign in to Example.',
      expirationTime: '2026-11-25T10:05:00.000Z',
      resources: ['https://example.com/terms'],
    });
    expect(buildSignInMessage(fields)).toBe(DESIGN_EXAMPLE);
  });

  it.each(everyCombination().map((m) => [Object.keys(m).filter((k) => k in optional).join(', ') || 'none', m]))(
    'round-trips with optional fields: %s',
    (_, fields) => {
      const text = buildSignInMessage(fields);
      expect(parseSignInMessage(text)).toStrictEqual(fields);
      expect(buildSignInMessage(parseSignInMessage(text))).toBe(text);
    },
  );

  it('puts optional lines in SIWE order and drops the statement with its blank line', () => {
    const { statement: _, ...noStatement } = optional;
    const text = buildSignInMessage({ ...required, ...noStatement });
    expect(text.split('\n')).toEqual([
      'example.com wants you to sign in with your atSign:',
      '@alice🛠',
      '',
      'URI: https://example.com',
      'Version: 1',
      'Nonce: 8f3kq02mZx',
      'Issued At: 2026-11-25T10:00:00.000Z',
      'Expiration Time: 2026-11-25T10:05:00.000Z',
      'Not Before: 2026-11-25T09:59:00.000Z',
      'Request ID: req-42',
      'Resources:',
      '- https://example.com/terms',
      '- ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/',
    ]);
  });

  it('keeps a non-default port, IPv6 hosts and Unicode statements', () => {
    for (const domain of ['localhost:3000', 'xn--bcher-kva.example', '[::1]:8443', '127.0.0.1']) {
      const fields = { ...required, domain, statement: 'Connexion à Exemple — 登录 🛠' };
      expect(parseSignInMessage(buildSignInMessage(fields))).toEqual(fields);
    }
  });

  it('fills in the version and treats undefined optional fields as absent', () => {
    const { version: _, ...fields } = required;
    const withUndefined: SignInFields = { ...fields, statement: undefined, resources: undefined };
    expect(buildSignInMessage(withUndefined)).toBe(buildSignInMessage(required));
  });

  it('accepts 8 and 64 character nonces', () => {
    for (const nonce of ['abcd1234', 'Z'.repeat(64)]) {
      expect(parseSignInMessage(buildSignInMessage({ ...required, nonce })).nonce).toBe(nonce);
    }
  });

  it('whatever statement build accepts, parse gives back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (statement) => {
        let text: string;
        try {
          text = buildSignInMessage({ ...required, statement });
        } catch (error) {
          expect(error).toBeInstanceOf(SignInError);
          return;
        }
        expect(parseSignInMessage(text)).toEqual({ ...required, statement });
      }),
    );
  });
});
