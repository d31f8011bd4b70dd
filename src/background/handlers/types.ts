import type { MethodName, Methods, ParamsOf, ResultOf } from '@/src/shared/methods';
import type { PageCaller, UiCaller } from '../caller';
import type { Services } from '../services';

export interface HandlerContext<M extends MethodName> {
  caller: Methods[M]['caller'] extends 'page' ? PageCaller : UiCaller;
  params: ParamsOf<M>;
}

export type Handler<M extends MethodName> = (ctx: HandlerContext<M>, services: Services) => Promise<ResultOf<M>>;

/** One handler per method; the compiler refuses a table entry without one. */
export type Handlers = { [M in MethodName]: Handler<M> };
