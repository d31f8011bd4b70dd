// The atProtocol client — one client for the atPlatform's wire protocol
// (docs: ATPLATFORM), shared by the SDK on a server and the wallet in a browser.
// Layers, bottom up:
//   transport   AtTransport/AtConnector: text in and out over something —
//               transports/node-tls.ts (Node, ALPN atProtocol/1.0; import it by
//               path, it is Node-only) or transports/websocket.ts (wss://…/ws).
//   framing     AtFramer: arriving text → prompts, `data:` and `error:` replies
//               (legacy, colon and JSON error forms → AtServerError), monitor
//               `notification:` lines.
//   connection  AtConnection: waits for the `@` prompt, one command in flight,
//               a deadline on each, every failure an AtClientError.
//   verbs       verbs.ts/enroll.ts build each command line from checked parts
//               (nothing a caller passes can add a second line); replies.ts and
//               monitor.ts read the answers.
//   client      AtClient: connect, authenticate (PKAM/APKAM, CRAM), lookup,
//               llookup, update, delete, scan, sync, monitor, enroll, otp, keys:get.
//   root        findAtServer: the root directory's own line protocol.
// Everything here but transports/node-tls.ts uses only WebCrypto and web APIs.

export { AtClient, type AtClientOptions, type AuthenticateOptions } from './client';
export { findAtServer, type FindAtServerOptions } from './root';
export { parseAddress, formatAddress } from './address';
export { AtClientError, type AtClientProblem } from './errors';
export { AtServerError, parseServerError } from './server-error';
export type { AtAddress, AtConnector, AtTransport } from './transport';
export { AtConnection, DEFAULT_TIMEOUT_MS, type AtPush } from './connection';
export { AtFramer, MAX_REPLY_CHARS, type AtFrame } from './framing';
export { AtMonitor, parseNotification, type AtNotification } from './monitor';
export { METADATA_TAGS, type AtMetadata, type AtStoredMetadata } from './metadata';
export type { AtKeyRecord, AtServerInfo, AtSyncEntry } from './replies';
export type { EnrollRequest, EnrollResponse, NamespaceAccess } from './enroll';
export type { MonitorOptions, ReadOperation, ScanOptions, SyncOptions } from './verbs';
export type { PkamPrivateKey } from './auth';
export { CRAM_SECRET_KEY } from './atkey-names';
export { webSocketConnector, webSocketUrl, type WebSocketConnectorOptions, type WebSocketConstructor, type WebSocketLike } from './transports/websocket';
