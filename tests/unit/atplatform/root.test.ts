// The root directory's line protocol, byte for byte, and addresses.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AtClientError, findAtServer, formatAddress, parseAddress, type AtConnector } from '@/src/atplatform';
import { FakeTransport, connectorFor, rejectionOf } from './support/fake-transport';

afterEach(() => {
  vi.useRealTimers();
});

/** A root that greets and answers the one lookup with `answer` (split into the given chunks). */
function root(...answerChunks: string[]) {
  const transport = new FakeTransport();
  const asked: string[] = [];
  transport.onCommand = (line) => {
    asked.push(line);
    if (line !== '@exit') transport.say(...answerChunks);
  };
  transport.say('@');
  const addresses: string[] = [];
  const connect: AtConnector = (address) => {
    addresses.push(formatAddress(address));
    return Promise.resolve(transport);
  };
  return { transport, asked, addresses, connect };
}

const problemOf = (error: unknown) => (error instanceof AtClientError ? error.problem : error);

describe('findAtServer', () => {
  it('sends the atSign without its "@", reads host:port, then says @exit and closes', async () => {
    const r = root('vip.ve.atsign.zone:6464\r\n@');
    await expect(findAtServer('root.atsign.org:64', '@alice🛠', { connect: r.connect })).resolves.toEqual({ host: 'vip.ve.atsign.zone', port: 6464 });
    expect(r.addresses).toEqual(['root.atsign.org:64']);
    expect(r.transport.sent).toEqual(['alice🛠\n', '@exit\n']);
    expect(r.transport.closedByClient).toBe(true);
  });

  it('sends the atSign normalised as the atPlatform does (lowercase, "@" optional)', async () => {
    const r = root('127.0.0.1:40125\r\n@');
    await expect(findAtServer('127.0.0.1:64', 'Alice🛠', { connect: r.connect })).resolves.toEqual({ host: '127.0.0.1', port: 40125 });
    expect(r.transport.sent[0]).toBe('alice🛠\n');
  });

  it('answers null for an atSign the root does not know', async () => {
    const r = root('null\r\n@');
    await expect(findAtServer('127.0.0.1:64', '@nobody', { connect: r.connect })).resolves.toBeNull();
  });

  it('reads an answer split across packets, and a greeting glued to nothing else', async () => {
    const r = root('127.0.', '0.1:4', '0125\r', '\n@');
    await expect(findAtServer('127.0.0.1:64', '@alice', { connect: r.connect })).resolves.toEqual({ host: '127.0.0.1', port: 40125 });
  });

  it('refuses a root that does not greet with "@", and an answer that is not an address', async () => {
    const notRoot = new FakeTransport();
    notRoot.say('SSH-2.0-OpenSSH_9.6\r\n');
    expect(problemOf(await rejectionOf(findAtServer('127.0.0.1:64', '@alice', { connect: connectorFor(notRoot) })))).toBe('malformed');
    const r = root('<html>\n');
    const error = await rejectionOf(findAtServer('127.0.0.1:64', '@alice', { connect: r.connect }));
    expect(problemOf(error)).toBe('malformed');
    expect((error as Error).message).toMatch(/not an address/);
  });

  it('fails when the root hangs up without answering (as it does after repeated misses)', async () => {
    const transport = new FakeTransport();
    transport.onCommand = () => transport.hangUp();
    transport.say('@');
    expect(problemOf(await rejectionOf(findAtServer('127.0.0.1:64', '@alice', { connect: connectorFor(transport) })))).toBe('closed');
  });

  it('times out a root that never answers, and a connector that never connects', async () => {
    vi.useFakeTimers();
    const silent = new FakeTransport();
    silent.say('@');
    const waiting = rejectionOf(findAtServer('127.0.0.1:64', '@alice', { connect: connectorFor(silent), timeoutMs: 3000 }));
    await vi.advanceTimersByTimeAsync(3000);
    expect(problemOf(await waiting)).toBe('timeout');
    expect(silent.closedByClient).toBe(true);

    const never: AtConnector = () => new Promise(() => {});
    const connecting = rejectionOf(findAtServer('127.0.0.1:64', '@alice', { connect: never, timeoutMs: 3000 }));
    await vi.advanceTimersByTimeAsync(3000);
    expect(problemOf(await connecting)).toBe('timeout');
  });

  it('passes on a connector’s failure as unreachable', async () => {
    const refused: AtConnector = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:64'), { code: 'ECONNREFUSED' }));
    const error = await rejectionOf(findAtServer('127.0.0.1:64', '@alice', { connect: refused }));
    expect(problemOf(error)).toBe('unreachable');
    expect((error as Error).cause).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('refuses a bad root address or atSign before connecting', async () => {
    const connect = vi.fn<AtConnector>();
    for (const [rootAddress, atSign] of [
      ['root.atsign.org', '@alice'],
      ['root.atsign.org:99999', '@alice'],
      ['root.atsign.org:64', '@al ice'],
      ['root.atsign.org:64', 'alice\nbob'],
      ['root.atsign.org:64', '@alice:x'],
      ['root.atsign.org:64', ''],
    ] as const) {
      expect(problemOf(await rejectionOf(findAtServer(rootAddress, atSign, { connect })))).toBe('bad-input');
    }
    await expect(findAtServer('root.atsign.org:64', '@alice', { connect, timeoutMs: 1.5 })).rejects.toMatchObject({ problem: 'bad-input' });
    expect(connect).not.toHaveBeenCalled();
  });
});

describe('parseAddress', () => {
  it.each([
    ['root.atsign.org:64', { host: 'root.atsign.org', port: 64 }],
    ['127.0.0.1:40125', { host: '127.0.0.1', port: 40125 }],
    ['[::1]:6464', { host: '::1', port: 6464 }],
    [' 3b4c.swarm0002.atsign.zone:1025 ', { host: '3b4c.swarm0002.atsign.zone', port: 1025 }],
    ['localhost:1', { host: 'localhost', port: 1 }],
  ])('reads %j', (text, address) => {
    expect(parseAddress(text)).toEqual(address);
    expect(parseAddress(formatAddress(address))).toEqual(address);
  });

  it.each(['', 'host', ':64', 'host:', 'host:0', 'host:65536', 'host:6x', '::1:64', '[zz::1]:64', 'a b:64', 'host:64\nscan', 'ho_st:64', '-host:64', 'x'.repeat(400) + ':1'])(
    'refuses %j with a sentence',
    (text) => {
      let error: unknown;
      try {
        parseAddress(text);
      } catch (e) {
        error = e;
      }
      expect(problemOf(error)).toBe('bad-input');
      expect((error as Error).message).toMatch(/^.+\.$/);
    },
  );
});
