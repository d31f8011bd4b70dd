// The connection: the prompt first, one command in flight, a deadline on each,
// and every way it can end — as exact bytes on a fake transport.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AtClientError, AtConnection, AtServerError } from '@/src/atplatform';
import { FakeTransport, rejectionOf, settledState } from './support/fake-transport';

afterEach(() => {
  vi.useRealTimers();
});

async function opened(timeoutMs = 1000) {
  const transport = new FakeTransport();
  const opening = AtConnection.open(transport, { timeoutMs });
  transport.say('@');
  return { transport, connection: await opening };
}

const problemOf = (error: unknown) => (error instanceof AtClientError ? error.problem : error);

describe('AtConnection', () => {
  it('waits for the server’s "@" before it is open, and takes it split from the first reply', async () => {
    const transport = new FakeTransport();
    const opening = AtConnection.open(transport, { timeoutMs: 1000 });
    expect(await settledState(opening)).toBe('pending');
    transport.say('@');
    const connection = await opening;
    const reply = connection.request('info');
    transport.say('data:{"version":"3.2.0"}\n', '@');
    await expect(reply).resolves.toBe('{"version":"3.2.0"}');
  });

  it('writes each command as one line, and only one command until it is answered', async () => {
    const { transport, connection } = await opened();
    const first = connection.request('lookup:publickey@alice🛠');
    const second = connection.request('scan');
    expect(transport.sent).toEqual(['lookup:publickey@alice🛠\n']);
    transport.say('data:MIIB\n@');
    await expect(first).resolves.toBe('MIIB');
    expect(transport.sent).toEqual(['lookup:publickey@alice🛠\n', 'scan\n']);
    transport.say('data:[]\n@');
    await expect(second).resolves.toBe('[]');
  });

  it('rejects an error reply as AtServerError and carries on with the next command', async () => {
    const { transport, connection } = await opened();
    const missing = connection.request('lookup:nothing@alice');
    const next = connection.request('noop:0');
    transport.say('error:AT0015-Exception: public:nothing@alice does not exist in keystore\n@');
    const error = await rejectionOf(missing);
    expect(error).toBeInstanceOf(AtServerError);
    expect(error).toMatchObject({ code: 'AT0015', text: 'Exception: public:nothing@alice does not exist in keystore' });
    transport.say('data:ok\n@');
    await expect(next).resolves.toBe('ok');
    expect(connection.closed).toBe(false);
  });

  it.each([
    ['a newline', 'update:public:x@alice a\nupdate:public:y@alice b'],
    ['a carriage return', 'scan\rdelete:x@alice'],
    ['U+2028', 'scan\u2028x'],
    ['an unpaired surrogate', 'update:x@alice \ud800'],
  ])('refuses a command with %s and writes nothing', async (_name, command) => {
    const { transport, connection } = await opened();
    const error = await rejectionOf(connection.request(command));
    expect(problemOf(error)).toBe('bad-input');
    expect(transport.sent).toEqual([]);
    expect(connection.closed).toBe(false);
  });

  it('times out a command that gets no answer, closes the connection and fails what was queued', async () => {
    vi.useFakeTimers();
    const { transport, connection } = await opened(5000);
    const silent = connection.request('lookup:publickey@alice');
    const queuedOutcome = rejectionOf(connection.request('scan'));
    const outcome = rejectionOf(silent);
    await vi.advanceTimersByTimeAsync(4999);
    expect(await settledState(silent)).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(problemOf(error)).toBe('timeout');
    expect((error as Error).message).toMatch(/did not answer lookup within 5000 ms/);
    expect(problemOf(await queuedOutcome)).toBe('timeout');
    expect(transport.closedByClient).toBe(true);
    expect(transport.sent).toEqual(['lookup:publickey@alice\n']);
    // A late answer changes nothing and nothing more is sent.
    transport.say('data:late\n@');
    expect(problemOf(await rejectionOf(connection.request('scan')))).toBe('timeout');
  });

  it('lets one command ask for a longer deadline', async () => {
    vi.useFakeTimers();
    const { transport, connection } = await opened(1000);
    const slow = connection.request('noop:3000', { timeoutMs: 4000 });
    await vi.advanceTimersByTimeAsync(3000);
    transport.say('data:ok\n@');
    await expect(slow).resolves.toBe('ok');
  });

  it('does not open when the server never says hello, within the deadline', async () => {
    vi.useFakeTimers();
    const transport = new FakeTransport();
    const outcome = rejectionOf(AtConnection.open(transport, { timeoutMs: 2000 }));
    await vi.advanceTimersByTimeAsync(2000);
    const error = await outcome;
    expect(problemOf(error)).toBe('timeout');
    expect(transport.closedByClient).toBe(true);
  });

  it('does not open when the server refuses with an error instead of "@" (too many connections)', async () => {
    const transport = new FakeTransport();
    transport.say('error:AT0012-Inbound connection limit exceeded\n');
    transport.hangUp();
    const error = await rejectionOf(AtConnection.open(transport, { timeoutMs: 1000 }));
    expect(error).toBeInstanceOf(AtServerError);
    expect(error).toMatchObject({ code: 'AT0012' });
  });

  it('fails the command in flight when the server hangs up, unless its last words answered it', async () => {
    const { transport, connection } = await opened();
    const answered = rejectionOf(connection.request('pkam:c2ln'));
    const dropped = rejectionOf(connection.request('scan'));
    transport.say('error:AT0401-Exception: pkam authentication failed\n');
    transport.hangUp(new Error('ECONNRESET'));
    expect(await answered).toMatchObject({ code: 'AT0401' });
    expect(transport.sent).toEqual(['pkam:c2ln\n']);
    const error = await dropped;
    expect(problemOf(error)).toBe('closed');
    expect((error as Error).message).toBe('The atServer closed the connection.');
    expect((error as Error).cause).toMatchObject({ message: 'ECONNRESET' });
    expect(connection.closed).toBe(true);
  });

  it('fails pending and queued commands when closed, and reports a deliberate close without an error', async () => {
    const { transport, connection } = await opened();
    const closes: Array<Error | undefined> = [];
    connection.onClose((error) => closes.push(error));
    const pending = rejectionOf(connection.request('scan'));
    const queued = rejectionOf(connection.request('info'));
    connection.close();
    expect(problemOf(await pending)).toBe('closed');
    expect(problemOf(await queued)).toBe('closed');
    expect(problemOf(await rejectionOf(connection.request('scan')))).toBe('closed');
    expect(closes).toEqual([undefined]);
    expect(transport.closedByClient).toBe(true);
  });

  it('closes on an answer nobody asked for, and on text that is not the protocol', async () => {
    const first = await opened();
    const closes: Array<Error | undefined> = [];
    first.connection.onClose((error) => closes.push(error));
    first.transport.say('data:surprise\n@');
    expect(first.connection.closed).toBe(true);
    expect(problemOf(closes[0])).toBe('malformed');

    const second = await opened();
    const pending = second.connection.request('scan');
    second.transport.say('HTTP/1.1 400 Bad Request\r\n');
    const error = await rejectionOf(pending);
    expect(problemOf(error)).toBe('malformed');
    expect(second.transport.closedByClient).toBe(true);
  });

  it('sends @exit and resolves when the server hangs up', async () => {
    const { transport, connection } = await opened();
    const exiting = connection.exit();
    expect(transport.sent).toEqual(['@exit\n']);
    transport.hangUp();
    await expect(exiting).resolves.toBeUndefined();
  });

  it('refuses a deadline that is not a positive whole number', async () => {
    const unopened = new FakeTransport();
    expect(problemOf(await rejectionOf(AtConnection.open(unopened, { timeoutMs: -1 })))).toBe('bad-input');
    expect(unopened.closedByClient).toBe(true);
    const { connection } = await opened();
    expect(problemOf(await rejectionOf(connection.request('scan', { timeoutMs: 0 })))).toBe('bad-input');
    expect(problemOf(await rejectionOf(connection.request('scan', { timeoutMs: Number.NaN })))).toBe('bad-input');
  });
});
