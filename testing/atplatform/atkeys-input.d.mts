/** An atSign as the atPlatform keeps it (lowercase, one leading '@', no dots after it); throws on anything else. */
export declare function normaliseAtSign(input: string): string;
/** The atSign an .atKeys document belongs to; throws when it cannot tell. */
export declare function atSignOfAtKeys(atKeys: Record<string, unknown>, fileName?: string): string;
/** Reads and parses one .atKeys file; the error (code 'ATKEYS_UNREADABLE') names the file. */
export declare function readAtKeysFile(file: string): Promise<Record<string, unknown>>;
export declare function gatherAtSigns(options: {
  atKeys?: Array<string | Record<string, unknown>>;
  unactivated?: Array<{ atSign: string; cramSecret: string }>;
}): Promise<Array<{ atSign: string; atKeys: Record<string, unknown>; cramSecret?: undefined } | { atSign: string; cramSecret: string; atKeys?: undefined }>>;
