import { getGrant } from './get-grant';
import { listGrants } from './list-grants';
import type { Handlers } from './types';

export const handlers: Handlers = {
  atsign_getGrant: getGrant,
  wallet_listGrants: listGrants,
};
