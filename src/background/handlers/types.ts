import type { Grant } from '@/src/shared/grant';
import type { MethodName, Methods, ParamsOf, ResultOf } from '@/src/shared/methods';
import type { Consent } from '../approvals/consent';
import type { PageCaller, UiCaller } from '../caller';
import type { Services } from '../services';

type PermissionOf<M extends MethodName> = Methods[M]['permission'];

/** What the permission pipeline established for this method before calling its handler. */
export type HandlerContext<M extends MethodName> = {
  caller: Methods[M]['caller'] extends 'page' ? PageCaller : UiCaller;
  params: ParamsOf<M>;
} & (PermissionOf<M> extends 'grant' ? { grant: Grant } : unknown) &
  (M extends keyof Consent ? { approval: Consent[M] } : unknown);

export type Handler<M extends MethodName> = (ctx: HandlerContext<M>, services: Services) => Promise<ResultOf<M>>;

/** One handler per method; the compiler refuses a table entry without one. */
export type Handlers = { [M in MethodName]: Handler<M> };
