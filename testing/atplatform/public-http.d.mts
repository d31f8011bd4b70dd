import type { HttpAnswer } from './http-answer.mjs';

/** 'public:<name><atSign>' for a decoded request path, as the atServer's getKeyToLookup builds it. */
export declare function keyForPath(decodedPath: string, atSign: string): string;

/** The atServer's answer to an HTTPS request for public data. */
export declare function answerPublicHttp(
  request: { method?: string; url?: string },
  core: { atSign: string; publicLookup(name: string): { value: string | null; metadata: Record<string, unknown> } | null },
): HttpAnswer;
