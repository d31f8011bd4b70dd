import type { HttpAnswer } from './http-answer.mjs';

/** The root's answer to an HTTPS request; `lookup` maps an atSign without its '@' to 'host:port' or null. */
export declare function answerRootHttp(request: { method?: string; url?: string }, lookup: (name: string) => string | null): HttpAnswer;
