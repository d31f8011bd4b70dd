// A typed way to call the page API. Method names, params and results come from
// the wallet's own method table, so a site's code breaks at compile time, not
// at run time, when the contract changes.
import type { PageMethodName, ParamsOf, ResultOf } from '../../../src/shared/methods';
import type { AtSignProvider, ProviderRpcError } from './types';

export type { PageMethodName, ParamsOf, ResultOf };

/** Methods that take no params may be called without them. */
type ParamsArg<M extends PageMethodName> = ParamsOf<M> extends undefined
  ? [params?: undefined]
  : [params: ParamsOf<M>];

export function request<M extends PageMethodName>(
  provider: AtSignProvider,
  method: M,
  ...[params]: ParamsArg<M>
): Promise<ResultOf<M>> {
  const args = params === undefined ? { method } : { method, params };
  return provider.request(args) as Promise<ResultOf<M>>;
}

/** True for the errors a provider rejects with: a numeric `code` and a `message`. */
export function isProviderRpcError(error: unknown): error is ProviderRpcError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'number' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
