// An atSign given to the client, normalised as the atPlatform does (lowercase,
// one leading "@", dots removed — src/keys' checkAtSign), or refused with the
// reasons. The atServer normalises the same way, so what we send is what it
// stores and compares.

import { checkAtSign } from '../keys/atsign';
import { badInput } from './errors';

/** "@alice🛠" for "Alice🛠" or "@alice🛠"; throws AtClientError('bad-input') otherwise. */
export function requireAtSign(atSign: string): string {
  const check = checkAtSign(atSign);
  if (!check.ok) throw badInput(`${JSON.stringify(String(atSign))} is not an atSign: ${check.problems.join(' ')}`);
  return check.atSign;
}
