// One error type for everything that can be wrong with keys, so a caller (the
// onboarding page) can switch on `problem` and show `message` to a person
// without ever seeing a raw DOMException or TypeError from the crypto below.

export type AtKeysProblem =
  | 'too-large'
  | 'not-json'
  | 'not-an-object'
  | 'missing-field'
  | 'bad-self-key'
  | 'bad-base64'
  | 'wrong-self-key'
  | 'not-rsa'
  | 'key-mismatch'
  | 'no-atsign'
  | 'bad-atsign'
  | 'atsign-conflict';

export class AtKeysError extends Error {
  readonly problem: AtKeysProblem;

  /** `message` is a whole sentence for a person, naming the field at fault. */
  constructor(problem: AtKeysProblem, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AtKeysError';
    this.problem = problem;
  }
}

/**
 * Runs `work`, turning any failure that is not already an AtKeysError into one
 * with the given problem. Used around every crypto call whose failure means
 * "this input is bad" rather than "the program is broken".
 */
export async function orProblem<T>(
  problem: AtKeysProblem,
  message: string,
  work: () => Promise<T> | T,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AtKeysError) throw error;
    throw new AtKeysError(problem, message, { cause: error });
  }
}
