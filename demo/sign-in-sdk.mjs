// The demo server checks sign-ins with the SDK's own source, as a site's
// server would with the published package. Node 20 cannot run TypeScript, so
// Vite's module runner (the same transform that builds the page) loads it once.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = fileURLToPath(new URL('../src/sdk/siwa/index.ts', import.meta.url));

let loading;

/** The SDK's sign-in module: { createNonce, parseSignInMessage, verifySignIn, SignInError, … }. */
export function loadSignInSdk() {
  loading ??= runnerImport(entry, { configFile: false, root, logLevel: 'warn' }).then(({ module }) => module);
  return loading;
}
