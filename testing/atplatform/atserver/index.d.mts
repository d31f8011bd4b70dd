/** What the person's other app would do; tests drive it. */
export interface AtServerApprover {
  /** Issues a fresh one-time code, as `otp:get` does. */
  otp(): Promise<string>;
  list(): Promise<Array<{ enrollmentId: string; appName: string; deviceName: string; namespaces: Record<string, string>; status: string }>>;
  /** As an approving app holding the atSign's keys would (encrypts the keys for the requester). */
  approve(enrollmentId: string): Promise<void>;
  deny(enrollmentId: string): Promise<void>;
  revoke(enrollmentId: string): Promise<void>;
}

export interface AtSession {
  /** Raw text as it arrived: may hold part of a line or several lines; commands are handled one at a time, in order. */
  receive(text: string): void;
  /** The transport closed. */
  end(): void;
}

export interface AtServerCore {
  atSign: string;
  /**
   * A new connection. The core writes the greeting prompt ('@') at once; `write` is called once per
   * whole reply including the prompt after it, and once per monitor notification line.
   */
  openSession(io: { write(text: string): void; close(): void; remote?: string }): AtSession;
  /** Public data for the HTTPS door: 'publickey' → what public:publickey@alice holds; null when absent or not live. */
  publicLookup(name: string): { value: string; metadata: Record<string, unknown> } | null;
  /** The whole store exactly as it is persisted. */
  dump(): unknown;
  approver: AtServerApprover;
  /** Ends every session. */
  close(): void;
}

export declare function createAtServerCore(options: {
  /** e.g. '@alice🛠' (normalised as the server does). */
  atSign: string;
  /** Parsed .atKeys: the atSign is already activated. */
  atKeys?: Record<string, unknown>;
  /** Not activated yet: waits for `cram`. */
  cramSecret?: string;
  /** File-backed when given. */
  dataFile?: string;
  /** The first wait after a wrong one-time code (the server's 1000 ms); 0 lets tests skip the waits. */
  invalidOtpDelayMs?: number;
}): Promise<AtServerCore>;
