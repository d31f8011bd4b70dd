import type { ServerResponse } from 'node:http';

export interface HttpAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** Dart's HttpServer.defaultResponseHeaders. */
export declare const DART_DEFAULT_HEADERS: Readonly<Record<string, string>>;
export declare function answer(status: number, body?: string | Uint8Array, headers?: Record<string, string>): HttpAnswer;
export declare function send(res: ServerResponse, reply: HttpAnswer): void;
export declare function toRawHttp(reply: HttpAnswer): Buffer;
export declare function splitTarget(target: string): { path: string; query: string; params: Record<string, string> };
/** Null when the path's bytes are not UTF-8. */
export declare function decodePath(path: string): string | null;
