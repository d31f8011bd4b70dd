// Drives the local atServer's core the way a door does — text in, whole
// answers out — with the fixtures' real keys, opened here with node:crypto
// (independently of the core), to sign PKAM challenges as the atSign's app.
import { constants, createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, generateKeyPairSync, publicEncrypt, randomBytes, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createAtServerCore, type AtServerCore } from '../../../../testing/atplatform/atserver/index.mjs';

export const ALICE = '@alice🛠';

export const atKeysJson = (file = `${ALICE}.atKeys`): Record<string, unknown> =>
  JSON.parse(readFileSync(path.resolve(process.cwd(), 'tests/fixtures/atkeys', file), 'utf8')) as Record<string, unknown>;

const ZERO_IV = Buffer.alloc(16);

export function aesDecrypt(base64Key: string, base64: string): string {
  const decipher = createDecipheriv('aes-256-ctr', Buffer.from(base64Key, 'base64'), ZERO_IV);
  const padded = Buffer.concat([decipher.update(Buffer.from(base64, 'base64')), decipher.final()]);
  return padded.subarray(0, padded.length - padded.at(-1)!).toString('utf8');
}

export function aesEncrypt(base64Key: string, text: string): string {
  const data = Buffer.from(text, 'utf8');
  const pad = 16 - (data.length % 16);
  const cipher = createCipheriv('aes-256-ctr', Buffer.from(base64Key, 'base64'), ZERO_IV);
  return Buffer.concat([cipher.update(Buffer.concat([data, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}

/** A fixture's keys, decrypted: base64 DER. */
export function fixtureKeys(file = `${ALICE}.atKeys`) {
  const json = atKeysJson(file) as Record<string, string>;
  const self = json.selfEncryptionKey!;
  return {
    selfEncryptionKey: self,
    pkamPrivateKey: aesDecrypt(self, json.aesPkamPrivateKey!),
    pkamPublicKey: aesDecrypt(self, json.aesPkamPublicKey!),
    encryptionPublicKey: aesDecrypt(self, json.aesEncryptPublicKey!),
    encryptionPrivateKey: aesDecrypt(self, json.aesEncryptPrivateKey!),
  };
}

export function rsaSign(base64Pkcs8: string, text: string, hash = 'sha256'): string {
  const key = createPrivateKey({ key: Buffer.from(base64Pkcs8, 'base64'), format: 'der', type: 'pkcs8' });
  return sign(hash, Buffer.from(text, 'utf8'), key).toString('base64');
}

/** A new app's own keys: an APKAM RSA pair and an AES-256 key, the latter RSA-encrypted (PKCS#1 v1.5) to the atSign's encryption key. */
export function newApp(encryptionPublicKey = fixtureKeys().encryptionPublicKey) {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const symmetricKey = randomBytes(32).toString('base64');
  const encryptionKey = createPublicKey({ key: Buffer.from(encryptionPublicKey, 'base64'), format: 'der', type: 'spki' });
  return {
    publicKey: pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    symmetricKey,
    encryptedSymmetricKey: publicEncrypt({ key: encryptionKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(symmetricKey)).toString('base64'),
  };
}
export type App = ReturnType<typeof newApp>;

/** `enroll:request:{…}` as a new app sends it. */
export const enrollRequest = (app: App, otp: string | undefined, extra: Record<string, unknown> = {}) =>
  `enroll:request:${JSON.stringify({
    appName: 'atwallet',
    deviceName: 'firefox',
    namespaces: { atwallet: 'rw' },
    ...(otp === undefined ? {} : { otp }),
    apkamPublicKey: app.publicKey,
    encryptedAPKAMSymmetricKey: app.encryptedSymmetricKey,
    ...extra,
  })}`;

/** Alice's atServer as her fixture activates it; wrong one-time codes are not made to wait. */
export const aliceCore = (extra: { dataFile?: string } = {}) => createAtServerCore({ atSign: ALICE, atKeys: atKeysJson(), invalidOtpDelayMs: 0, ...extra });

/** A connection to the core: send a command, read the next whole write. */
export class Wire {
  readonly written: string[] = [];
  closed = false;
  private readonly waiting: Array<(text: string) => void> = [];
  private read = 0;
  readonly session;

  constructor(core: AtServerCore) {
    this.session = core.openSession({
      write: (text) => {
        this.written.push(text);
        const i = this.written.length - 1;
        if (i >= this.read && this.waiting.length > 0) {
          this.read = i + 1;
          this.waiting.shift()!(text);
        }
      },
      close: () => {
        this.closed = true;
      },
    });
  }

  /** The next write not read yet (waits for it). */
  next(): Promise<string> {
    if (this.read < this.written.length) return Promise.resolve(this.written[this.read++]!);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Opens the connection: reads the greeting. */
  async open(): Promise<this> {
    await this.next();
    return this;
  }

  async send(command: string): Promise<string> {
    const answer = this.next();
    this.session.receive(`${command}\n`);
    return answer;
  }

  /** `from` then `pkam` (legacy, or the full form with an enrollment); the answer to pkam. */
  async pkam(atSign: string, key: string, enrollmentId?: string): Promise<string> {
    const challenge = dataOf(await this.send(`from:${atSign}`))!;
    const signature = rsaSign(key, challenge);
    return this.send(enrollmentId ? `pkam:signingAlgo:rsa2048:hashingAlgo:sha256:enrollmentId:${enrollmentId}:${signature}` : `pkam:${signature}`);
  }
}

/** The text after `data:` up to the prompt, or undefined for any other answer. */
export const dataOf = (answer: string) => /^data:(.*)\n[^\n]*$/su.exec(answer)?.[1];

/** A connection of Alice's own app, signed in with her legacy PKAM key. */
export async function asAlice(core: AtServerCore): Promise<Wire> {
  const wire = await new Wire(core).open();
  const answer = await wire.pkam(ALICE, fixtureKeys().pkamPrivateKey);
  if (answer !== `data:success\n${ALICE}@`) throw new Error(`PKAM failed: ${answer}`);
  return wire;
}

/** Lets queued commands run (the core answers asynchronously). */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
