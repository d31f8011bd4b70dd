// The personas' sync as the wallet runs it: over the links, with the atSign's
// self encryption key from the vault, and every change read from the atServer
// told to the sites as an edit made here would be.
import { selfKeyOf } from '../atplatform/wallet-links';
import { announceFieldChanges, endGrantsOf } from '../personas/announce';
import type { Services } from '../services';
import { PersonaSync, type PersonaSyncDeps } from './persona-sync';

/**
 * `services` is read when a sync runs, not before: the sync is one of them.
 * `tellPages` lets the wallet's open pages know an atSign's personas changed.
 */
export function createPersonaSync(
  services: () => Services,
  whileOnline: PersonaSyncDeps['whileOnline'],
  tellPages: (atSign: string) => void = () => undefined,
): PersonaSync {
  return new PersonaSync({
    get personas() {
      return services().personas;
    },
    get syncState() {
      return services().syncState;
    },
    get vault() {
      return services().vault;
    },
    whileOnline,
    selfKey: (atSign) => selfKeyOf(services().identities, services().vault, atSign),
    isGranted: async (personaId) => (await services().grants.byPersona(personaId)).length > 0,
    async onRemoteChanges(atSign, { updated, removed }) {
      tellPages(atSign);
      for (const { persona, changed } of updated) await announceFieldChanges(persona, changed, services());
      for (const id of removed) await endGrantsOf(id, services());
    },
    now: () => services().now(),
  });
}
