// Everything that can go wrong talking to the atPlatform, apart from the
// server's own `error:` replies (AtServerError), is one AtClientError whose
// `problem` a caller can switch on: the SDK maps any of these to "the atServer
// could not be reached", the wallet shows `message` to a person.

export type AtClientProblem =
  /** The caller passed something the protocol cannot carry (a key with a space, a bad address…). */
  | 'bad-input'
  /** No connection could be made (refused, DNS, TLS handshake or certificate). */
  | 'unreachable'
  /** No answer within the time allowed; the connection is closed. */
  | 'timeout'
  /** The connection closed (by either side) before the answer came. */
  | 'closed'
  /** The other side sent something that is not the atProtocol. */
  | 'malformed'
  /** The connection cannot take this command now (e.g. it is a monitor's). */
  | 'wrong-state';

export class AtClientError extends Error {
  readonly problem: AtClientProblem;

  /** `message` is a whole sentence for a person. */
  constructor(problem: AtClientProblem, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AtClientError';
    this.problem = problem;
  }
}

export const badInput = (message: string): AtClientError => new AtClientError('bad-input', message);

export const malformed = (message: string, cause?: unknown): AtClientError =>
  new AtClientError('malformed', message, cause === undefined ? undefined : { cause });

/** A short, printable excerpt of what the other side sent, for error messages. */
export function excerpt(text: string, max = 80): string {
  const shown = JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
  return shown;
}
