// Calls the wallet's own methods from one of its pages, exactly as the
// popup and onboarding do. Tests use it to put state in place quickly; the
// tests of the pages themselves click through them instead.
import type { ParamsOf, ResultOf, UiMethodName } from '@/src/shared/methods';
import { NS, type Reply } from '@/src/shared/protocol';
import type { E2EPage, WalletBrowser } from './types';

type ExtensionApi = { runtime: { sendMessage(message: unknown): Promise<unknown> } };

export function callFrom<M extends UiMethodName>(page: E2EPage, method: M, params?: ParamsOf<M>): Promise<Reply<ResultOf<M>>> {
  return page.evaluate(
    async ({ ns, method, params }) => {
      const scope = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
      return (await (scope.browser ?? scope.chrome).runtime.sendMessage({ ns, kind: 'request', method, params })) as Reply<
        ResultOf<M>
      >;
    },
    { ns: NS, method, params },
  );
}

/** Opens an extension page, makes one call, closes it; throws on an error reply. */
export async function callWallet<M extends UiMethodName>(
  wallet: WalletBrowser,
  method: M,
  params?: ParamsOf<M>,
): Promise<ResultOf<M>> {
  const page = await wallet.openExtensionPage('/popup.html');
  try {
    const reply = await callFrom(page, method, params);
    if (!reply.ok) throw new Error(`${method}: ${reply.error.code} ${reply.error.message}`);
    return reply.result;
  } finally {
    await page.close();
  }
}
