export interface AtServerApprover {
  otp(): Promise<string>;
  list(): Promise<Array<{ enrollmentId: string; appName: string; deviceName: string; namespaces: Record<string, string>; status: string }>>;
  approve(enrollmentId: string): Promise<void>;
  deny(enrollmentId: string): Promise<void>;
  revoke(enrollmentId: string): Promise<void>;
}

export interface AtSession {
  receive(text: string): void;
  end(): void;
}

export interface AtServerCore {
  atSign: string;
  openSession(io: { write(text: string): void; close(): void; remote?: string }): AtSession;
  publicLookup(name: string): { value: string; metadata: Record<string, unknown> } | null;
  dump(): unknown;
  approver: AtServerApprover;
  /** The store's name for an enrollment: `<id>.new.enrollments.__manage@alice`. */
  enrollmentKey(enrollmentId: string): string;
  close(): void;
}

export declare function createAtServerCore(options: {
  atSign: string;
  atKeys?: Record<string, unknown>;
  cramSecret?: string;
  dataFile?: string;
}): Promise<AtServerCore>;
