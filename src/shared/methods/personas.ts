// Methods for the wallet's own pages: the person's personas.
import type { Persona } from '../persona';
import { MAX_KEPT_PERSONAS, MAX_PERSONA_NAME } from '../persona';
import { FIELD_NAME, MAX_CUSTOM_FIELDS, MAX_LABEL_LENGTH, MAX_PICTURE_LENGTH, STANDARD_FIELDS } from '../profile-fields';
import * as s from '../schema';
import { atSign, personaId } from './params';

export const personaMethods = {
  /** The personas of an atSign (the active one when none is named), in the person's order. */
  wallet_listPersonas: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.optional(s.object({ atSign: s.optional(atSign) })),
    result: s.type<Persona[]>(),
  },
  /** Creates (no id) or updates a persona; sites holding a changed field hear profileChanged. */
  wallet_savePersona: {
    caller: 'ui',
    permission: 'unlocked',
    params: s.object({
      id: s.optional(personaId),
      atSign: s.optional(atSign),
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
    params: s.object({ atSign: s.optional(atSign), ids: s.array(personaId, { max: MAX_KEPT_PERSONAS, unique: true }) }),
    result: s.type<Persona[]>(),
  },
} as const;
