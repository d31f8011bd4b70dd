// Drives the local atServer's core the way a door does — text in, whole
// answers out — and the fixture's keys, opened with node:crypto, to sign
// PKAM challenges as the atSign's own app.
import { createCipheriv, createDecipheriv, createPrivateKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AtServerCore } from '../../../../testing/atplatform/atserver/index.mjs';

export const ALICE = '@alice🛠';
export const atKeysJson = (file = `${ALICE}.atKeys`): Record<string, unknown> =>
  JSON.parse(readFileSync(path.resolve(process.cwd(), 'tests/fixtures/atkeys', file), 'utf8')) as Record<string, unknown>;

const ZERO_IV = Buffer.alloc(16);

export function aesDecrypt(base64Key: string, base64: string): string {
  const d = createDecipheriv('aes-256-ctr', Buffer.from(base64Key, 'base64'), ZERO_IV);
  const padded = Buffer.concat([d.update(Buffer.from(base64, 'base64')), d.final()]);
  return padded.subarray(0, padded.length - padded.at(-1)!).toString('utf8');
}

export function aesEncrypt(base64Key: string, text: string): string {
  const data = Buffer.from(text, 'utf8');
  const pad = 16 - (data.length % 16);
  const c = createCipheriv('aes-256-ctr', Buffer.from(base64Key, 'base64'), ZERO_IV);
  return Buffer.concat([c.update(Buffer.concat([data, Buffer.alloc(pad, pad)])), c.final()]).toString('base64');
}

/** The fixture's keys, decrypted: base64 DER. */
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

/** A connection to the core: send a command, read the next whole answer. */
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
        this.waiting.shift()?.(text);
      },
      close: () => {
        this.closed = true;
      },
    });
  }

  /** The next answer not read yet (waits for it). */
  next(): Promise<string> {
    const i = this.read++;
    if (i < this.written.length) return Promise.resolve(this.written[i]!);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async send(command: string): Promise<string> {
    const answer = this.next();
    this.session.receive(`${command}\n`);
    return answer;
  }

  /** `from` then `pkam` with `key`; the answer to pkam. */
  async pkam(atSign: string, key: string, enrollmentId?: string): Promise<string> {
    const challenge = (await this.send(`from:${atSign}`)).replace(/^data:/, '').replace(/\n@$/, '');
    const signature = rsaSign(key, challenge);
    return this.send(enrollmentId ? `pkam:signingAlgo:rsa2048:hashingAlgo:sha256:enrollmentId:${enrollmentId}:${signature}` : `pkam:${signature}`);
  }
}

export const dataOf = (answer: string) => /^data:(.*)\n/su.exec(answer)?.[1];
