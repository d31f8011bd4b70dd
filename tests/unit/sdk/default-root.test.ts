// A site that passes no `root` must be confirming on the atPlatform everyone
// uses, over TLS with certificates checked: this machine cannot reach it, so
// the TLS connector is replaced by one that records where it was sent and
// fails as an unreachable network does.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AtAddress } from '@/src/atplatform';
import { AtClientError } from '@/src/atplatform';
import { SignInErrorCode, type SignInResponse } from '@/packages/sdk/src';
import { createAtPlatformResolver, verifySignIn } from '@/packages/sdk/src/node';
import { DOMAIN, expectSignInError, makeWallet, NONCE, NOW, readAlice, signIn } from './support';

const dialled: AtAddress[] = [];
const connectorOptions: unknown[] = [];

vi.mock('@/src/atplatform/transports/node-tls', async (original) => ({
  ...(await original<typeof import('@/src/atplatform/transports/node-tls')>()),
  tlsConnector: (options: unknown) => {
    connectorOptions.push(options);
    return async (address: AtAddress) => {
      dialled.push(address);
      throw new AtClientError('unreachable', `${address.host} cannot be reached from this test`);
    };
  },
}));

let response: SignInResponse;
beforeAll(async () => {
  response = await signIn(await makeWallet(await readAlice()));
});
beforeEach(() => {
  dialled.length = 0;
  connectorOptions.length = 0;
});

describe('with no root given', () => {
  it('verifySignIn asks root.atsign.org on port 64 over TLS, and refuses when it cannot (ATSERVER_UNREACHABLE)', async () => {
    await expectSignInError(
      verifySignIn(response, { domain: DOMAIN, nonce: NONCE, now: NOW }),
      SignInErrorCode.ATSERVER_UNREACHABLE,
      /root\.atsign\.org cannot be reached/,
    );
    expect(dialled).toEqual([{ host: 'root.atsign.org', port: 64 }]);
    // No CA of its own: the system's certificate authorities, verification on.
    expect(connectorOptions).toEqual([expect.objectContaining({ ca: undefined })]);
  });

  it('createAtPlatformResolver asks the same root', async () => {
    await expect(createAtPlatformResolver()('@alice🛠', { signingAtKey: response.keyBinding.atKey })).rejects.toThrow(
      /root\.atsign\.org cannot be reached/,
    );
    expect(dialled).toEqual([{ host: 'root.atsign.org', port: 64 }]);
  });

  it('a root given is the one asked, not the default', async () => {
    await expectSignInError(
      verifySignIn(response, { domain: DOMAIN, nonce: NONCE, now: NOW, root: 'root.example.net:6464' }),
      SignInErrorCode.ATSERVER_UNREACHABLE,
    );
    expect(dialled).toEqual([{ host: 'root.example.net', port: 6464 }]);
  });
});
