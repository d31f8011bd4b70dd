import { describe, expect, it } from 'vitest';
import { portChannel, type ChannelPort } from '@/src/content/port-channel';
import { NS, type BackgroundRequest, type PortRequest } from '@/src/shared/protocol';
import { settle } from './support/fake-window';

/** A port as the relay sees it, with the background's end in the test's hands. */
class FakePort implements ChannelPort {
  readonly sent: PortRequest[] = [];
  private onMessageListeners: ((message: unknown) => void)[] = [];
  private onDisconnectListeners: (() => void)[] = [];
  closed = false;
  onMessage = { addListener: (listener: (message: unknown) => void) => void this.onMessageListeners.push(listener) };
  onDisconnect = { addListener: (listener: () => void) => void this.onDisconnectListeners.push(listener) };
  postMessage(message: unknown): void {
    if (this.closed) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(structuredClone(message) as PortRequest);
  }
  /** The background answers request `id`. */
  reply(id: unknown, reply: unknown) {
    for (const listener of this.onMessageListeners) listener(structuredClone({ id, reply }));
  }
  /** The background goes away (its service worker stopped). */
  disconnect() {
    this.closed = true;
    for (const listener of this.onDisconnectListeners) listener();
  }
}

function setup() {
  const ports: FakePort[] = [];
  const send = portChannel(() => {
    const port = new FakePort();
    ports.push(port);
    return port;
  });
  return { ports, send };
}

const request = (method: string): BackgroundRequest => ({ ns: NS, kind: 'request', method, params: undefined });

/** 'pending' if the promise has not settled once queued tasks have run. */
async function stateOf(promise: Promise<unknown>) {
  let state = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  await settle();
  return state;
}

describe('the relay’s port to the background', () => {
  it('opens one port on the first request and sends every request on it, numbered', () => {
    const { ports, send } = setup();
    expect(ports).toHaveLength(0);
    void send(request('one'));
    void send(request('two'));
    expect(ports).toHaveLength(1);
    expect(ports[0]!.sent).toEqual([
      { id: 1, message: request('one') },
      { id: 2, message: request('two') },
    ]);
  });

  it('settles each request with the reply carrying its number, in whatever order they come', async () => {
    const { ports, send } = setup();
    const one = send(request('one'));
    const two = send(request('two'));
    ports[0]!.reply(2, { ok: true, result: 'two' });
    ports[0]!.reply(1, { ok: true, result: 'one' });
    await expect(one).resolves.toEqual({ ok: true, result: 'one' });
    await expect(two).resolves.toEqual({ ok: true, result: 'two' });
  });

  it('ignores replies with no number, an unknown number, or one already answered', async () => {
    const { ports, send } = setup();
    const one = send(request('one'));
    ports[0]!.reply('1', { ok: true, result: 'text id' });
    ports[0]!.reply(99, { ok: true, result: 'unknown' });
    for (const listener of (ports[0] as unknown as { onMessageListeners: ((m: unknown) => void)[] }).onMessageListeners) {
      listener(null);
      listener('junk');
    }
    expect(await stateOf(one)).toBe('pending');
    ports[0]!.reply(1, { ok: true, result: 'real' });
    ports[0]!.reply(1, { ok: true, result: 'again' });
    await expect(one).resolves.toEqual({ ok: true, result: 'real' });
  });

  it('fails what was waiting when the background goes away, and opens a new port for the next request', async () => {
    const { ports, send } = setup();
    const waiting = send(request('connect'));
    ports[0]!.disconnect();
    await expect(waiting).rejects.toThrow(/closed the connection/);

    const next = send(request('getGrant'));
    expect(ports).toHaveLength(2);
    expect(ports[1]!.sent).toEqual([{ id: 2, message: request('getGrant') }]);
    ports[1]!.reply(2, { ok: true, result: null });
    await expect(next).resolves.toEqual({ ok: true, result: null });
  });

  it('fails a request the port can no longer carry, and reconnects for the next', async () => {
    const { ports, send } = setup();
    void send(request('one'));
    ports[0]!.closed = true; // closed, but the browser has not said so yet
    await expect(send(request('two'))).rejects.toThrow(/disconnected port/);
    const three = send(request('three'));
    expect(ports).toHaveLength(2);
    ports[1]!.reply(3, { ok: true, result: 3 });
    await expect(three).resolves.toEqual({ ok: true, result: 3 });
  });

  it('fails a request when no port can be opened (the extension was removed under the page)', async () => {
    const send = portChannel(() => {
      throw new Error('Extension context invalidated.');
    });
    await expect(send(request('one'))).rejects.toThrow(/context invalidated/);
  });

  it('does not let a late disconnect of an old port fail requests on the new one', async () => {
    const { ports, send } = setup();
    const one = send(request('one'));
    ports[0]!.closed = true;
    await expect(send(request('two'))).rejects.toThrow();
    const three = send(request('three'));
    ports[0]!.disconnect();
    await expect(one).rejects.toThrow(/closed the connection/);
    expect(await stateOf(three)).toBe('pending');
    ports[1]!.reply(3, { ok: true, result: 3 });
    await expect(three).resolves.toEqual({ ok: true, result: 3 });
  });
});
