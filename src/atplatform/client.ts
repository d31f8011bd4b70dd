// The product's one atProtocol client: a connection to one atServer, with the
// verbs the wallet and the SDK use. Transport-agnostic — give it a connector
// (TLS in Node, a WebSocket in the browser). Unauthenticated it can read what
// an atSign publishes; after `authenticate` (PKAM) or `authenticateCram` it
// acts as the atSign's own app.

import { requireAtSign } from './atsign-input';
import { checkChallenge, cramDigest, pkamSignature, type PkamPrivateKey } from './auth';
import { AtConnection, checkTimeout, DEFAULT_TIMEOUT_MS } from './connection';
import { connectWithin } from './deadline';
import { excerpt, malformed } from './errors';
import { enrollRequestCommand, parseEnrollResponse, type EnrollRequest, type EnrollResponse } from './enroll';
import type { AtMetadata, AtStoredMetadata } from './metadata';
import { AtMonitor } from './monitor';
import {
  NULL_DATA,
  parseCommitId,
  parseInfo,
  parseKeyList,
  parseKeyRecord,
  parseMetadataReply,
  parseSyncEntries,
  type AtKeyRecord,
  type AtServerInfo,
  type AtSyncEntry,
} from './replies';
import type { AtAddress, AtConnector, AtTransport } from './transport';
import * as verbs from './verbs';

export interface AtClientOptions {
  /** Opens the transport: tlsConnector(…) in Node, webSocketConnector(…) in a browser. */
  connect: AtConnector;
  /** Longest wait for the connection and for each answer. Default 10 s. */
  timeoutMs?: number;
  /**
   * The longest reply taken, in characters; a longer one closes the
   * connection (AtClientError 'malformed'). Default MAX_REPLY_CHARS, as
   * Atsign's clients; a client that only looks up keys needs far less.
   */
  maxReplyChars?: number;
}

export interface AuthenticateOptions {
  /** The PKAM private key (base64 PKCS#8, as in .atKeys) or an imported CryptoKey. For an enrolled app, its APKAM key. */
  pkamPrivateKey: PkamPrivateKey;
  /** Given for an app enrolled by APKAM: sends the `pkam:…:enrollmentId:<id>:…` form. */
  enrollmentId?: string;
  /** Sent with `from` (e.g. { version: '3.0.38' } makes the server's errors JSON). */
  clientConfig?: Record<string, unknown>;
}

export class AtClient {
  readonly #connection: AtConnection;
  #atSign: string | null = null;

  private constructor(connection: AtConnection) {
    this.#connection = connection;
  }

  /** Connects and waits for the server's prompt. */
  static async connect(address: AtAddress, options: AtClientOptions): Promise<AtClient> {
    const timeoutMs = options?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    checkTimeout(timeoutMs);
    const transport = await connectWithin(options?.connect, address, timeoutMs);
    return AtClient.over(transport, { timeoutMs, maxReplyChars: options?.maxReplyChars });
  }

  /** A client over a transport that is already open. */
  static async over(transport: AtTransport, options: Omit<AtClientOptions, 'connect'> = {}): Promise<AtClient> {
    return new AtClient(await AtConnection.open(transport, options));
  }

  /** The atSign this connection authenticated as, or null. */
  get atSign(): string | null {
    return this.#atSign;
  }

  get closed(): boolean {
    return this.#connection.closed;
  }

  /** Called once when the connection ends; with the error unless it was closed on purpose. */
  onClose(listener: (error?: Error) => void): void {
    this.#connection.onClose(listener);
  }

  info(): Promise<AtServerInfo> {
    return this.#connection.request(verbs.INFO_COMMAND).then(parseInfo);
  }

  /** `noop:<delay>` — the server waits (at most 5 s) and answers ok; the deadline is stretched by the delay. */
  async noop(delayMs = 0): Promise<void> {
    const command = verbs.noopCommand(delayMs);
    const data = await this.#connection.request(command, { timeoutMs: this.#connection.timeoutMs + delayMs });
    if (data !== 'ok') throw malformed(`The atServer answered noop with ${excerpt(data)}, not "ok".`);
  }

  /** `from:@alice` → the challenge, exactly the text after `data:`. */
  from(atSign: string, clientConfig?: Record<string, unknown>): Promise<string> {
    return this.#send(() => verbs.fromCommand(atSign, clientConfig));
  }

  /** Answers the challenge with a PKAM signature; rejects AtServerError (AT0401, or AT0025–AT0028 for an enrollment). */
  async pkam(signature: string, enrollmentId?: string): Promise<void> {
    this.#expectSuccess(await this.#send(() => verbs.pkamCommand(signature, enrollmentId)), 'pkam');
  }

  async cram(digestHex: string): Promise<void> {
    this.#expectSuccess(await this.#send(() => verbs.cramCommand(digestHex)), 'cram');
  }

  /** `from` then `pkam`: this connection becomes the atSign's own app. */
  async authenticate(atSign: string, options: AuthenticateOptions): Promise<void> {
    const owner = requireAtSign(atSign);
    const challenge = checkChallenge(await this.from(owner, options?.clientConfig), owner);
    await this.pkam(await pkamSignature(options?.pkamPrivateKey, challenge), options?.enrollmentId);
    this.#atSign = owner;
  }

  /** Activation of a new atSign with its CRAM secret: `from` then `cram`. */
  async authenticateCram(atSign: string, cramSecret: string, clientConfig?: Record<string, unknown>): Promise<void> {
    const owner = requireAtSign(atSign);
    const challenge = checkChallenge(await this.from(owner, clientConfig), owner);
    await this.cram(await cramDigest(cramSecret, challenge));
    this.#atSign = owner;
  }

  /** Someone's public value: `lookup:publickey@alice`. Null when the key exists but is not live (`data:null`). */
  async lookup(key: string): Promise<string | null> {
    const data = await this.#send(() => verbs.lookupCommand(key));
    return data === NULL_DATA ? null : data;
  }

  async lookupMeta(key: string): Promise<AtStoredMetadata | null> {
    return parseMetadataReply(await this.#send(() => verbs.lookupCommand(key, 'meta')), 'lookup:meta');
  }

  /** Value and metadata (e.g. the dataSignature of a public key). */
  async lookupAll(key: string): Promise<AtKeyRecord | null> {
    return parseKeyRecord(await this.#send(() => verbs.lookupCommand(key, 'all')), 'lookup:all');
  }

  /** The value as stored (still base64 if it was written so; llookupAll undoes that). */
  async llookup(key: string): Promise<string | null> {
    const data = await this.#send(() => verbs.llookupCommand(key));
    return data === NULL_DATA ? null : data;
  }

  async llookupMeta(key: string): Promise<AtStoredMetadata | null> {
    return parseMetadataReply(await this.#send(() => verbs.llookupCommand(key, 'meta')), 'llookup:meta');
  }

  async llookupAll(key: string): Promise<AtKeyRecord | null> {
    return parseKeyRecord(await this.#send(() => verbs.llookupCommand(key, 'all')), 'llookup:all');
  }

  /** Stores a value; resolves the commit id. Metadata tags go in the server's order; a multi-line value goes as base64. */
  async update(key: string, value: string, metadata: AtMetadata = {}): Promise<number | null> {
    return parseCommitId(await this.#send(() => verbs.updateCommand(key, value, metadata)), 'update');
  }

  async delete(key: string): Promise<number | null> {
    return parseCommitId(await this.#send(() => verbs.deleteCommand(key)), 'delete');
  }

  /** Key names (all of this atSign's when authenticated, its public ones otherwise), optionally matching a regex. */
  async scan(regex?: string, options?: verbs.ScanOptions): Promise<string[]> {
    return parseKeyList(await this.#send(() => verbs.scanCommand(regex, options)));
  }

  /** What changed on this atSign's atServer after `commitId` (-1: everything), oldest first, one page. */
  async syncFrom(commitId: number, options?: verbs.SyncOptions): Promise<AtSyncEntry[]> {
    return parseSyncEntries(await this.#send(() => verbs.syncFromCommand(commitId, options)));
  }

  /**
   * Turns this connection into a monitor (`options` may be just a regex) and returns it. The server does not
   * answer `monitor`; a refusal arrives as the monitor's error. After this the
   * client takes no other command (AtClientError 'wrong-state').
   */
  async monitor(options?: string | verbs.MonitorOptions): Promise<AtMonitor> {
    const command = verbs.monitorCommand(typeof options === 'string' ? { regex: options } : options);
    const monitor = new AtMonitor(this.#connection);
    await this.#connection.startMonitor(command);
    return monitor;
  }

  async enrollRequest(request: EnrollRequest): Promise<EnrollResponse> {
    return parseEnrollResponse(await this.#send(() => enrollRequestCommand(request)));
  }

  /** A fresh one-time code for enrolling another app (authenticated). */
  otpGet(options?: { ttlMs?: number }): Promise<string> {
    return this.#send(() => verbs.otpGetCommand(options));
  }

  /** The raw value the server keeps under a key name (e.g. an enrollment's encrypted keys, JSON `{"value":…}`). */
  keysGet(keyName: string): Promise<string> {
    return this.#send(() => verbs.keysGetCommand(keyName));
  }

  /** Sends `@exit` and waits for the server to hang up. */
  exit(): Promise<void> {
    return this.#connection.exit();
  }

  close(): void {
    this.#connection.close();
  }

  /** Builds the command (bad input rejects, never throws synchronously) and sends it. */
  #send(build: () => string): Promise<string> {
    let command: string;
    try {
      command = build();
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#connection.request(command);
  }

  #expectSuccess(data: string, verb: string): void {
    if (data !== 'success') throw malformed(`The atServer answered ${verb} with ${excerpt(data)}, not "success".`);
  }
}
