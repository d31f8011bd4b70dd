// What going online costs the wallet: a new connection to the atSign's
// atServer over the WebSocket door it uses in a browser (wss://…/ws, TLS
// verified against the local atPlatform's CA), the `@` prompt, then
// `from` + `pkam` with the atSign's RSA-2048 PKAM key — the step every link
// takes when the wallet unlocks or a dropped connection comes back.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { WebSocket as WsWebSocket, type ClientOptions } from 'ws';
import { AtClient, parseAddress, webSocketConnector, type WebSocketConstructor } from '../src/atplatform';
import { readAtKeys, type AtKeys } from '../src/keys';
import { startLocalAtPlatform, type LocalAtPlatform } from '../testing/atplatform/index.mjs';
import { record } from './lib/record';
import { median, round, spreadOf } from './lib/stats';

const ATKEYS = path.resolve(process.cwd(), 'tests/fixtures/atkeys/@alice🛠.atKeys');
const ALICE = '@alice🛠';
const RUNS = 40;

let platform: LocalAtPlatform;
let keys: AtKeys;

beforeAll(async () => {
  platform = await startLocalAtPlatform({ atKeys: [ATKEYS] });
  keys = await readAtKeys(readFileSync(ATKEYS, 'utf8'));
});
afterAll(() => platform?.stop());

it('measures connecting to an atServer over wss and authenticating with PKAM', async ({ task }) => {
  // `ws` hands these to tls.connect; as a browser, it offers ALPN http/1.1.
  const options: ClientOptions & { ALPNProtocols: string[] } = { ca: platform.ca, ALPNProtocols: ['http/1.1'] };
  const Trusting: WebSocketConstructor = class extends WsWebSocket {
    constructor(url: string) {
      super(url, options);
    }
  };
  const connect = webSocketConnector({ WebSocket: Trusting });
  const address = parseAddress(platform.atServers[ALICE]!);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const client = await AtClient.connect(address, { connect });
    await client.authenticate(ALICE, { pkamPrivateKey: keys.pkamPrivateKey });
    times.push(performance.now() - start);
    client.close();
  }
  record(task, {
    figures: { atserver_connect_auth_ms: round(median(times)) },
    spread: { atserver_connect_auth_ms: spreadOf(times) },
    context: { atserver_link: 'local atServer, loopback wss, RSA-2048 PKAM' },
  });
});
