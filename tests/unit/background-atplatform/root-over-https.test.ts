// The wallet asks the root over HTTPS where the atServer of an atSign is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAtServerOverHttps, RootLookupError, type FetchLike } from '@/src/background/atplatform/root-over-https';
import { rootOrigin } from '@/src/shared/root-origin';
import { startLocalAtPlatform, type LocalAtPlatform } from '../../../testing/atplatform/index.mjs';
import { ALICE, ALICE_FILE } from '../atplatform/support/fixtures';
import { addressOf } from '../atplatform/support/local-doors';
import { trustingFetch } from './https-fetch';

let platform: LocalAtPlatform;
beforeAll(async () => {
  platform = await startLocalAtPlatform({ atKeys: [ALICE_FILE] });
}, 60_000);
afterAll(() => platform?.stop());

const answering = (status: number, body = ''): FetchLike => () => Promise.resolve({ status, text: () => Promise.resolve(body) });

describe('the root over HTTPS', () => {
  it('finds the atServer of an atSign it knows, and answers null for one it does not', async () => {
    const fetch = trustingFetch(platform.ca);
    await expect(findAtServerOverHttps(platform.root, ALICE, fetch)).resolves.toEqual(addressOf(platform, ALICE));
    await expect(findAtServerOverHttps(`https://${platform.root}`, '@nobody', fetch)).resolves.toBeNull();
  });

  it('never trusts a root whose certificate it cannot verify', async () => {
    const untrusting = trustingFetch('');
    const failure = await findAtServerOverHttps(platform.root, ALICE, untrusting).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RootLookupError);
    expect(failure).toMatchObject({ problem: 'unreachable' });
  });

  it('names a root that answers something other than an address, or an error status', async () => {
    await expect(findAtServerOverHttps('root.example', ALICE, answering(200, '<html>hello</html>'))).rejects.toMatchObject({
      problem: 'malformed',
      message: 'The root at https://root.example did not answer with an address.',
    });
    await expect(findAtServerOverHttps('root.example', ALICE, answering(503))).rejects.toMatchObject({
      problem: 'unreachable',
      message: 'The root at https://root.example answered HTTP 503.',
    });
  });

  it('asks for the atSign with its characters escaped in the path', async () => {
    const asked: string[] = [];
    const fetch: FetchLike = (url) => {
      asked.push(url);
      return Promise.resolve({ status: 404, text: () => Promise.resolve('') });
    };
    await findAtServerOverHttps('root.example:8443', '@alice🛠', fetch);
    expect(asked).toEqual(['https://root.example:8443/%40alice%F0%9F%9B%A0']);
  });
});

describe('the root a person names', () => {
  it.each([
    ['root.atsign.org', 'https://root.atsign.org'],
    ['  Root.Example:8443 ', 'https://root.example:8443'],
    ['https://127.0.0.1:64', 'https://127.0.0.1:64'],
    ['https://root.example/', 'https://root.example'],
  ])('takes %j as %s', (input, origin) => {
    expect(rootOrigin(input)).toBe(origin);
  });

  it.each([
    ['', 'Enter the root as a host name, like root.atsign.org.'],
    ['http://root.example', 'The root is reached over HTTPS only.'],
    ['ws://root.example', 'The root is reached over HTTPS only.'],
    ['https://root.example/path', 'Enter only the root’s host name (and port), with no path.'],
    ['https://user@root.example', 'Enter only the root’s host name (and port), with no path.'],
    ['root example', 'Enter the root as a host name, like root.atsign.org.'],
    ['https://[nope', '"https://[nope" is not a host name.'],
  ])('refuses %j, saying why', (input, message) => {
    expect(() => rootOrigin(input)).toThrow(new TypeError(message));
  });
});
