// One connection to the atServer (at_secondary's inbound connection, message
// listener and global exception handler): the `@` greeting, the prompt
// (`@alice@` once authenticated), commands taken one at a time in order, and
// every answer written whole with its prompt in one write — `data:…`,
// `error:<code>-<description>` (JSON for a client that said it is newer than
// 3.0.37), or a handler's own `error:<code>:<message>`.
import { randomUUID } from 'node:crypto';
import { describeFailure, fail } from './errors.mjs';
import { execute } from './verbs/index.mjs';

/** InboundMessageListener's buffer: past it the server answers AT0005 and drops the connection. */
const BUFFER_CAPACITY = 10_240_000;

/** The `version` package's ordering, enough for "newer than 3.0.37"; null when Version.parse would throw. */
function newerThan3037(version) {
  const match = /^(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.exec(version);
  if (!match) return null;
  const [major, minor, patch] = match.slice(1, 4).map(Number);
  if (major !== 3) return major > 3;
  if (minor !== 0) return minor > 0;
  // A pre-release sorts before its release: 3.0.38-beta is still newer than 3.0.37.
  return patch > 37;
}

export function openSession(server, io) {
  const session = {
    id: `_${randomUUID()}`,
    authenticated: false,
    authType: null,
    enrollmentId: null,
    clientVersion: 'n/a',
    isMonitor: false,
    monitor: null,
    closed: false,
    /** Times of this connection's enroll requests (the per-connection rate limit). */
    enrollRequests: [],
    remote: io.remote,
  };
  session.prompt = () => (session.authenticated ? `${server.atSign}@` : '@');
  session.write = (text) => {
    if (!session.closed) io.write(text);
  };
  session.close = () => {
    if (session.closed) return;
    end();
    io.close();
  };

  /** The global exception handler: answer, and close the connection where the server does. */
  session.fail = (error) => {
    const { code, description, closes } = describeFailure(error, session.authenticated);
    if (session.clientVersion === 'n/a') {
      session.write(`error:${code}-${description}\n${session.prompt()}`);
    } else {
      const json = newerThan3037(session.clientVersion);
      // Version.parse throwing inside the handler leaves the error unanswered and the connection dropped.
      if (json === null) return session.close();
      session.write(json ? `error:${JSON.stringify({ errorCode: code, errorDescription: description })}\n${session.prompt()}` : `error:${code}-${description}\n${session.prompt()}`);
    }
    if (closes) session.close();
  };

  let buffered = '';
  let bufferedBytes = 0;
  let queue = Promise.resolve();

  function end() {
    if (session.closed) return;
    session.closed = true;
    server.sessionEnded(session);
  }

  async function run(command) {
    if (session.closed) return;
    if (command === '@exit') return session.close();
    try {
      await execute(server, session, command);
    } catch (error) {
      // execute answers every failure itself; this is only a guard against a bug here.
      session.fail(error);
    }
  }

  session.write('@');
  return {
    session,
    receive(text) {
      if (session.closed) return;
      const bytes = Buffer.byteLength(text);
      if (bufferedBytes + bytes > BUFFER_CAPACITY) {
        buffered = '';
        bufferedBytes = 0;
        queue = queue.then(() =>
          session.fail(fail('BufferOverFlowException', 'InboundBuffer overflow: server received request which exceeded the buffer size limit. Terminating the connection.')),
        );
        return;
      }
      buffered += text;
      bufferedBytes += bytes;
      const last = buffered.lastIndexOf('\n');
      if (last === -1) return;
      // The server reads up to a trailing newline as one command; here each
      // line is one, and blank lines among commands are dropped. Only blank
      // lines is the empty command, which the server answers as invalid.
      const lines = buffered.slice(0, last).split('\n').map((line) => line.trim());
      buffered = buffered.slice(last + 1);
      bufferedBytes = Buffer.byteLength(buffered);
      const commands = lines.filter((line) => line !== '');
      for (const command of commands.length === 0 ? [''] : commands) queue = queue.then(() => run(command));
    },
    end,
  };
}
