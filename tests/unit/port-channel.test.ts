import { describe, expect, it } from 'vitest';
import { portChannel } from '@/src/content/port-channel';
import { NS, type BackgroundRequest } from '@/src/shared/protocol';
import { FakePort } from './support/fake-ports';
import { stateOf } from './support/fake-window';

/** The background answers request `id` on `port`. */
const reply = (port: FakePort, id: unknown, answer: unknown) => port.onMessage.fire(structuredClone({ id, reply: answer }));

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

describe('the relay’s port to the background', () => {
  it('opens one port on the first request and sends every request on it, numbered', () => {
    const { ports, send } = setup();
    expect(ports).toHaveLength(0);
    void send(request('one'));
    void send(request('two'));
    expect(ports).toHaveLength(1);
    expect(ports[0]!.posted).toEqual([
      { id: 1, message: request('one') },
      { id: 2, message: request('two') },
    ]);
  });

  it('settles each request with the reply carrying its number, in whatever order they come', async () => {
    const { ports, send } = setup();
    const one = send(request('one'));
    const two = send(request('two'));
    reply(ports[0]!, 2, { ok: true, result: 'two' });
    reply(ports[0]!, 1, { ok: true, result: 'one' });
    await expect(one).resolves.toEqual({ ok: true, result: 'one' });
    await expect(two).resolves.toEqual({ ok: true, result: 'two' });
  });

  it('ignores replies with no number, an unknown number, or one already answered', async () => {
    const { ports, send } = setup();
    const one = send(request('one'));
    reply(ports[0]!, '1', { ok: true, result: 'text id' });
    reply(ports[0]!, 99, { ok: true, result: 'unknown' });
    ports[0]!.onMessage.fire(null);
    ports[0]!.onMessage.fire('junk');
    expect(await stateOf(one)).toBe('pending');
    reply(ports[0]!, 1, { ok: true, result: 'real' });
    reply(ports[0]!, 1, { ok: true, result: 'again' });
    await expect(one).resolves.toEqual({ ok: true, result: 'real' });
  });

  it('fails what was waiting when the background goes away, and opens a new port for the next request', async () => {
    const { ports, send } = setup();
    const waiting = send(request('connect'));
    ports[0]!.disconnect();
    await expect(waiting).rejects.toThrow(/closed the connection/);

    const next = send(request('getGrant'));
    expect(ports).toHaveLength(2);
    expect(ports[1]!.posted).toEqual([{ id: 2, message: request('getGrant') }]);
    reply(ports[1]!, 2, { ok: true, result: null });
    await expect(next).resolves.toEqual({ ok: true, result: null });
  });

  it('fails a request the port can no longer carry, and reconnects for the next', async () => {
    const { ports, send } = setup();
    void send(request('one'));
    ports[0]!.gone = true; // closed, but the browser has not said so yet
    await expect(send(request('two'))).rejects.toThrow(/disconnected port/);
    const three = send(request('three'));
    expect(ports).toHaveLength(2);
    reply(ports[1]!, 3, { ok: true, result: 3 });
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
    ports[0]!.gone = true;
    await expect(send(request('two'))).rejects.toThrow();
    const three = send(request('three'));
    ports[0]!.disconnect();
    await expect(one).rejects.toThrow(/closed the connection/);
    expect(await stateOf(three)).toBe('pending');
    reply(ports[1]!, 3, { ok: true, result: 3 });
    await expect(three).resolves.toEqual({ ok: true, result: 3 });
  });
});
