import type { Handler } from './types';

export const listGrants: Handler<'wallet_listGrants'> = async (_ctx, { grants }) => grants.list();
