import type { Handler } from './types';

export const getGrant: Handler<'atsign_getGrant'> = async ({ caller }, { grants, now }) =>
  grants.findActive(caller.origin, now());
