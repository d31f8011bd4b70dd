import { currentGrant } from '../grants/grants';
import type { Handler } from './types';

export const getGrant: Handler<'atsign_getGrant'> = async ({ caller }, services) => currentGrant(caller.origin, services);
