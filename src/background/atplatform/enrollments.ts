// The wallet's enrollment requests, one per atSign at a time: asked with a
// one-time code, then waited on until an app that manages the atSign
// approves (the wallet asks again every few seconds), is denied, or the wait
// runs out. Only an approved enrollment becomes an atSign in the wallet;
// until then the request's keys live in memory only, so a request the browser
// forgets (a restart) is simply asked again with a new code.

import { AtClient, AtServerError, type AtAddress, type AtConnector } from '@/src/atplatform';
import type { AtKeys } from '@/src/keys';
import { activateAtSign } from './activation';
import {
  EnrollmentError,
  fetchEnrolledKeys,
  makeEnrollmentMaterial,
  publishedEncryptionKey,
  requestEnrollment,
  type EnrollmentMaterial,
} from './enrollment';

export interface EnrollmentsDeps {
  /** Where the atSign's atServer is: null when the root does not know it. */
  locate(atSign: string): Promise<AtAddress | null>;
  connect: AtConnector;
  sleep(ms: number): Promise<void>;
  now(): number;
  /** Between asks while waiting. Default 2 s. */
  pollMs?: number;
  /** Longest wait for approval. Default 15 minutes. */
  patienceMs?: number;
  timeoutMs?: number;
}

export interface PendingEnrollment {
  atSign: string;
  enrollmentId: string;
  deviceName: string;
  address: AtAddress;
  material: EnrollmentMaterial;
}

const DENIED: Record<string, { problem: 'denied' | 'revoked' | 'expired'; says: (atSign: string) => string }> = {
  AT0025: { problem: 'denied', says: (a) => `The request to add this wallet to ${a} was denied in your other app.` },
  AT0027: { problem: 'revoked', says: (a) => `This wallet’s access to ${a} was revoked in your other app.` },
  AT0028: { problem: 'expired', says: (a) => `The request to add this wallet to ${a} expired before it was approved. Ask again with a new code.` },
};
const PENDING = 'AT0026';

export class Enrollments {
  readonly #pending = new Map<string, PendingEnrollment>();
  readonly #timeoutMs: number;

  constructor(private readonly deps: EnrollmentsDeps) {
    this.#timeoutMs = deps.timeoutMs ?? 10_000;
  }

  pending(atSign: string): PendingEnrollment | undefined {
    return this.#pending.get(atSign);
  }

  async #connect(address: AtAddress): Promise<AtClient> {
    return AtClient.connect(address, { connect: this.deps.connect, timeoutMs: this.#timeoutMs });
  }

  /** Finds the atSign's atServer and runs `work` on a new connection to it, closed afterwards. */
  async #atServerOf<T>(atSign: string, work: (client: AtClient, address: AtAddress) => Promise<T>): Promise<T> {
    const address = await this.deps.locate(atSign);
    if (address === null) throw new EnrollmentError('not-found', `The root does not know ${atSign}.`);
    const client = await this.#connect(address);
    try {
      return await work(client, address);
    } finally {
      client.close();
    }
  }

  /** Sends the request; resolves once the atServer holds it, waiting for approval. */
  request(atSign: string, otp: string, deviceName: string): Promise<PendingEnrollment> {
    return this.#atServerOf(atSign, async (client, address) => {
      const material = await makeEnrollmentMaterial(await publishedEncryptionKey(client, atSign));
      const enrollmentId = await requestEnrollment(client, { atSign, otp, deviceName, material });
      const pending = { atSign, enrollmentId, deviceName, address, material };
      this.#pending.set(atSign, pending);
      return pending;
    });
  }

  /**
   * Activates a new atSign with its activation secret; its keys, made here,
   * are given to `keep` before the secret is deleted (see activation.ts).
   */
  activate(atSign: string, secret: string, deviceName: string, keep: (keys: AtKeys) => Promise<void>): Promise<AtKeys> {
    return this.#atServerOf(atSign, (client) => activateAtSign(client, { atSign, secret, deviceName, keep }));
  }

  /** Waits for the person's other app to decide; on approval, the atSign's keys for this wallet. */
  async waitForApproval(atSign: string): Promise<AtKeys> {
    const pending = this.#pending.get(atSign);
    if (!pending) throw new EnrollmentError('expired', `No request to add this wallet to ${atSign} is waiting. Ask again with a new code.`);
    const until = this.deps.now() + (this.deps.patienceMs ?? 15 * 60_000);
    try {
      for (;;) {
        const keys = await this.#tryOnce(pending);
        if (keys) return keys;
        if (this.#pending.get(atSign) !== pending) {
          throw new EnrollmentError('expired', `The request to add this wallet to ${atSign} was cancelled.`);
        }
        if (this.deps.now() >= until) {
          throw new EnrollmentError('expired', `The request to add this wallet to ${atSign} was not approved in time. Ask again with a new code.`);
        }
        await this.deps.sleep(this.deps.pollMs ?? 2_000);
      }
    } finally {
      if (this.#pending.get(atSign) === pending) this.#pending.delete(atSign);
    }
  }

  /** Forgets a request: its wait ends as cancelled. */
  cancel(atSign: string): void {
    this.#pending.delete(atSign);
  }

  /** One attempt to authenticate as the enrolled app: its keys once approved, null while pending. */
  async #tryOnce({ atSign, enrollmentId, address, material }: PendingEnrollment): Promise<AtKeys | null> {
    let client: AtClient;
    try {
      client = await this.#connect(address);
    } catch {
      return null; // The atServer is away for a moment: ask again at the next turn.
    }
    try {
      await client.authenticate(atSign, { pkamPrivateKey: material.apkamPrivateKey, enrollmentId });
      return await fetchEnrolledKeys(client, { atSign, enrollmentId, material });
    } catch (error) {
      if (error instanceof AtServerError) {
        if (error.code === PENDING) return null;
        const denied = DENIED[error.code];
        if (denied) throw new EnrollmentError(denied.problem, denied.says(atSign), { cause: error });
        throw new EnrollmentError('unexpected', `${atSign}’s atServer refused this wallet’s request (${error.code}).`, { cause: error });
      }
      if (error instanceof EnrollmentError) throw error;
      return null; // The connection dropped: ask again at the next turn.
    } finally {
      client.close();
    }
  }
}
