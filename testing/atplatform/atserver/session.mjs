// One connection to the atServer: the `@` prompt (`@alice@` once
// authenticated), one command per line handled in order, and every answer
// written as the server writes it — `data:…` or `error:…`, then the prompt, in
// one write (one WebSocket frame). Errors are the legacy text form unless the
// client's `from` said clientConfig version 3.0.38 or newer (then JSON).
import { randomUUID } from 'node:crypto';
import { AtServerException, ErrorResponse } from './errors.mjs';
import { handle } from './verbs/index.mjs';

/** Newer than 3.0.37, as the server compares client versions. */
function wantsJsonErrors(version) {
  const parts = String(version ?? '').split('.').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isInteger(n))) return false;
  const [a, b, c] = parts;
  return a > 3 || (a === 3 && (b > 0 || c > 37));
}

/** The inbound buffer's limit: past it the server drops the connection. */
const MAX_COMMAND_BYTES = 10 * 1024 * 1024;

export function openSession(server, io) {
  const session = {
    id: `_${randomUUID()}`,
    authenticated: false,
    authType: null,
    enrollmentId: null,
    clientVersion: null,
    challenge: null,
    monitor: null,
    closed: false,
  };
  const prompt = () => (session.authenticated ? `${server.atSign}@` : '@');
  let pending = '';
  let queue = Promise.resolve();

  function write(text) {
    if (!session.closed) io.write(text);
  }

  function writeError(error) {
    if (error instanceof ErrorResponse) {
      write(`error:${error.code}:${error.message}\n${prompt()}`);
      return;
    }
    const exception = error instanceof AtServerException ? error : new AtServerException('InternalServerException', String(error?.message ?? error));
    const description = exception.describe(session.authenticated);
    const body = wantsJsonErrors(session.clientVersion)
      ? JSON.stringify({ errorCode: exception.code, errorDescription: description })
      : `${exception.code}-${description}`;
    write(`error:${body}\n${prompt()}`);
  }

  async function run(command) {
    if (session.closed) return;
    if (command === '@exit') {
      end();
      io.close();
      return;
    }
    if (session.monitor) return; // a monitor connection takes no more commands
    try {
      const data = await handle(server, session, command, { write, prompt });
      if (data === undefined) return; // answered by the handler itself (monitor)
      if (typeof data === 'object' && data !== null) write(`${data.raw}\n${prompt()}`);
      else write(`data:${data}\n${prompt()}`);
    } catch (error) {
      writeError(error);
    }
  }

  function end() {
    if (session.closed) return;
    session.closed = true;
    server.sessionEnded(session);
  }

  write('@');
  return {
    receive(text) {
      pending += text;
      if (Buffer.byteLength(pending) > MAX_COMMAND_BYTES) {
        pending = '';
        writeError(new AtServerException('BufferOverFlowException', 'InboundBuffer overflow: server received request which exceeded the buffer size limit. Terminating the connection.'));
        end();
        io.close();
        return;
      }
      let newline;
      while ((newline = pending.indexOf('\n')) !== -1) {
        const command = pending.slice(0, newline).trim();
        pending = pending.slice(newline + 1);
        if (command === '') continue;
        queue = queue.then(() => run(command));
      }
    },
    end,
    session,
  };
}
