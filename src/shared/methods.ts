// The one method table. Every method the wallet serves is declared here once:
// who may call it, what it needs before it runs, its params (validated at the
// boundary) and its result type. The background dispatcher, the UI client and
// the types a site sees are all derived from this table, so adding a method is
// one entry here plus one handler in src/background/handlers.
import type { Grant } from './grant';
import type { Persona } from './persona';
import { MAX_PERSONA_NAME, MAX_PERSONAS } from './persona';
import { FIELD_NAME, MAX_CUSTOM_FIELDS, MAX_LABEL_LENGTH, MAX_PICTURE_LENGTH, STANDARD_FIELDS } from './profile-fields';
import * as s from './schema';
import { AUTO_LOCK_CHOICES, PASSPHRASE_MIN_LENGTH, type IdentitySummary, type WalletState } from './wallet-state';

/**
 * Who may call a method. A page is any web page, identified by the origin the
 * browser reports; `ui` is the extension's own pages (popup, onboarding,
 * approval). Nothing is reachable from pages unless marked `page`.
 */
export type CallerKind = 'page' | 'ui';

/**
 * What the permission pipeline must establish before the handler runs.
 * `none`: nothing — the handler itself answers only what the caller may know.
 * `unlocked`: the vault is unlocked (else 4900).
 */
export type Permission = 'none' | 'unlocked';

export interface MethodSpec {
  caller: CallerKind;
  permission: Permission;
  params: s.Schema<unknown>;
  result: s.Schema<unknown>;
}

const passphrase = s.string({ min: 1, max: 1024 });
const newPassphrase = s.string({ min: PASSPHRASE_MIN_LENGTH, max: 1024 });
// Checked against the atPlatform's rules by the handlers, which explain each rule broken.
const atSignParam = s.string({ min: 1, max: 256 });
const personaId = s.string({ min: 1, max: 64 });

export const methods = {
  /** The calling site's grant, or null. Never prompts. */
  atsign_getGrant: {
    caller: 'page',
    permission: 'none',
    params: s.none(),
    result: s.type<Grant | null>(),
  },
  /** Every grant, for the permission manager. */
  wallet_listGrants: {
    caller: 'ui',
    permission: 'none',
    params: s.none(),
    result: s.type<Grant[]>(),
  },
  /** Everything the popup and onboarding show about the wallet itself. */
  wallet_getState: { caller: 'ui', permission: 'none', params: s.none(), result: s.type<WalletState>() },
  /** Sets the passphrase of a new wallet; refused once one exists. */
  wallet_setup: {
    caller: 'ui',
    permission: 'none',
    params: s.object({ passphrase: newPassphrase }),
    result: s.type<WalletState>(),
  },
  wallet_unlock: {
    caller: 'ui',
    permission: 'none',
    params: s.object({ passphrase }),
    result: s.type<WalletState>(),
  },
  wallet_lock: { caller: 'ui', permission: 'none', params: s.none(), result: s.type<WalletState>() },
  wallet_changePassphrase: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({ current: passphrase, next: newPassphrase }),
    result: s.type<WalletState>(),
  },
  wallet_setAutoLock: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({ minutes: s.literal(...AUTO_LOCK_CHOICES) }),
    result: s.type<WalletState>(),
  },
  /** Reads a .atKeys file's text; a file that is not right is refused whole. */
  wallet_importAtKeys: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({ content: s.string({ max: 1_048_576 }), fileName: s.optional(s.string({ max: 255 })) }),
    result: s.type<IdentitySummary>(),
  },
  /** Makes a new atSign's keys, as the atPlatform's onboarding does, plus its signing key. */
  wallet_createAtSign: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({ atSign: atSignParam }),
    result: s.type<IdentitySummary>(),
  },
  /** The .atKeys file of an atSign; the passphrase is asked again. */
  wallet_exportAtKeys: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({ atSign: atSignParam, passphrase }),
    result: s.type<{ fileName: string; content: string }>(),
  },
  wallet_setActiveAtSign: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({ atSign: atSignParam }),
    result: s.type<WalletState>(),
  },
  /** Removes an atSign and revokes every grant made with it. */
  wallet_removeAtSign: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({ atSign: atSignParam }),
    result: s.type<WalletState>(),
  },
  /** The personas of an atSign (the active one when none is named), in the person's order. */
  wallet_listPersonas: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.optional(s.object({ atSign: s.optional(atSignParam) })),
    result: s.type<Persona[]>(),
  },
  /** Creates (no id) or updates a persona; sites holding a changed field hear profileChanged. */
  wallet_savePersona: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({
      id: s.optional(personaId),
      atSign: s.optional(atSignParam),
      name: s.string({ min: 1, max: MAX_PERSONA_NAME }),
      fields: s.record(FIELD_NAME, s.string({ max: MAX_PICTURE_LENGTH }), {
        max: STANDARD_FIELDS.length + MAX_CUSTOM_FIELDS,
      }),
      labels: s.optional(s.record(FIELD_NAME, s.string({ min: 1, max: MAX_LABEL_LENGTH }), { max: MAX_CUSTOM_FIELDS })),
    }),
    result: s.type<Persona>(),
  },
  /** Deletes a persona and revokes every grant made with it. */
  wallet_deletePersona: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({ id: personaId }),
    result: s.type<Persona[]>(),
  },
  wallet_reorderPersonas: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({ atSign: s.optional(atSignParam), ids: s.array(personaId, { max: MAX_PERSONAS, unique: true }) }),
    result: s.type<Persona[]>(),
  },
} as const satisfies Record<string, MethodSpec>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type ParamsOf<M extends MethodName> = s.Infer<Methods[M]['params']>;
export type ResultOf<M extends MethodName> = s.Infer<Methods[M]['result']>;
export type MethodsFor<C extends CallerKind> = {
  [M in MethodName]: Methods[M]['caller'] extends C ? M : never;
}[MethodName];
export type PageMethodName = MethodsFor<'page'>;
export type UiMethodName = MethodsFor<'ui'>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}
