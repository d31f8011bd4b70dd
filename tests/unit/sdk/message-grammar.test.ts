import { describe, expect, it } from 'vitest';
import { buildSignInMessage, MAX_MESSAGE_CHARS, parseSignInMessage, SignInErrorCode, type SignInFields } from '@/packages/sdk/src';
import { expectSignInError } from './support';

const LINES = [
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
  'Not Before: 2026-11-25T09:59:00.000Z',
  'Request ID: req-42',
  'Resources:',
  '- https://example.com/terms',
];
const VALID = LINES.join('\n');

/** The valid message with line `n` (1-based) replaced by `lines` (none to delete it). */
const withLine = (n: number, ...lines: string[]): string => [...LINES.slice(0, n - 1), ...lines, ...LINES.slice(n)].join('\n');

const refused = (text: string, mention: string | RegExp) =>
  expectSignInError(() => parseSignInMessage(text), SignInErrorCode.GRAMMAR, mention);

describe('sign-in message grammar', () => {
  it('the message these tests break is valid', () => {
    expect(() => parseSignInMessage(VALID)).not.toThrow();
  });

  it('refuses reordered lines, naming the line and the order', async () => {
    await refused(withLine(7, 'Nonce: 8f3kq02mZx', 'Version: 1').replace(/\nNonce: 8f3kq02mZx(?=\nIssued)/, ''), /Line 7 must be "Version: …".*order is URI, Version, Nonce/);
    await refused(withLine(10, 'Not Before: 2026-11-25T09:59:00.000Z', 'Expiration Time: 2026-11-25T10:05:00.000Z').replace('\nNot Before: 2026-11-25T09:59:00.000Z\nRequest', '\nRequest'), /Line 11 .*"Expiration Time: 2026-11-25T10:05:00\.000Z".*out of order/);
    await refused(withLine(13, '- https://example.com/terms', 'Resources:'), /Line 13/);
  });

  it('refuses a missing Version, a missing Issued At and a repeated field', async () => {
    await refused(withLine(7), /Line 7 must be "Version: …", not "Nonce: 8f3kq02mZx"/);
    await refused(withLine(9), /Line 9 must be "Issued At: …"/);
    await refused(withLine(8, 'Nonce: 8f3kq02mZx', 'Nonce: 8f3kq02mZx'), /Line 9 must be "Issued At: …".*repeated/);
    await refused(withLine(12, 'Request ID: req-42', 'Request ID: req-43'), /Line 13 must be "- <URI>"|Line 13 must be the end/);
    await refused(LINES.slice(0, 8).join('\n'), /ends at line 8 where "Issued At: …" should follow/);
  });

  it('refuses bad nonces', async () => {
    for (const nonce of ['abc1234', 'abcd-1234', 'abcd 1234', 'a'.repeat(65), 'ünïcödé12', '']) {
      await refused(withLine(8, `Nonce: ${nonce}`), /Line 8|whitespace/);
    }
    await refused(withLine(8, 'Nonce: abc1234'), /Line 8 \(Nonce\): "abc1234" must be 8 to 64 ASCII letters and digits/);
  });

  it('refuses CRLF and lone CR line endings', async () => {
    await refused(VALID.replace(/\n/g, '\r\n'), /Line 1 contains a carriage return/);
    await refused(withLine(6, 'URI: https://example.com\r'), /Line 6 contains a carriage return/);
    await refused(withLine(6, 'URI: https://example.com\rVersion: 1'), /Line 6 contains a carriage return/);
  });

  it('refuses trailing whitespace, a trailing line break and extra blank lines', async () => {
    await refused(withLine(8, 'Nonce: 8f3kq02mZx '), /Line 8 ends with whitespace/);
    await refused(withLine(2, '@alice🛠\t'), /Line 2 ends with whitespace/);
    await refused(withLine(3, ' '), /Line 3 ends with whitespace/);
    await refused(`${VALID}\n`, /must not end with a line break \(line 15 is empty\)/);
    await refused(withLine(5, '', ''), /Line 6 must be "URI: …", not ""/);
  });

  it('refuses unknown lines anywhere', async () => {
    await refused(`${VALID.replace(/\nResources:[^]*$/, '')}\nChain ID: 1`, /Line 13 is not a line of the sign-in message: "Chain ID: 1"/);
    await refused(withLine(8, 'Nonce: 8f3kq02mZx', 'Chain ID: 1'), /Line 9 must be "Issued At: …", not "Chain ID: 1"/);
    await refused(withLine(14, '- https://example.com/terms', 'Chain ID: 1'), /Line 15 must be "- <URI>"/);
    await refused(withLine(6, 'uri: https://example.com'), /Line 6/);
  });

  it('refuses times that are not exactly Date.toISOString output', async () => {
    for (const time of [
      '2026-11-25T10:00:00Z',
      '2026-11-25T10:00:00.000+00:00',
      '2026-11-25 10:00:00.000Z',
      '2026-02-30T10:00:00.000Z',
      '2026-11-25T24:00:00.000Z',
      '2026-11-25t10:00:00.000z',
      'yesterday',
    ]) {
      await refused(withLine(9, `Issued At: ${time}`), /Line 9 \(Issued At\).*Date\.toISOString/);
    }
    await refused(withLine(10, 'Expiration Time: 2026-13-01T00:00:00.000Z'), /Line 10 \(Expiration Time\)/);
    await refused(withLine(11, 'Not Before: 0'), /Line 11 \(Not Before\)/);
  });

  it('refuses atSigns that are invalid or not in normalised form', async () => {
    await refused(withLine(2, '@ali!ce'), /Line 2 \(atSign\).*cannot contain "!"/);
    await refused(withLine(2, '@ali:ce'), /Line 2 \(atSign\).*cannot contain ":"/);
    await refused(withLine(2, '@alice 🛠'), /Line 2 ends with|Line 2 \(atSign\)/);
    // The error shows the invisible character, escaped, and ends with one period.
    const error = await refused(withLine(2, '@ali\u202ece'), /Line 2 \(atSign\): "@ali\\u202ece" is not a valid atSign: .*invisible/);
    expect(error.message).not.toMatch(/\.\.$/);
    await refused(withLine(2, '@Alice🛠'), /Line 2 \(atSign\).*normalised form, "@alice🛠"/);
    await refused(withLine(2, 'alice🛠'), /normalised form/);
    await refused(withLine(2, '@al.ice'), /normalised form, "@alice"/);
    await refused(withLine(2, '@'), /Line 2 \(atSign\)/);
    await refused(withLine(2, `@${'a'.repeat(56)}`), /at most 55/);
  });

  it('refuses a domain that is not a lowercase host[:port]', async () => {
    for (const domain of ['https://example.com', 'Example.com', 'user@example.com', 'example.com/path', 'example.com:0', 'example.com:65536', 'example.com:080', 'bücher.example', 'example..com', 'example.com.', '']) {
      await refused(withLine(1, `${domain} wants you to sign in with your atSign:`), /Line 1 \(domain\)/);
    }
    await refused(withLine(1, 'example.com wants you to sign in with your Ethereum account:'), /Line 1 must be "<domain> wants you/);
  });

  it('refuses bad statements, URIs, versions, request ids and resources', async () => {
    // A statement that looks like the URI line reads as one: the blank line after it is then out of place.
    await refused(withLine(4, 'URI: https://evil.example', ''), /Line 5 must be "Version: …", not ""/);
    await refused(withLine(4, 'Two', 'lines'), /Line 5 must be empty/);
    await refused(withLine(6, 'URI: not a uri'), /Line 6 \(URI\)/);
    await refused(withLine(6, 'URI: example.com'), /Line 6 \(URI\)/);
    await refused(withLine(7, 'Version: 2'), /Line 7 \(Version\): "2" must be 1/);
    await refused(withLine(12, 'Request ID: a b'), /Line 12 \(Request ID\)/);
    await refused(withLine(12, 'Request ID: 50%'), /Line 12 \(Request ID\)/);
    await refused(withLine(14, '- https://exa mple.com'), /Line 14 \(resource\)/);
    await refused(withLine(14, '-https://example.com/terms'), /Line 14 must be "- <URI>"/);
    await refused(withLine(14), /"Resources:" must be followed by at least one/);
  });

  it('refuses what is not text or is too long', async () => {
    await refused(42 as unknown as string, /must be text/);
    await refused(withLine(4, 'x'.repeat(MAX_MESSAGE_CHARS)), /longer than/);
  });
});

describe('building refuses what it could not parse back', () => {
  const fields: SignInFields = {
    domain: 'example.com',
    atSign: '@alice🛠',
    uri: 'https://example.com',
    nonce: '8f3kq02mZx',
    issuedAt: '2026-11-25T10:00:00.000Z',
  };
  const refusedBuild = (overrides: Record<string, unknown>, mention: string | RegExp) =>
    expectSignInError(() => buildSignInMessage({ ...fields, ...overrides } as SignInFields), SignInErrorCode.GRAMMAR, mention);

  it('names the field at fault', async () => {
    await refusedBuild({ statement: 'one\ntwo' }, /"statement" field .*one line/);
    await refusedBuild({ statement: 'URI: https://evil.example' }, /"statement" field .*"URI: "/);
    await refusedBuild({ statement: '' }, /"statement" field .*leave it out/);
    await refusedBuild({ statement: ' padded' }, /"statement" field .*whitespace/);
    await refusedBuild({ statement: 'look \u202eright' }, /"statement" field/);
    await refusedBuild({ nonce: 'short' }, /"nonce" field "short"/);
    await refusedBuild({ atSign: '@Alice🛠' }, /"atSign" field .*normalised/);
    await refusedBuild({ domain: 'https://example.com' }, /"domain" field/);
    await refusedBuild({ issuedAt: new Date('2026-11-25T10:00:00.000Z') }, /"issuedAt" field must be text/);
    await refusedBuild({ expirationTime: '2026-11-25T10:00:00Z' }, /"expirationTime" field/);
    await refusedBuild({ version: '2' }, /"version" field "2" must be 1/);
    await refusedBuild({ resources: [] }, /"resources" field must be a non-empty list/);
    await refusedBuild({ resources: ['https://ok.example', 'not a uri'] }, /"resources\[1\]" field/);
    await refusedBuild({ chainId: '1' }, /"chainId" is not a field of the sign-in message/);
    await refusedBuild({ uri: undefined }, /"uri" field must be text/);
    await refusedBuild({ resources: Array.from({ length: 1000 }, (_, i) => `https://example.com/${i}`) }, /longer than/);
    await expectSignInError(() => buildSignInMessage(null as unknown as SignInFields), SignInErrorCode.GRAMMAR, /must be an object/);
  });
});
