// The Better Auth client side of "Sign in with atSign"
// (`@atsign-wallet/sdk/better-auth/client`): gives createAuthClient
// `atsign.nonce()` and `atsign.verify({ response })`, typed from the server
// plugin. Nothing of Better Auth or the server plugin is imported at run time.
//
//   const authClient = createAuthClient({ plugins: [atSignClient()] });
//   const { data } = await authClient.atsign.nonce();
//   … request(wallet.provider, 'atsign_signIn', { nonce: data.nonce, fields: ['name', 'email'] }) …
//   await authClient.atsign.verify({ response });
import type { BetterAuthClientPlugin } from 'better-auth';
import type { atSign } from './index';

export function atSignClient() {
  return {
    id: 'atsign',
    $InferServerPlugin: {} as ReturnType<typeof atSign>,
    pathMethods: { '/atsign/nonce': 'GET' },
  } satisfies BetterAuthClientPlugin;
}
