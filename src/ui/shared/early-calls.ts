// Questions a page asks before it has drawn anything. A hook asks in an effect,
// which runs only after the first paint; a page's entry can start the same
// questions while its scripts are still running, and the first hook to want
// an answer takes it. Only questions with no params and no side effects.
import { call } from '../client';
import type { ResultOf } from '../../shared/methods';

type EarlyMethod = 'wallet_getState' | 'wallet_listGrants';

const started = new Map<EarlyMethod, Promise<unknown>>();

/** Starts asking now; nothing is lost if no hook ever takes the answer. */
export function startEarly(...methods: EarlyMethod[]): void {
  for (const method of methods) {
    const answer = ask(method);
    // Whoever takes it sees a failure; until then it is not an unhandled one.
    answer.catch(() => undefined);
    started.set(method, answer);
  }
}

/** The answer started early, once; after that (or if none was started), a fresh call. */
export function takeEarly<M extends EarlyMethod>(method: M): Promise<ResultOf<M>> {
  const answer = started.get(method) as Promise<ResultOf<M>> | undefined;
  started.delete(method);
  return answer ?? ask(method);
}

// The early methods take no params, which call's conditional signature cannot see through a generic.
const ask = <M extends EarlyMethod>(method: M) => (call as (method: EarlyMethod) => Promise<ResultOf<M>>)(method);
