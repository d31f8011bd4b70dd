import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { build, parseAst, type Rolldown } from 'vite';

// Both browsers get Manifest V3: Chromium's background is a service worker,
// Firefox's an event page (background.scripts). Both stop when idle, and the
// background is written to be restarted (see README, How it fits together).

// The extension's own pages run only their own scripts, load no plugins, and
// may not be framed by anything — the approval window least of all.
// Pictures come only from the extension or a data: URL: an image from
// anywhere else would tell its server that a wallet window was opened.
const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; img-src 'self' data:; frame-ancestors 'none'";

// The page-world provider is built here, not as a WXT entrypoint: WXT's
// content-script wrapper (a logger, an async main) added ~190 B gzip to a
// file every page a person opens downloads. It is one minified script,
// added to the output and to the manifest below.
const PAGE_SCRIPT = 'content-scripts/inpage.js';

async function buildPageScript(root: string): Promise<string> {
  const result = await build({
    configFile: false,
    root,
    publicDir: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: true,
      // ES output, as an IIFE would wrap what is already one call in a function.
      rolldownOptions: { input: 'src/inpage/page.ts', output: { format: 'es' } },
    },
  });
  // Not watching, one input: one output of one chunk (an import would add another).
  const [chunk, ...more] = (result as Rolldown.RolldownOutput).output;
  // It runs as a classic script in the page's global scope, where a top-level
  // declaration would land on the page's window: one expression, nothing else.
  const body = parseAst(chunk.code).body;
  if (more.length || body.length !== 1 || body[0]!.type !== 'ExpressionStatement') {
    throw new Error(`${PAGE_SCRIPT} must build to one self-contained expression`);
  }
  return chunk.code;
}

export default defineConfig({
  // WXT would build Firefox as MV2; MV3 puts Firefox's build in .output/firefox-mv3.
  manifestVersion: 3,
  // `wxt/browser` becomes webextension-polyfill in the extension's pages and
  // background.
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    'build:publicAssets': async (wxt, files) => {
      files.push({ relativeDest: PAGE_SCRIPT, contents: await buildPageScript(wxt.config.root) });
    },
    // Not in content scripts: they run in every frame of every page, and WXT's
    // own content-script context imports `wxt/browser`, which would put the
    // polyfill (~10 kB) in the relay. There `wxt/browser` stays WXT's plain
    // `browser ?? chrome`, and the relay speaks the raw runtime itself.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const resolve = config.resolve;
      if (Array.isArray(resolve?.alias)) {
        resolve.alias = resolve.alias.filter((entry: { find: unknown }) => entry.find !== 'wxt/browser');
      } else if (resolve?.alias) {
        delete (resolve.alias as Record<string, string>)['wxt/browser'];
      }
    },
  },
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
  }),
  // The sources zip AMO's reviewers rebuild from (`wxt zip -b firefox`): what
  // git holds. What .gitignore keeps out — builds, local results — stays out.
  zip: { excludeSources: ['dist/**', 'packages/*/dist/**', 'bench/results.json', 'test-results/**', '**/*.log'] },
  manifest: ({ browser }) => ({
    name: 'atSign Wallet',
    description:
      'Hold your atSign keys and give websites scoped, revocable access to your personas.',
    permissions: ['storage', 'alarms'],
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    // Before the relay (which WXT adds from entrypoints/): pages find the
    // wallet before their own scripts run. A main-world script needs
    // Chrome 111 and Firefox 128.
    content_scripts: [
      { matches: ['http://*/*', 'https://*/*'], all_frames: true, run_at: 'document_start', js: [PAGE_SCRIPT], world: 'MAIN' },
    ],
    ...(browser === 'firefox'
      ? {
          // The atPlatform's root is asked over HTTPS, which needs host access
          // (it sends no CORS headers); atServers are reached by WebSocket,
          // which does not. The content scripts' sites cover the root, and
          // in Chromium that is all; Firefox lets people take back each host
          // access, so the root is named on its own and stays reachable
          // (the wallet goes online) for someone who takes back all sites.
          // A root the person names is asked for when they name it.
          host_permissions: ['https://root.atsign.org/*'],
          optional_host_permissions: ['https://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'wallet@atsign-wallet.org',
              strict_min_version: '140.0',
              // The wallet signs in to the person's own atServer (a PKAM
              // signature, never a key), publishes its public signing key
              // there, and keeps the person's personas there (names, emails,
              // addresses…, encrypted with the atSign's self encryption key
              // so only the atSign's own apps can read them); nothing goes
              // to anyone else.
              data_collection_permissions: { required: ['authenticationInfo', 'personallyIdentifyingInfo'] },
            },
          },
        }
      : { minimum_chrome_version: '111' }),
  }),
});
