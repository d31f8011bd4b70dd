// Telling sites about persona changes, whichever wallet made them: an edit
// here or one read from the atServer reaches each site granted a changed
// field; a persona deleted (here or elsewhere) ends the grants made from it.
import type { Persona } from '@/src/shared/persona';
import { announceRevoked } from '../grants/revoke';
import type { Services } from '../services';

/** Each site hears only the changed fields it was granted. */
export async function announceFieldChanges(persona: Persona, changed: string[], services: Services): Promise<void> {
  for (const grant of await services.grants.byPersona(persona.id)) {
    // A grant whose time is up gets nothing more, even before its alarm rings.
    if (grant.expiresAt !== null && grant.expiresAt <= services.now()) continue;
    const granted = changed.filter((field) => grant.fields.includes(field));
    if (granted.length === 0) continue;
    const values = Object.fromEntries(granted.map((field) => [field, persona.fields[field] ?? null]));
    await services.events.emit(grant.origin, 'profileChanged', values);
  }
}

/** The grants made from a deleted persona end, and their sites are told. */
export async function endGrantsOf(personaId: string, services: Services): Promise<void> {
  await announceRevoked(await services.grants.removeByPersona(personaId), 'person', services);
}
