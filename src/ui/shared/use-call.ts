// Calls one UI method of the background that takes no params and tracks the
// answer for rendering: loading, failed, or ready.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { call } from '../client';
import type { ParamsOf, ResultOf, UiMethodName } from '../../shared/methods';

export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; value: T };

/** Methods that take no params, which are the ones a view can load on open. */
type NoParamsMethod = { [M in UiMethodName]: ParamsOf<M> extends undefined ? M : never }[UiMethodName];

/** Loads `method` on mount; `reload()` asks again. Only the latest answer is kept. */
export function useCall<M extends NoParamsMethod>(method: M): [Loadable<ResultOf<M>>, () => void] {
  const [state, setState] = useState<Loadable<ResultOf<M>>>({ status: 'loading' });
  const latest = useRef(0);

  const load = useCallback(() => {
    const ticket = ++latest.current;
    setState({ status: 'loading' });
    const settle = (next: Loadable<ResultOf<M>>) => {
      if (ticket === latest.current) setState(next);
    };
    // TypeScript cannot see that a NoParamsMethod needs no params argument.
    (call as (m: M) => Promise<ResultOf<M>>)(method).then(
      (value) => settle({ status: 'ready', value }),
      (error: unknown) => settle({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, [method]);

  useEffect(() => {
    load();
    // Answers that arrive after the popup closes are dropped.
    return () => void ++latest.current;
  }, [load]);

  return [state, load];
}
