export declare class ZipError extends Error {}

export interface ZipEntry {
  name: string;
  versionMadeBy: number;
  versionNeeded: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  internalAttributes: number;
  externalAttributes: number;
  localOffset: number;
  extra: Buffer;
  localExtra: Buffer;
  comment: Buffer;
  compressed: Buffer;
  /** the entry's content, inflated and checked against its size and CRC-32 */
  data: Buffer;
}

export interface ZipComparison {
  /** byte for byte */
  identical: boolean;
  /** the same entry names, each with the same content */
  sameContent: boolean;
  sizes: [number, number];
  sha256: [string, string];
  files: number;
  onlyInFirst: string[];
  onlyInSecond: string[];
  duplicates: string[];
  /** files whose content differs; `other` is the second zip's name for it (a chunk named by its hash); `at` -1: only renamed */
  changed: Array<{ name: string; other: string; sizes: [number, number]; at: number; text: boolean; first: string; second: string; reasons: string[] }>;
  /** why the zip bytes differ apart from the files: order, timestamps, compression, attributes… */
  container: string[];
  /** the reasons found, each once */
  causes: string[];
}

export declare function crc32(bytes: Uint8Array): number;
export declare function readZip(buffer: Uint8Array): { entries: ZipEntry[]; comment: Buffer };
export declare function safeEntryPath(name: string): string;
export declare function extractZip(buffer: Uint8Array, dir: string): Promise<number>;
export declare function compareZips(first: Buffer, second: Buffer, options?: { folders?: [string, string] }): ZipComparison;
export declare function describeComparison(result: ZipComparison, labels?: [string, string]): string[];
export declare function checkSources(names: string[]): string[];
export declare function zipNames(pkg: { name: string; version: string }): { extension: string; sources: string };
