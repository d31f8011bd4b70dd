// Methods a web page may call through the provider (the v1 page API, DESIGN §3).
import type { KeyBinding } from '../../keys';
import type { Grant } from '../grant';
import * as s from '../schema';
import { fieldList } from './params';

export interface ConnectResult {
  atSign: string;
  persona: { id: string; name: string };
  grant: Grant;
  profile: Record<string, string>;
}

export interface SignInResult {
  message: string;
  /** base64url ed25519 signature over the UTF-8 message */
  signature: string;
  /** base64url ed25519 public key */
  publicKey: string;
  keyBinding: KeyBinding;
  /** Given when the request named fields: the persona shared from. */
  persona?: { id: string; name: string };
  /** Given when the request named fields: the site's grant after this sign-in. */
  grant?: Grant;
  /** Given when the request named fields: the granted values of the fields asked for. */
  profile?: Record<string, string>;
  /** Given with `profile`: base64url ed25519 signature over the profile bound to `message` (SDK's profileStatement). */
  profileSignature?: string;
}

/** What a site may ask to share: with atsign_connect, or with atsign_signIn in the same window. */
const fieldsAsked = {
  fields: fieldList,
  optionalFields: s.optional(fieldList),
  purpose: s.optional(s.string({ max: 300 })),
};

const nonce = s.string({ min: 8, max: 64, pattern: /^[A-Za-z0-9]+$/, hint: 'must be 8 to 64 letters and digits' });
const isoTime = s.string({
  max: 30,
  pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
  hint: 'must be a time like 2026-11-25T10:05:00.000Z',
});
const uri = s.string({ min: 3, max: 500, pattern: /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]+$/, hint: 'must be a URI' });

export const pageMethods = {
  /** Asks the person for access to fields of one persona. */
  atsign_connect: {
    caller: 'page',
    permission: 'consent',
    activity: 'connect',
    params: s.object(fieldsAsked),
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
  /**
   * Signs a Sign in with atSign message the wallet writes for this origin;
   * with `fields`, also shares them, in the same window when the site's grant
   * does not cover them yet.
   */
  atsign_signIn: {
    caller: 'page',
    permission: 'consent',
    activity: 'signIn',
    params: s.object({
      nonce,
      statement: s.optional(s.string({ min: 1, max: 300, pattern: /^[^\n\r]+$/, hint: 'must be one line' })),
      expirationTime: s.optional(isoTime),
      notBefore: s.optional(isoTime),
      requestId: s.optional(s.string({ min: 1, max: 200, pattern: /^[^\s]+$/, hint: 'must not contain spaces' })),
      resources: s.optional(s.array(uri, { min: 1, max: 20 })),
      fields: s.optional(fieldsAsked.fields),
      optionalFields: fieldsAsked.optionalFields,
      purpose: fieldsAsked.purpose,
    }),
    result: s.type<SignInResult>(),
  },
  /** The site gives its access back. */
  atsign_disconnect: {
    caller: 'page',
    permission: 'none',
    params: s.none(),
    result: s.type<null>(),
  },
} as const;
