import { describe, expect, it } from 'vitest';
import { portChannel } from '@/src/content/port-channel';
import { NS, type BackgroundRequest } from '@/src/shared/protocol';
import { FakePort } from './support/fake-ports';
import { stateOf } from './support/fake-window';

/** The background answers request `id` on `port`. */
const reply = (port: FakePort, id: unknown, answer: unknown) => port.onMessage.fire(structuredClone({ id, reply: answer }));
/** The background says request `id` arrived on `port`. */
const received = (port: FakePort, id: number) => port.onMessage.fire({ id, received: true });

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

  it('fails what the background received when it goes away, and opens a new port for the next request', async () => {
    const { ports, send } = setup();
    const waiting = send(request('connect'));
    received(ports[0]!, 1);
    ports[0]!.disconnect();
    await expect(waiting).rejects.toThrow(/closed the connection/);
    expect(ports).toHaveLength(1); // not sent again: it might open a second window

    const next = send(request('getGrant'));
    expect(ports).toHaveLength(2);
    expect(ports[1]!.posted).toEqual([{ id: 2, message: request('getGrant') }]);
    reply(ports[1]!, 2, { ok: true, result: null });
    await expect(next).resolves.toEqual({ ok: true, result: null });
  });

  it('sends once more, on a new port, what the background never received before its port closed', async () => {
    const { ports, send } = setup();
    const done = send(request('done'));
    received(ports[0]!, 1);
    reply(ports[0]!, 1, { ok: true, result: 'done' });
    await expect(done).resolves.toEqual({ ok: true, result: 'done' });
    // The background stopped; the browser has not told this frame yet, so the request goes on the dead port.
    const one = send(request('one'));
    const two = send(request('two'));
    received(ports[0]!, 3);
    const failed = expect(two).rejects.toThrow(/closed the connection/);
    ports[0]!.disconnect();
    await failed;
    expect(ports).toHaveLength(2);
    expect(ports[1]!.posted).toEqual([{ id: 2, message: request('one') }]);
    reply(ports[1]!, 2, { ok: true, result: 'one' });
    await expect(one).resolves.toEqual({ ok: true, result: 'one' });
  });

  it('sends a request only twice: it fails if the second port closes before it arrives too', async () => {
    const { ports, send } = setup();
    const one = send(request('one'));
    ports[0]!.disconnect();
    expect(ports).toHaveLength(2);
    ports[1]!.disconnect();
    await expect(one).rejects.toThrow(/closed the connection/);
    expect(ports).toHaveLength(2);
    expect(ports.map((port) => port.posted.length)).toEqual([1, 1]);
  });

  it('sends a request the port can no longer carry on a new port at once', async () => {
    const { ports, send } = setup();
    void send(request('one'));
    ports[0]!.gone = true; // closed, but the browser has not said so yet
    const two = send(request('two'));
    expect(ports).toHaveLength(2);
    expect(ports[1]!.posted).toEqual([{ id: 2, message: request('two') }]);
    reply(ports[1]!, 2, { ok: true, result: 2 });
    await expect(two).resolves.toEqual({ ok: true, result: 2 });
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
    received(ports[0]!, 1);
    ports[0]!.gone = true;
    const two = send(request('two'));
    const three = send(request('three'));
    ports[0]!.disconnect();
    await expect(one).rejects.toThrow(/closed the connection/);
    expect(ports).toHaveLength(2);
    expect(await stateOf(two)).toBe('pending');
    expect(await stateOf(three)).toBe('pending');
    reply(ports[1]!, 3, { ok: true, result: 3 });
    reply(ports[1]!, 2, { ok: true, result: 2 });
    await expect(three).resolves.toEqual({ ok: true, result: 3 });
    await expect(two).resolves.toEqual({ ok: true, result: 2 });
  });

  it('takes a receipt for a request as no answer', async () => {
    const { ports, send } = setup();
    const one = send(request('one'));
    received(ports[0]!, 1);
    expect(await stateOf(one)).toBe('pending');
    reply(ports[0]!, 1, { ok: true, result: 1 });
    await expect(one).resolves.toEqual({ ok: true, result: 1 });
  });
});
