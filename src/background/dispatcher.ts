// The one permission pipeline every request goes through:
// envelope → method exists for this caller → params valid → unlocked? →
// granted? → ask the person → handler → log.
// Whatever happens, the caller gets a Reply with a contract error code; an
// unexpected failure is logged here and answered as -32603, never thrown.
import { ErrorCode, WalletError, type WalletErrorShape } from '@/src/shared/errors';
import { isMethodName, methods, type MethodName, type MethodSpec, type Permission } from '@/src/shared/methods';
import { MAX_PAGE_PARAMS_TEXT, type Reply } from '@/src/shared/protocol';
import { SchemaError } from '@/src/shared/schema';
import { askConsent, type Consent } from './approvals/consent';
import type { Caller, PageCaller } from './caller';
import { currentGrant, noteUse } from './grants/grants';
import type { Handler, HandlerContext, Handlers } from './handlers/types';
import type { Services } from './services';

const MAX_METHOD_LENGTH = 64;

function toErrorShape(error: unknown): WalletErrorShape {
  if (error instanceof WalletError) return error.toJSON();
  console.error('atSign Wallet: unexpected error in a request', error);
  return { code: ErrorCode.Internal, message: 'Internal error in the wallet' };
}

function resolveMethod(request: { method?: unknown }, caller: Caller): MethodName {
  const { method } = request;
  if (typeof method !== 'string' || method.length === 0)
    throw new WalletError(ErrorCode.InvalidRequest, 'A request needs a method name (a string)');
  if (method.length > MAX_METHOD_LENGTH || !isMethodName(method) || methods[method].caller !== caller.kind) {
    // Methods meant for the wallet's own pages are not even named to a page.
    throw new WalletError(ErrorCode.UnsupportedMethod, `Unknown method "${method.slice(0, MAX_METHOD_LENGTH)}"`);
  }
  return method;
}

/** A page's params come as JSON text (see PageRequest in protocol.ts). */
function fromPage(params: unknown): unknown {
  if (typeof params !== 'string') return params;
  if (params.length > MAX_PAGE_PARAMS_TEXT)
    throw new WalletError(ErrorCode.InvalidParams, `Invalid params: more than ${MAX_PAGE_PARAMS_TEXT / 1024} KB`);
  try {
    return JSON.parse(params) as unknown;
  } catch {
    throw new WalletError(ErrorCode.InvalidParams, 'Invalid params: not JSON');
  }
}

function parseParams(method: MethodName, params: unknown, caller: Caller): unknown {
  try {
    return methods[method].params.parse(caller.kind === 'page' ? fromPage(params) : params, 'params');
  } catch (error) {
    if (error instanceof SchemaError) throw new WalletError(ErrorCode.InvalidParams, `Invalid params: ${error.message}`);
    throw error;
  }
}

/**
 * The gates before a handler: unlocked? → granted? → ask the person. Returns
 * what the handler is owed (the grant it may read under, or the person's
 * approval). Nothing is done for the caller before these pass.
 */
async function checkPermission(method: MethodName, caller: Caller, params: unknown, services: Services) {
  const permission: Permission = methods[method].permission;
  switch (permission) {
    case 'none':
      return {};
    case 'unlocked':
      await services.vault.requireKey();
      return {};
    case 'grant': {
      const { origin } = caller as PageCaller;
      const grant = await currentGrant(origin, services);
      if (!grant) throw new WalletError(ErrorCode.Unauthorized, 'This site has no access. Ask with atsign_connect.');
      await services.vault.requireKey();
      return { grant };
    }
    case 'consent': {
      const approval = await askConsent(method as keyof Consent, caller as PageCaller, params, services);
      return { approval };
    }
  }
}

/** The fields a logged result touched: a new grant's, or the profile values read. */
function fieldsIn(result: unknown): string[] {
  const r = result as { grant?: { fields?: string[] } } | null;
  return r?.grant?.fields ?? (r && typeof r === 'object' ? Object.keys(r) : []);
}

export type Dispatch = (request: { method?: unknown; params?: unknown }, caller: Caller) => Promise<Reply>;

export function createDispatcher(handlers: Handlers, services: Services): Dispatch {
  return async (request, caller) => {
    try {
      const method = resolveMethod(request, caller);
      const params = parseParams(method, request.params, caller);
      // Only the person's own actions keep the wallet from locking itself.
      if (caller.kind === 'ui' && !(methods[method] as MethodSpec).passive) await services.autoLock.touch();
      const owed = await checkPermission(method, caller, params, services);
      const handler = handlers[method] as Handler<MethodName>;
      const result = await handler({ caller, params, ...owed } as HandlerContext<MethodName>, services);
      const { activity } = methods[method] as MethodSpec;
      // Logged in order, but the site's answer does not wait for the writes.
      if (activity && caller.kind === 'page') {
        services.activity.recordSoon(activity, caller.origin, fieldsIn(result));
        void noteUse(caller.origin, services);
      }
      return { ok: true, result };
    } catch (error) {
      return { ok: false, error: toErrorShape(error) };
    }
  };
}
