// The one typed client the extension's pages use to reach the background.
import { browser } from 'wxt/browser';
import { WalletError } from '@/src/shared/errors';
import type { ParamsOf, ResultOf, UiMethodName } from '@/src/shared/methods';
import { NS, type Reply } from '@/src/shared/protocol';

type ParamsArg<M extends UiMethodName> = ParamsOf<M> extends undefined ? [] : [params: ParamsOf<M>];

export async function call<M extends UiMethodName>(method: M, ...[params]: ParamsArg<M>): Promise<ResultOf<M>> {
  const reply = (await browser.runtime.sendMessage({ ns: NS, kind: 'request', method, params })) as Reply<ResultOf<M>>;
  if (!reply.ok) throw new WalletError(reply.error.code, reply.error.message, reply.error.data);
  return reply.result;
}
