// Methods a web page may call through the provider (the v1 page API, DESIGN §3).
import type { Grant } from '../grant';
import * as s from '../schema';
import { fieldList } from './params';

export interface ConnectResult {
  atSign: string;
  persona: { id: string; name: string };
  grant: Grant;
  profile: Record<string, string>;
}

export const pageMethods = {
  /** Asks the person for access to fields of one persona. */
  atsign_connect: {
    caller: 'page',
    permission: 'consent',
    activity: 'connect',
    params: s.object({
      fields: fieldList,
      optionalFields: s.optional(fieldList),
      purpose: s.optional(s.string({ max: 300 })),
    }),
    result: s.type<ConnectResult>(),
  },
  /** The calling site's grant, or null. Never prompts. */
  atsign_getGrant: {
    caller: 'page',
    permission: 'none',
    params: s.none(),
    result: s.type<Grant | null>(),
  },
  /** Values of granted fields (all of them when none are named). */
  atsign_readProfile: {
    caller: 'page',
    permission: 'grant',
    activity: 'read',
    params: s.optional(s.object({ fields: s.optional(fieldList) })),
    result: s.type<Record<string, string>>(),
  },
  /** The site gives its access back. */
  atsign_disconnect: {
    caller: 'page',
    permission: 'none',
    params: s.none(),
    result: s.type<null>(),
  },
} as const;
