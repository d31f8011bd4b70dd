// A persona: one face of a person — what they show to one group (work,
// family, the public). A site is granted fields of exactly one persona.

export interface Persona {
  id: string;
  atSign: string;
  name: string;
  /** position in the person's list, 0 first */
  order: number;
  /** field name (OIDC claim or x-…) → value; only fields with a value are present */
  fields: Record<string, string>;
  /** labels the person gave their custom x-… fields */
  labels: Record<string, string>;
}

export const DEFAULT_PERSONAS = ['Public', 'Work', 'Family'] as const;
/** How many personas a person can make in one wallet. */
export const MAX_PERSONAS = 20;
/**
 * How many the wallet keeps for an atSign: more can arrive from the atServer
 * (two wallets each adding, copies kept when both edited one), and none of
 * those is dropped; the person can still order and delete them.
 */
export const MAX_KEPT_PERSONAS = 4 * MAX_PERSONAS;
export const MAX_PERSONA_NAME = 40;
