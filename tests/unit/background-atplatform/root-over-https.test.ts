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

/** A body that gives `pieces` one after another, then ends. */
const bodyOf = (...pieces: string[]): ReadableStream<Uint8Array> =>
  new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(new TextEncoder().encode(piece));
      controller.close();
    },
  });
const answering = (status: number, ...pieces: string[]): FetchLike => () => Promise.resolve({ status, body: bodyOf(...pieces) });

/** A root that never stops sending: 100-byte pieces for as long as anyone reads. Counts what it gave. */
function endlessBody(piece = 'x'.repeat(100)) {
  const sent = { bytes: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const bytes = new TextEncoder().encode(piece);
      sent.bytes += bytes.byteLength;
      controller.enqueue(bytes);
    },
    cancel() {
      sent.cancelled = true;
    },
  });
  return { body, sent };
}

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

  it('reads an address that arrives in pieces, with a newline after it', async () => {
    await expect(findAtServerOverHttps('root.example', ALICE, answering(200, 'alice.atser', 'ver.example:', '6464', '\n'))).resolves.toEqual({
      host: 'alice.atserver.example',
      port: 6464,
    });
  });

  it('takes an answer of up to 1 KiB, and refuses one a byte longer without reading on', async () => {
    const address = 'alice.atserver.example:6464';
    const padded = ' '.repeat(1024 - address.length);
    await expect(findAtServerOverHttps('root.example', ALICE, answering(200, padded, address))).resolves.toEqual({ host: 'alice.atserver.example', port: 6464 });
    await expect(findAtServerOverHttps('root.example', ALICE, answering(200, padded, address, '\n'))).rejects.toMatchObject({
      problem: 'malformed',
      message: 'The root at https://root.example did not answer with an address.',
    });
  });

  it('stops reading a root that sends far more than any address, and says it did not answer with one', async () => {
    const { body, sent } = endlessBody();
    const lookup = findAtServerOverHttps('root.example', ALICE, () => Promise.resolve({ status: 200, body }));
    await expect(lookup).rejects.toMatchObject({
      problem: 'malformed',
      message: 'The root at https://root.example did not answer with an address.',
    });
    expect(sent.cancelled).toBe(true);
    // The limit (1 KiB), the piece that passed it, and at most one piece the stream had ready.
    expect(sent.bytes).toBeLessThanOrEqual(1024 + 200);
    expect(sent.bytes).toBeGreaterThan(1024);
  });

  it('gives up on an answer that is still arriving when the time is up, even if the fetch ignores the deadline', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('alice.atserver.exa'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const lookup = findAtServerOverHttps('root.example', ALICE, () => Promise.resolve({ status: 200, body }), 50);
    await expect(lookup).rejects.toMatchObject({ problem: 'unreachable', message: 'The root at https://root.example could not be reached.' });
    expect(cancelled).toBe(true);
  });

  it('does not read the answer to an error status', async () => {
    const { body, sent } = endlessBody();
    await expect(findAtServerOverHttps('root.example', ALICE, () => Promise.resolve({ status: 502, body }))).rejects.toMatchObject({
      problem: 'unreachable',
      message: 'The root at https://root.example answered HTTP 502.',
    });
    expect(sent.cancelled).toBe(true);
    expect(sent.bytes).toBeLessThanOrEqual(100);
  });

  it('asks for the atSign with its characters escaped in the path', async () => {
    const asked: string[] = [];
    const fetch: FetchLike = (url) => {
      asked.push(url);
      return Promise.resolve({ status: 404, body: bodyOf('') });
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
