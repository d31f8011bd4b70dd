export interface LeafOptions {
  /** 'localhost' unless told. */
  commonName?: string;
  /** DNS names in subjectAltName; ['localhost'] unless told. */
  hosts?: string[];
  /** IP addresses in subjectAltName; ['127.0.0.1'] unless told. */
  ips?: string[];
  /** The serverAuth extended key usage; true unless told. */
  serverAuth?: boolean;
  /** The clientAuth extended key usage; false unless told. */
  clientAuth?: boolean;
}

export interface TestCa {
  /** The CA's common name. */
  name: string;
  /** The CA certificate, PEM. */
  certPem: string;
  /** A leaf certificate signed by this CA, with a fresh RSA-2048 key (PKCS#8 PEM). */
  issue(leaf?: LeafOptions): Promise<{ certPem: string; keyPem: string }>;
}

/** A new RSA-2048 test CA valid for 30 days; a unique common name is made when none is given. */
export declare function createTestCa(options?: { name?: string }): Promise<TestCa>;
