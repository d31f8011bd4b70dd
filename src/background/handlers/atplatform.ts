import { parseAddress, formatAddress } from '@/src/atplatform';
import { ErrorCode, WalletError } from '@/src/shared/errors';
import type { AtPlatformView } from '@/src/shared/methods/atplatform';
import { rootOrigin } from '@/src/shared/root-origin';
import { requireIdentity } from '../identities/require-identity';
import type { Services } from '../services';
import type { Handler } from './types';

async function view({ settings, identities, links, sync }: Services): Promise<AtPlatformView> {
  const [root, addresses, records] = await Promise.all([
    settings.get('atPlatformRoot'),
    settings.get('atServerAddresses'),
    identities.list(),
  ]);
  return {
    root,
    atSigns: await Promise.all(
      records.map(async ({ atSign }) => ({ atSign, address: addresses[atSign] ?? null, status: links.status(atSign), personas: await sync.status(atSign) })),
    ),
  };
}

const invalid = (message: string, reason: string) => new WalletError(ErrorCode.InvalidParams, message, { reason });

export const getAtPlatform: Handler<'wallet_getAtPlatform'> = async (_ctx, services) => view(services);

export const setAtPlatformRoot: Handler<'wallet_setAtPlatformRoot'> = async ({ params }, services) => {
  let origin: string;
  try {
    origin = rootOrigin(params.root);
  } catch (error) {
    throw invalid((error as Error).message, 'bad-root');
  }
  await services.settings.set('atPlatformRoot', origin);
  const addresses = await services.settings.get('atServerAddresses');
  // Links that asked the old root ask the new one.
  for (const { atSign } of await services.identities.list()) if (!addresses[atSign]) services.links.restart(atSign);
  return view(services);
};

export const setAtServerAddress: Handler<'wallet_setAtServerAddress'> = async ({ params }, services) => {
  const { atSign } = await requireIdentity(params.atSign, services);
  const addresses = { ...(await services.settings.get('atServerAddresses')) };
  if (params.address === null) delete addresses[atSign];
  else {
    try {
      addresses[atSign] = formatAddress(parseAddress(params.address));
    } catch (error) {
      throw invalid((error as Error).message, 'bad-address');
    }
  }
  await services.settings.set('atServerAddresses', addresses);
  services.links.restart(atSign);
  return view(services);
};

export const reconnectAtServer: Handler<'wallet_reconnectAtServer'> = async ({ params }, services) => {
  const { atSign } = await requireIdentity(params.atSign, services);
  services.links.retryNow(atSign);
  return view(services);
};
