import type { Handler } from './types';

export const listActivity: Handler<'wallet_listActivity'> = async ({ params }, { activity }) =>
  activity.list({ ...params, limit: params?.limit ?? 50 });
